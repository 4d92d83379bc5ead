// Biểu mẫu: self-assessment forms out to the units, their returned files in, one at a time
// so the window shows progress, and the import report.
import { z } from 'zod';
import { cancellable, code, fileToken, none, pickedFileSchema, year } from '../channels';
import { evidenceLandedSchema } from '../evidence/channels';

const formProblemSchema = z.object({ sheet: z.string().optional(), cell: z.string().optional(), message: z.string() });

/** What importing one returned form did: its unit, status, every error and warning. */
export const formImportResultSchema = z.object({
  file: z.string(),
  path: z.string(),
  status: z.enum(['imported', 'refused', 'unchanged']),
  unit: z.string().nullable(),
  unitName: z.string().nullable(),
  year: z.number().nullable(),
  matchedBy: z.enum(['metadata', 'content']).nullable(),
  submissionId: z.number().nullable(),
  errors: z.array(formProblemSchema),
  warnings: z.array(formProblemSchema),
  changes: z.number(),
  flaggedForReappraisal: z.array(z.string()),
  evidence: evidenceLandedSchema.nullable(),
  missingEvidence: z.array(z.string()),
});
export type FormImportResultOutput = z.infer<typeof formImportResultSchema>;

export const formsContract = {
  'forms:status': { input: none, output: z.object({ available: z.boolean() }) },
  'forms:generate': {
    input: z.object({ year, blockCode: code.nullable() }),
    output: cancellable(z.object({ folder: z.string(), files: z.number() })),
  },
  /** the returned files (or folders of them) the person picks, expanded to the forms they hold */
  'forms:pickReturned': { input: none, output: cancellable(z.object({ files: z.array(pickedFileSchema) })) },
  /** files and folders dropped on the window (their tokens), expanded to the forms they hold */
  'forms:expand': { input: z.object({ tokens: z.array(fileToken).max(5000) }), output: z.object({ files: z.array(pickedFileSchema) }) },
  /** one file at a time, so that the window shows the progress */
  'forms:importOne': { input: z.object({ year, token: fileToken }), output: formImportResultSchema },
  'forms:exportReport': {
    input: z.object({ results: z.array(formImportResultSchema).max(5000) }),
    output: cancellable(z.object({ file: z.string() })),
  },
} as const;
