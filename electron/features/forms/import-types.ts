// What importing a returned form gives and takes: the result of each file with its located
// problems, the options, the progress of a batch.
import type { LandedEvidence } from '../evidence/service';
import type { MatchMethod } from './store';

export type FormImportStatus = 'imported' | 'refused' | 'unchanged';

export interface FormImportProblem {
  sheet?: string;
  cell?: string;
  message: string;
}

export interface FormImportResult {
  /** the file's name, as the report shows it */
  file: string;
  path: string;
  status: FormImportStatus;
  unit: string | null;
  unitName: string | null;
  year: number | null;
  matchedBy: MatchMethod | null;
  submissionId: number | null;
  errors: FormImportProblem[];
  warnings: FormImportProblem[];
  /** criteria (leaves) whose self score, evidence or explanation this file changed */
  changes: number;
  /** the year the form belongs to when it was refused for not being of the year being imported */
  otherYear: number | null;
  /** leaves whose appraised score was kept while the self score under it changed */
  flaggedForReappraisal: string[];
  /** the evidence that came beside the form (a folder or .zip of the same name), as it landed */
  evidence: (LandedEvidence & { source: string; files: number }) | null;
  /** the unit's evidence-required leaves with a score above 0 and no document, after the import */
  missingEvidence: string[];
}

export interface FormImportOptions {
  /** refuse forms of another year (the year the user is working on) */
  expectedYear?: number;
  /** for forms that do not say which unit or year they belong to */
  unitCode?: string;
  year?: number;
  actor?: string;
}

export interface FormImportProgress {
  done: number;
  total: number;
  file: string;
  status: FormImportStatus;
}

