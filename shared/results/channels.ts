// Kết quả: the results of a year with the settings that classify them.
import { z } from 'zod';
import { blockSettingsSchema, yearResultsSchema } from '../domain';
import { year } from '../channels';

export const resultsContract = {
  'results:get': {
    input: z.object({ year }),
    output: z.object({ results: yearResultsSchema, settings: z.array(blockSettingsSchema) }),
  },
} as const;
