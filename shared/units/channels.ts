// Đơn vị: the units of the workspace with their blocks and lineage; one typed on screen or a
// list imported from Excel after a preview; every change recorded and the last one undone.
import { z } from 'zod';
import { blockSchema, unitSchema } from '../domain';
import { cancellable, code, none, problemSchema } from '../channels';
import { MAX_UNIT_CODE_LENGTH } from './codes';

const yearInForce = z.number().int().min(1990).max(2200).nullable();

const unitInputSchema = z.object({
  code: z.string().trim().min(1).max(MAX_UNIT_CODE_LENGTH),
  name: z.string().trim().min(1).max(300),
  blockCode: code,
  ranked: z.boolean(),
  predecessors: z.array(code).max(200),
  fromYear: yearInForce.optional(),
  toYear: yearInForce.optional(),
});

const unitChangeSchema = z.object({
  at: z.string(),
  actor: z.string(),
  source: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  kind: z.enum(['added', 'changed', 'deleted']),
  undone: z.boolean(),
});

const previewSchema = z.object({
  unit: unitInputSchema.partial({ predecessors: true, ranked: true }),
  status: z.enum(['new', 'changed', 'unchanged']),
  changes: z.array(z.string()),
});

const listSchema = z.object({ units: z.array(unitSchema), blocks: z.array(blockSchema) });

export const unitsContract = {
  'units:list': { input: none, output: listSchema },
  /** `add` refuses a code in use; `edit` changes the unit of that code */
  'units:save': { input: z.object({ unit: unitInputSchema, mode: z.enum(['add', 'edit']) }), output: z.object({ units: z.array(unitSchema) }) },
  'units:delete': { input: z.object({ code }), output: z.object({ units: z.array(unitSchema) }) },
  'units:history': { input: none, output: z.object({ changes: z.array(unitChangeSchema), canUndo: z.boolean() }) },
  'units:undo': { input: none, output: z.object({ units: z.array(unitSchema), undone: z.number() }) },
  /** a unit list picked in the file dialog, read and compared with the workspace; nothing written */
  'units:pickImport': {
    input: none,
    output: cancellable(z.object({ token: z.string(), file: z.string(), preview: z.array(previewSchema), warnings: z.array(problemSchema) })),
  },
  /** writes the list previewed under `token` */
  'units:import': {
    input: z.object({ token: z.string().min(1).max(100) }),
    output: listSchema.extend({ created: z.number(), updated: z.number() }),
  },
  /** an example unit list with the expected columns, for staff to fill */
  'units:template': { input: none, output: cancellable(z.object({ file: z.string() })) },
} as const;
