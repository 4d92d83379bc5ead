// The imports of returned forms kept in the workspace, as the Biểu mẫu screen lists them: every
// submission of a year newest first, and one opened with the criteria it changed (self score
// before and after, whether the evidence or explanation changed) and the warnings it had.
import type { Workspace } from '../../db/workspace';
import { getFramework } from '../framework/store';
import { getUnit } from '../units/store';
import { UserError } from '../../../shared/errors';
import { getSubmission, listSubmissions, type SubmissionDiff, type SubmissionSummary, type SubmissionWarning } from './store';

export interface PastImport {
  id: number;
  fileName: string;
  unitCode: string;
  unitName: string;
  importedAt: string;
  actor: string;
  status: SubmissionSummary['status'];
  /** 1 for the unit's first form of the year, 2 for the next… */
  version: number;
  matchedBy: SubmissionSummary['matchedBy'];
  /** criteria whose self score, evidence or explanation the import changed */
  changes: number;
  warnings: number;
}

export interface ChangedCriterion {
  criterionCode: string;
  title: string | null;
  selfScoreChanged: boolean;
  oldSelfScore: number | null;
  newSelfScore: number | null;
  evidenceChanged: boolean;
  explanationChanged: boolean;
}

export interface PastImportDetail extends PastImport {
  year: number;
  criteria: ChangedCriterion[];
  warningList: SubmissionWarning[];
}

function toPast(s: SubmissionSummary): PastImport {
  return {
    id: s.id,
    fileName: s.fileName,
    unitCode: s.unitCode,
    unitName: s.unitName,
    importedAt: s.importedAt,
    actor: s.actor,
    status: s.status,
    version: s.version,
    matchedBy: s.matchedBy,
    changes: s.changeCount,
    warnings: s.warningCount,
  };
}

/** Every form imported for a year, newest first. */
export function pastImports(ws: Workspace, year: number): PastImport[] {
  return listSubmissions(ws, year)
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id)
    .map(toPast);
}

/** The criteria a diff touches, in the framework's order, each once. */
function changedCriteriaOf(diff: SubmissionDiff[], order: Map<string, { index: number; title: string }>): ChangedCriterion[] {
  const byCode = new Map<string, ChangedCriterion>();
  for (const d of diff) {
    const c = byCode.get(d.criterionCode) ?? {
      criterionCode: d.criterionCode,
      title: order.get(d.criterionCode)?.title ?? null,
      selfScoreChanged: false,
      oldSelfScore: null,
      newSelfScore: null,
      evidenceChanged: false,
      explanationChanged: false,
    };
    if (d.field === 'selfScore') {
      c.selfScoreChanged = true;
      c.oldSelfScore = typeof d.oldValue === 'number' ? d.oldValue : null;
      c.newSelfScore = typeof d.newValue === 'number' ? d.newValue : null;
    } else if (d.field === 'evidence') c.evidenceChanged = true;
    else c.explanationChanged = true;
    byCode.set(d.criterionCode, c);
  }
  const rank = (code: string) => order.get(code)?.index ?? Number.MAX_SAFE_INTEGER;
  return [...byCode.values()].sort((a, b) => rank(a.criterionCode) - rank(b.criterionCode));
}

/** One past import, opened. */
export function pastImportDetail(ws: Workspace, id: number): PastImportDetail {
  const s = getSubmission(ws, id);
  if (!s) throw new UserError('Không tìm thấy lần nhập biểu mẫu này trong tệp dữ liệu (có thể năm của nó đã bị xóa).');
  const blockCode = getUnit(ws, s.unitCode)?.blockCode;
  const nodes = blockCode ? (getFramework(ws, s.year, blockCode)?.nodes ?? []) : [];
  const order = new Map(nodes.map((n, index) => [n.code, { index, title: n.title }]));
  return { ...toPast(s), year: s.year, criteria: changedCriteriaOf(s.diff, order), warningList: s.warnings };
}
