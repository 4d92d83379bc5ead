// Hội đồng: the council's members and, per block of a year, who appraises what.
import { z } from 'zod';
import { cancellable, code, year } from '../channels';

const memberSchema = z.object({ id: z.number(), name: z.string(), organisation: z.string().nullable() });
const uncoveredSchema = z.object({ criterion: z.string(), title: z.string(), units: z.array(z.string()) });

const problem = z.object({ sheet: z.string().optional(), cell: z.string().optional(), message: z.string() });
const packageImportSchema = z.object({
  file: z.string(),
  status: z.enum(['imported', 'unchanged', 'refused']),
  member: z.string().nullable(),
  changes: z.number(),
  conflicts: z.array(
    z.object({
      unit: z.string(),
      criterion: z.string(),
      packageValue: z.number().nullable(),
      currentValue: z.number().nullable(),
      changedBy: z.string().nullable(),
      changedAt: z.string().nullable(),
    }),
  ),
  errors: z.array(problem),
  warnings: z.array(problem),
});
const conflictSchema = z.object({
  id: z.number(),
  memberName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  criterionCode: z.string(),
  packageValue: z.number().nullable(),
  packageRemark: z.string().nullable(),
  issuedValue: z.number().nullable(),
  currentValue: z.number().nullable(),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});

const blockCouncilSchema = z.object({
  code: z.string(),
  name: z.string(),
  units: z.number(),
  fields: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      leaves: z.number(),
      members: z.array(z.object({ memberId: z.number(), leaves: z.number(), units: z.number().nullable() })),
    }),
  ),
  assignments: z.array(
    z.object({
      id: z.number(),
      memberId: z.number(),
      memberName: z.string(),
      criteria: z.array(z.string()),
      units: z.array(z.string()).nullable(),
      leaves: z.number(),
      at: z.string(),
      actor: z.string(),
    }),
  ),
  uncovered: z.array(uncoveredSchema),
});

export const councilContract = {
  'council:get': { input: z.object({ year }), output: z.object({ members: z.array(memberSchema), blocks: z.array(blockCouncilSchema) }) },
  'council:saveMember': {
    input: z.object({ name: z.string().trim().min(1).max(120), organisation: z.string().max(200).nullable() }),
    output: z.object({ member: memberSchema, added: z.boolean() }),
  },
  /** members read from a sheet picked in the file dialog (Họ và tên, Cơ quan) */
  'council:importMembers': { input: z.object({}), output: cancellable(z.object({ file: z.string(), added: z.number(), updated: z.number() })) },
  'council:assign': {
    input: z.object({
      year,
      blockCode: code,
      member: z.string().min(1).max(120),
      /** field or criterion codes, separated by commas */
      criteria: z.string().min(1).max(2000),
      /** unit codes, separated by commas; empty = every unit of the block */
      units: z.string().max(20000),
    }),
    output: z.object({ uncovered: z.array(uncoveredSchema) }),
  },
  'council:unassign': { input: z.object({ id: z.number().int() }), output: z.object({ removed: z.literal(true) }) },
  /** the packages of the year's assigned members, written into a folder picked in the dialog */
  'council:writePackages': {
    input: z.object({ year }),
    output: cancellable(z.object({ folder: z.string(), packages: z.array(z.object({ memberName: z.string(), file: z.string(), rows: z.number(), units: z.number() })) })),
  },
  /** returned packages picked in the dialog */
  'council:importPackages': {
    input: z.object({ year, preferPackage: z.boolean() }),
    output: cancellable(z.array(packageImportSchema)),
  },
  /** the packages issued in a year and the conflicts still open */
  'council:packages': {
    input: z.object({ year }),
    output: z.object({
      packages: z.array(
        z.object({ id: z.string(), memberName: z.string(), issuedAt: z.string(), fileName: z.string(), rows: z.number(), imports: z.number(), lastImportAt: z.string().nullable() }),
      ),
      conflicts: z.array(conflictSchema),
    }),
  },
  'council:resolveConflict': { input: z.object({ year, id: z.number().int(), resolution: z.enum(['keep', 'package']) }), output: z.object({ resolved: z.literal(true) }) },
} as const;
