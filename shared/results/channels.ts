// Kết quả: the results of a year with the settings that classify them.
import { z } from 'zod';
import { blockSettingsSchema, yearResultsSchema } from '../domain';
import { cancellable, code, year } from '../channels';

export const resultsContract = {
  'results:get': {
    input: z.object({ year }),
    output: z.object({
      results: yearResultsSchema,
      settings: z.array(blockSettingsSchema),
      /** the decision that published the year (date yyyy-mm-dd); null before */
      publication: z.object({ decision: z.string(), date: z.string() }).nullable().optional(),
    }),
  },
  /** a year's ranking as published (Mã or Tên đơn vị, Chỉ số, Xếp hạng, Tổng điểm), picked in the file dialog */
  'results:importPublished': {
    input: z.object({ year, blockCode: code }),
    output: cancellable(z.object({ file: z.string(), units: z.number() })),
  },
} as const;
