// Bộ chỉ số: the framework of a year and block, edited, cloned, imported and exported.
import { z } from 'zod';
import { criterionNodeSchema } from '../domain';
import { cancellable, code, none, year } from '../channels';
import { sessionSchema } from '../workspace/channels';

export const frameworkProblemSchema = z.object({ code: z.string(), message: z.string() });

export const frameworkContract = {
  'framework:get': {
    input: z.object({ year, blockCode: code }),
    output: z.object({
      exists: z.boolean(),
      nodes: z.array(criterionNodeSchema),
      problems: z.array(frameworkProblemSchema),
      hasScores: z.boolean(),
    }),
  },
  'framework:save': {
    input: z.object({ year, blockCode: code, nodes: z.array(criterionNodeSchema).max(2000) }),
    output: z.object({ saved: z.literal(true) }),
  },
  /** copies one block's framework, or (blockCode null) every block the new year lacks; answers with the blocks copied and the session */
  'framework:clone': {
    input: z.object({ fromYear: year, toYear: year, blockCode: code.nullable() }),
    output: z.object({ session: sessionSchema, blocks: z.array(z.string()) }),
  },
  'framework:import': { input: z.object({ year, blockCode: code }), output: cancellable(z.object({ nodes: z.number() })) },
  /** a sheet with the columns the import reads and two example rows, saved where the person chooses */
  'framework:template': { input: none, output: cancellable(z.object({ file: z.string() })) },
  'framework:export': { input: z.object({ year, blockCode: code }), output: cancellable(z.object({ file: z.string() })) },
} as const;
