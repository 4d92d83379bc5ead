// The printed outputs of a year: unit scorecards (PDF, with progress) and the official
// summary workbook.
import { z } from 'zod';
import { cancellable, code, none, year } from '../channels';

/** Which scorecards to print: one unit, one block, or every unit of the year. */
const scorecardSelection = z.union([
  z.object({ unitCode: code }).strict(),
  z.object({ blockCode: code }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type ScorecardSelectionInput = z.infer<typeof scorecardSelection>;

/** Where a batch of scorecards stands; the window asks while the batch runs. */
const printProgress = z.object({
  running: z.boolean(),
  done: z.number(),
  total: z.number(),
  unitName: z.string().nullable(),
});
export type PrintProgressOutput = z.infer<typeof printProgress>;

export const printContract = {
  /** Prints the chosen scorecards into a folder the person picks; the window polls the progress. */
  'reports:printScorecards': {
    input: z.object({ year, selection: scorecardSelection, combined: z.boolean() }),
    output: cancellable(
      z.object({ folder: z.string(), files: z.array(z.string()), units: z.number(), pages: z.record(z.string(), z.number()) }),
    ),
  },
  'reports:printProgress': { input: none, output: printProgress },
  'reports:exportSummary': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string(), sheets: z.array(z.string()) })),
  },
} as const;
