// Errors a person can act on: where (file, sheet, cell or row/column) and what to do.
export interface ProblemLocation {
  file?: string;
  sheet?: string;
  /** spreadsheet address such as "D15" */
  cell?: string;
  /** 1-based row of the file (header = row 1) */
  row?: number;
  /** column header as written in the file */
  column?: string;
}

/**
 * The control that fixes a problem, when one does: each surface names it its own way (the
 * command line its option, the screen its button), so that messages carry no such words.
 */
export type ProblemHint = 'unit' | 'mapping-profile' | 'survey-template' | 'survey-link' | 'overwrite';

export interface Problem extends ProblemLocation {
  message: string;
  hint?: ProblemHint;
}

/** Describes a problem's place in Vietnamese: "Tệp a.xlsx, trang Sheet1, ô D15". */
export function describeLocation(loc: ProblemLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(`Tệp ${loc.file}`);
  if (loc.sheet) parts.push(`trang ${loc.sheet}`);
  if (loc.cell) parts.push(`ô ${loc.cell}`);
  else {
    if (loc.row !== undefined) parts.push(`dòng ${loc.row}`);
    if (loc.column) parts.push(`cột "${loc.column}"`);
  }
  return parts.join(', ');
}

export function formatProblem(p: Problem): string {
  const where = describeLocation(p);
  return where ? `${where}: ${p.message}` : p.message;
}

/**
 * A refusal caused by the user's input (a file, an argument, a workspace): the CLI exits 1
 * with it, the app shows it. `problems` lists every bad place found, not only the first.
 */
export class UserError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | string) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(list.map(formatProblem).join('\n'));
    this.name = 'UserError';
    this.problems = list;
  }
}
