// The drafted documents of a year: the analysis report and the annex of the publishing
// decision, written as .docx where the person picks in the save dialog; and the national
// tables (MOHA's ranking of all provinces), imported from a picked file and listed.
import { z } from 'zod';
import { cancellable, none, problemSchema, year } from '../channels';

export const analysisContract = {
  'analysis:exportReport': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string() })),
  },
  'analysis:exportAnnex': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string(), blocks: z.number() })),
  },
  /** the national tables imported, each with our province's index, rank "23/63" and change */
  'analysis:nationalTables': {
    input: none,
    output: z.object({
      /** our province's name as kept (the last import's, else the workspace's province) */
      ours: z.string().nullable(),
      years: z.array(
        z.object({
          year: z.number(),
          fileName: z.string(),
          provinces: z.number(),
          ours: z
            .object({
              name: z.string(),
              index: z.number().nullable(),
              rank: z.number().nullable(),
              previousYear: z.number().nullable(),
              deltaIndex: z.number().nullable(),
              deltaRank: z.number().nullable(),
            })
            .nullable(),
          warnings: z.number(),
        }),
      ),
    }),
  },
  /** MOHA's table of all provinces for a year, picked in the file dialog */
  'analysis:importNational': {
    input: z.object({ year, ours: z.string().trim().max(200).nullable() }),
    output: cancellable(
      z.object({
        year: z.number(),
        provinces: z.number(),
        ours: z.string().nullable(),
        warnings: z.array(problemSchema),
        lineageQuestions: z.array(z.string()),
      }),
    ),
  },
} as const;
