// Đơn vị: the units of the workspace with their blocks and lineage.
import { z } from 'zod';
import { blockSchema, unitSchema } from '../domain';
import { code, none } from '../channels';

export const unitsContract = {
  'units:list': { input: none, output: z.object({ units: z.array(unitSchema), blocks: z.array(blockSchema) }) },
  'units:save': {
    input: z.object({
      unit: z.object({
        code: z.string().trim().min(1).max(40),
        name: z.string().trim().min(1).max(300),
        blockCode: code,
        ranked: z.boolean(),
        predecessors: z.array(code).max(200),
      }),
    }),
    output: z.object({ units: z.array(unitSchema) }),
  },
  'units:delete': { input: z.object({ code }), output: z.object({ units: z.array(unitSchema) }) },
} as const;
