// Returned forms imported one file after another: the progress, each file's result (a file
// the main process could not read is a refused result, not the end of the batch) and the
// summary of the batch.
import type { FormImportResultOutput } from '../../../shared/contract';
import { formatNumber } from '../../../shared/format';
import type { Message } from '../../app/messages';
import { baseName } from '../../app/paths';

export interface Progress {
  done: number;
  total: number;
  /** the file being imported */
  file: string;
}

/** A line of the report: the result, and the token of its file (to import it again for another year). */
export type ReportRow = FormImportResultOutput & { token: string | null };

export interface ImportState {
  progress: Progress | null;
  results: ReportRow[];
}

export type ImportEvent = { type: 'start' } | { type: 'file'; index: number; total: number; file: string } | { type: 'result'; result: ReportRow } | { type: 'finish'; total: number };

export const noImport: ImportState = { progress: null, results: [] };

export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'start':
      return { ...state, results: [] };
    case 'file':
      return { ...state, progress: { done: event.index, total: event.total, file: baseName(event.file) } };
    case 'result':
      return { ...state, results: [...state.results, event.result] };
    case 'finish':
      return { ...state, progress: { done: event.total, total: event.total, file: '' } };
  }
}

/** A file the main process refused whole: a result of its own in the report. */
export function refusedResult(file: string, message: string): FormImportResultOutput {
  return {
    file: baseName(file),
    path: file,
    status: 'refused',
    unit: null,
    unitName: null,
    year: null,
    matchedBy: null,
    submissionId: null,
    errors: [{ message }],
    warnings: [],
    evidence: null,
    missingEvidence: [],
    changes: 0,
    otherYear: null,
    flaggedForReappraisal: [],
  };
}

/** The result as the main process gave it, without the token the window keeps beside it. */
export function withoutToken({ token: _token, ...result }: ReportRow): FormImportResultOutput {
  return result;
}

/**
 * What the report offers for a form of another year: switch to that year and import it, or
 * only say the year is not in the workspace.
 */
export function otherYearOffer(r: ReportRow, years: number[]): { year: number; switchable: boolean } | null {
  if (r.status !== 'refused' || r.otherYear === null || r.token === null) return null;
  return { year: r.otherYear, switchable: years.includes(r.otherYear) };
}

/** "1,5 → 2", "— → 2,5": a self score before and after an import. */
export function scoreChange(before: number | null, after: number | null): string {
  const show = (v: number | null) => (v === null ? '—' : formatNumber(v, 4));
  return `${show(before)} → ${show(after)}`;
}

/** "Đã xử lý 12 tệp: 10 đã nhập, 1 không thay đổi, 1 bị từ chối." as a warning when any was refused. */
export function batchSummary(results: FormImportResultOutput[]): Message {
  const count = (status: FormImportResultOutput['status']) => results.filter((r) => r.status === status).length;
  const refused = count('refused');
  return {
    kind: refused ? 'warning' : 'info',
    text: `Đã xử lý ${formatNumber(results.length)} tệp: ${formatNumber(count('imported'))} đã nhập, ${formatNumber(count('unchanged'))} không thay đổi, ${formatNumber(refused)} bị từ chối.`,
  };
}

/** What a form's evidence did, as lines of the import table: what came, what is tied to no leaf, what is missing. */
export function evidenceLines(r: FormImportResultOutput): { kind: 'info' | 'warning'; text: string }[] {
  const lines: { kind: 'info' | 'warning'; text: string }[] = [];
  const e = r.evidence;
  if (e) {
    lines.push({
      kind: 'info',
      text: `Tài liệu kiểm chứng (${e.source}): ${e.files} tệp, ${e.added} tài liệu mới${e.unchanged ? `, ${e.unchanged} đã có` : ''}`,
    });
    if (e.unassigned.length) lines.push({ kind: 'warning', text: `Chưa gán tiêu chí (gán trong Thẩm định): ${e.unassigned.join(', ')}` });
    for (const n of e.notReceived) lines.push({ kind: 'warning', text: `Tiêu chí ${n.criterion} ghi tài liệu "${n.name}" nhưng không nhận được tệp` });
  }
  if (r.missingEvidence.length) lines.push({ kind: 'warning', text: `Thiếu tài liệu kiểm chứng: ${r.missingEvidence.join(', ')}` });
  return lines;
}
