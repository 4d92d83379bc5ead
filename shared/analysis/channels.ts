// The drafted documents of a year: the analysis report and the annex of the publishing
// decision, written as .docx where the person picks in the save dialog.
import { z } from 'zod';
import { cancellable, year } from '../channels';

export const analysisContract = {
  'analysis:exportReport': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string() })),
  },
  'analysis:exportAnnex': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string(), blocks: z.number() })),
  },
} as const;
