// Hội đồng: the council's members and, per block of a year, who appraises what.
import { z } from 'zod';
import { cancellable, code, year } from '../channels';

const memberSchema = z.object({ id: z.number(), name: z.string(), organisation: z.string().nullable() });
const uncoveredSchema = z.object({ criterion: z.string(), title: z.string(), units: z.array(z.string()) });

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
} as const;
