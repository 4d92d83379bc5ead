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
  /** criteria whose self score, evidence or explanation changed */
  changes: z.number(),
  /** the year the form belongs to when it was refused for being of another year */
  otherYear: z.number().nullable(),
  flaggedForReappraisal: z.array(z.string()),
  evidence: evidenceLandedSchema.nullable(),
  missingEvidence: z.array(z.string()),
});
export type FormImportResultOutput = z.infer<typeof formImportResultSchema>;

/** A form imported earlier, as listed under the report. */
export const pastImportSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  importedAt: z.string(),
  actor: z.string(),
  status: z.enum(['current', 'superseded']),
  version: z.number(),
  matchedBy: z.enum(['metadata', 'content']),
  changes: z.number(),
  warnings: z.number(),
});
export type PastImportOutput = z.infer<typeof pastImportSchema>;

/** A past import opened: each criterion it changed once, and the warnings it had. */
export const pastImportDetailSchema = pastImportSchema.extend({
  year: z.number(),
  criteria: z.array(
    z.object({
      criterionCode: z.string(),
      title: z.string().nullable(),
      selfScoreChanged: z.boolean(),
      oldSelfScore: z.number().nullable(),
      newSelfScore: z.number().nullable(),
      evidenceChanged: z.boolean(),
      explanationChanged: z.boolean(),
    }),
  ),
  warningList: z.array(formProblemSchema),
});
export type PastImportDetailOutput = z.infer<typeof pastImportDetailSchema>;

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
  /** the forms imported for a year, newest first */
  'forms:history': { input: z.object({ year }), output: z.array(pastImportSchema) },
  /** one past import with the criteria it changed */
  'forms:historyEntry': { input: z.object({ id: z.number().int().positive() }), output: pastImportDetailSchema },
  'forms:exportReport': {
    input: z.object({ results: z.array(formImportResultSchema).max(5000) }),
    output: cancellable(z.object({ file: z.string() })),
  },
} as const;
