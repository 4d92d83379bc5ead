// Returned notices taken back: each file in its own transaction, read with the rules of the
// self-assessment forms. Every non-empty "Ý kiến giải trình, kiến nghị" becomes a petition of the
// unit against that leaf (with "Tài liệu bổ sung"); one received after the petition deadline is
// flagged late, not refused. The documents of "Tài liệu bổ sung" come as a form's evidence does: a
// folder or .zip beside the notice with its base name; they land with the petitions, tied to the
// leaf and the petition, in the same transaction. Refused with the place named and the workspace
// untouched: a file the workbench did not send, of another workspace, altered, of another year, or
// of a published year, or documents the evidence rules refuse.
import fs from 'node:fs';
import path from 'node:path';
import { endOfDay } from '../../../shared/cycle/status';
import { UserError } from '../../../shared/errors';
import { formatDateTime, formatDay } from '../../../shared/format';
import type { Workspace } from '../../db/workspace';
import { columnLetters, type CellValue } from '../../excel/cells';
import { MAX_WORKBOOK_BYTES } from '../../excel/limits';
import { readWorkbookValues, type WorkbookValues } from '../../excel/workbook-values';
import { expandSpreadsheetPaths, SPREADSHEET_EXTENSIONS } from '../../files/inputs';
import { evidenceLimits, landEvidence, receiveEvidence, type ReceivedEvidence } from '../evidence/service';
import { evidenceBeside, evidenceFolderKeys, isEvidenceFolder, returnedFileProblems } from '../forms/evidence-beside';
import { ISSUED_SHEET, findIssuedTable, readIssued, sameNumber } from '../cycle/issued';
import { getDeadlines } from '../cycle/store';
import { sha256 } from '../forms/fingerprint';
import { listUnits } from '../units/store';
import { requireOpenPeriod } from '../workspace/service';
import { getPeriod, getSetting } from '../workspace/store';
import { NOTICE_FORMAT, NOTICE_HEADERS, NOTICE_SHEET } from './layout';
import { getNotice, insertPetition, listPetitions, petitionImportWithHash, recordPetitionImport, updatePendingPetition, type NoticeRecord } from './store';

export interface ImportProblem {
  sheet?: string;
  cell?: string;
  message: string;
}

export interface PetitionImportResult {
  file: string;
  status: 'imported' | 'unchanged' | 'refused';
  unit: string | null;
  changes: number;
  /** documents received with the notice ("Tài liệu bổ sung") */
  documents: number;
  conflicts: never[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

class Refusal extends Error {
  constructor(
    readonly errors: ImportProblem[],
    readonly unit: string | null = null,
  ) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

const WHAT = 'thông báo kết quả thẩm định';
type Column = 'criterion' | 'text' | 'evidence';
const REQUIRED: Record<Column, string> = { criterion: NOTICE_HEADERS[0], text: NOTICE_HEADERS[6], evidence: NOTICE_HEADERS[7] };
const text = (v: CellValue | undefined): string | null => (v === null || v === undefined ? null : String(v).normalize('NFC').trim() || null);

function findTable(wb: WorkbookValues, fileName: string) {
  const found = findIssuedTable(wb, NOTICE_SHEET, REQUIRED);
  if (found) return found;
  throw new UserError([
    { file: fileName, message: `Không tìm thấy dòng tiêu đề của thông báo (các cột ${NOTICE_HEADERS.map((h) => `"${h}"`).join(', ')}); hãy dùng đúng tệp đã gửi cho đơn vị.` },
  ]);
}

interface PlannedPetition {
  criterion: string;
  text: string;
  evidence: string | null;
}

function plan(ws: Workspace, wb: WorkbookValues, fileName: string, expectedYear?: number): { notice: NoticeRecord; unit: string; rows: PlannedPetition[]; warnings: ImportProblem[] } {
  const meta = readIssued(wb, fileName, NOTICE_FORMAT, WHAT);
  if (!meta) throw new Refusal([{ message: 'Tệp không phải thông báo kết quả thẩm định do PAR Workbench lập (không có trang nhận dạng); hãy dùng đúng tệp đã gửi cho đơn vị.' }]);
  if (meta.workspace !== getSetting(ws, 'workspace_id')) {
    throw new Refusal([{ message: `Thông báo của ${meta.toName || 'đơn vị'} được lập từ một tệp dữ liệu khác, không phải ${ws.name}; hãy nhập vào đúng tệp dữ liệu đã lập thông báo.` }], meta.to || null);
  }
  const notice = getNotice(ws, meta.id);
  if (!notice) throw new Refusal([{ message: `Tệp dữ liệu không có thông báo mã ${meta.id}; thông báo lạ hoặc đã bị sửa.` }], meta.to || null);
  const unit = notice.unitCode;
  const unitName = listUnits(ws).find((u) => u.code === unit)?.name ?? unit;
  const same =
    meta.year === notice.year &&
    meta.to === unit &&
    meta.issuedAt === notice.issuedAt &&
    meta.rows.length === notice.rows.length &&
    meta.rows.every((r, i) => r.unit === unit && r.criterion === notice.rows[i][0] && sameNumber(r.value, notice.rows[i][2]));
  if (!same) {
    throw new Refusal([{ sheet: ISSUED_SHEET, message: `Trang nhận dạng của thông báo đã bị sửa (không khớp với thông báo đã lập năm ${notice.year} cho ${unitName}); hãy dùng đúng tệp đã gửi.` }], unit);
  }
  if (expectedYear !== undefined && notice.year !== expectedYear) {
    throw new Refusal([{ message: `Thông báo là của năm ${notice.year}, không phải năm ${expectedYear} đang làm việc.` }], unit);
  }
  if (getPeriod(ws, notice.year)?.locked) {
    throw new Refusal([{ message: `Kết quả năm ${notice.year} đã công bố, kỳ đánh giá đã khóa; không nhận kiến nghị được.` }], unit);
  }
  const { grid, headerRow, cols } = findTable(wb, fileName);
  const sent = new Map(notice.rows.map(([c, self, appraised]) => [c, { self, appraised }]));
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const rows: PlannedPetition[] = [];
  const seen = new Set<string>();
  for (const row of grid.rows) {
    if (row.rowNumber <= headerRow) continue;
    const criterion = text(row.values[cols.criterion]);
    const petition = text(row.values[cols.text]);
    const evidence = text(row.values[cols.evidence]);
    if (!criterion) {
      if (petition || evidence) {
        errors.push({ sheet: grid.name, cell: `${columnLetters(cols.text + 1)}${row.rowNumber}`, message: `Dòng ${row.rowNumber} có ý kiến nhưng không có mã tiêu chí; hãy ghi ý kiến vào dòng của tiêu chí.` });
      }
      continue;
    }
    const at = { sheet: grid.name, cell: `${columnLetters(cols.criterion + 1)}${row.rowNumber}` };
    const was = sent.get(criterion);
    if (!was) {
      errors.push({ ...at, message: `Dòng ${row.rowNumber}: tiêu chí ${criterion} không có trong thông báo đã gửi cho ${unitName}; hãy xóa dòng hoặc dùng đúng tệp đã gửi.` });
      continue;
    }
    if (seen.has(criterion)) {
      errors.push({ ...at, message: `Dòng ${row.rowNumber}: tiêu chí ${criterion} có hai lần trong thông báo; hãy giữ một dòng.` });
      continue;
    }
    seen.add(criterion);
    if (!petition) {
      if (evidence) warnings.push({ sheet: grid.name, cell: `${columnLetters(cols.evidence + 1)}${row.rowNumber}`, message: `Tiêu chí ${criterion} có tài liệu bổ sung nhưng không có ý kiến giải trình, kiến nghị; không tạo kiến nghị.` });
      continue;
    }
    if (!(was.self !== null && was.appraised !== null && was.appraised < was.self - 1e-9)) {
      warnings.push({ sheet: grid.name, cell: `${columnLetters(cols.text + 1)}${row.rowNumber}`, message: `Tiêu chí ${criterion} không bị trừ điểm khi thẩm định; ý kiến được bỏ qua.` });
      continue;
    }
    rows.push({ criterion, text: petition, evidence });
  }
  if (errors.length) throw new Refusal(errors, unit);
  return { notice, unit, rows, warnings };
}

/**
 * Lands the documents received with a notice, inside its transaction: each tied to the leaf of a
 * petition (by sub-folder, file name or the names its "Tài liệu bổ sung" lists) and to that
 * petition; one that answers no petition stays the unit's unassigned evidence, said in a warning.
 */
function landPetitionDocuments(
  ws: Workspace,
  received: ReceivedEvidence,
  year: number,
  unit: string,
  rows: PlannedPetition[],
  actor: string,
  at: string,
  warnings: ImportProblem[],
): number {
  const pending = new Map(
    listPetitions(ws, year, { unitCode: unit })
      .filter((p) => p.decision === null)
      .map((p) => [p.criterionCode, p.id]),
  );
  const petitioned = rows.filter((r) => pending.has(r.criterion));
  const landed = landEvidence(
    ws,
    received,
    { leafCodes: petitioned.map((r) => r.criterion), evidenceCells: new Map(petitioned.map((r) => [r.criterion, r.evidence])) },
    { year, unitCode: unit, actor, at, petitionOf: (code) => pending.get(code) ?? null },
  );
  if (landed.unassigned.length) {
    warnings.push({
      message: `Tài liệu không gắn được với kiến nghị nào (đã lưu vào tài liệu chưa gán tiêu chí của đơn vị): ${landed.unassigned.join(', ')}. Hãy đặt tài liệu trong thư mục mang mã tiêu chí (ví dụ "1.2/") hoặc ghi tên tài liệu ở cột "Tài liệu bổ sung".`,
    });
  }
  for (const missing of landed.notReceived) {
    warnings.push({ message: `Tiêu chí ${missing.criterion}: "Tài liệu bổ sung" ghi "${missing.name}" nhưng không có tệp này kèm theo.` });
  }
  return landed.added;
}

const fromUserError = (e: UserError, fileName: string): ImportProblem[] => returnedFileProblems(e.problems, fileName);

async function importOne(ws: Workspace, file: string, options: { expectedYear?: number; actor?: string; now?: string }): Promise<PetitionImportResult> {
  const result: PetitionImportResult = { file: path.basename(file), status: 'refused', unit: null, changes: 0, documents: 0, conflicts: [], errors: [], warnings: [] };
  let received: ReceivedEvidence | null = null;
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_WORKBOOK_BYTES) throw new Refusal([{ message: `Tệp lớn hơn giới hạn ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB.` }]);
    const bytes = fs.readFileSync(file);
    const hash = sha256(bytes);
    // the documents beside the notice, checked and hashed before anything is written
    const beside = evidenceBeside(file);
    received = beside ? await receiveEvidence(beside, evidenceLimits(ws)) : null;
    const documentsIn = received;
    const same = petitionImportWithHash(ws, hash);
    if (same && !documentsIn) {
      return {
        ...result,
        status: 'unchanged',
        unit: getNotice(ws, same.noticeId)?.unitCode ?? null,
        warnings: [{ message: `Tệp này đã được nhập lúc ${formatDateTime(same.importedAt)}; không có gì thay đổi.` }],
      };
    }
    const wb = await readWorkbookValues(bytes, result.file);
    const { notice, unit, rows, warnings } = plan(ws, wb, result.file, options.expectedYear);
    const actor = options.actor ?? ws.actor;
    const at = options.now ?? new Date().toISOString();
    return ws.transaction(() => {
      if (same) {
        // the notice as imported before, with documents that may be new
        const documents = documentsIn ? landPetitionDocuments(ws, documentsIn, notice.year, unit, rows, actor, at, warnings) : 0;
        if (documents === 0) {
          return { ...result, status: 'unchanged' as const, unit, warnings: [{ message: `Tệp này đã được nhập lúc ${formatDateTime(same.importedAt)}; không có gì thay đổi.` }] };
        }
        return { ...result, status: 'imported' as const, unit, documents, warnings };
      }
      requireOpenPeriod(ws, notice.year);
      const due = getDeadlines(ws, notice.year).petitionsDue;
      const late = due !== null && at > endOfDay(due);
      let changes = 0;
      for (const r of rows) {
        const existing = listPetitions(ws, notice.year, { unitCode: unit, criterionCode: r.criterion });
        const pending = existing.find((p) => p.decision === null);
        if (pending) {
          if (pending.text === r.text && pending.evidence === r.evidence) continue;
          updatePendingPetition(ws, pending.id, { text: r.text, evidence: r.evidence, receivedAt: at, late, fileName: result.file });
          changes++;
        } else if (existing.some((p) => p.decision !== null && p.text === r.text)) {
          warnings.push({ message: `Kiến nghị về tiêu chí ${r.criterion} đã được quyết định; không nhận lại.` });
        } else {
          insertPetition(ws, { year: notice.year, unitCode: unit, criterionCode: r.criterion, noticeId: notice.id, text: r.text, evidence: r.evidence, receivedAt: at, late, fileName: result.file });
          changes++;
        }
      }
      recordPetitionImport(ws, { noticeId: notice.id, sha256: hash, fileName: result.file, at, actor, petitions: changes });
      const documents = documentsIn ? landPetitionDocuments(ws, documentsIn, notice.year, unit, rows, actor, at, warnings) : 0;
      if (late && changes) warnings.push({ message: `Kiến nghị nhận sau hạn ${formatDay(due)}; đã ghi nhận và đánh dấu quá hạn.` });
      if (rows.length === 0) warnings.push({ message: 'Tệp không có ý kiến giải trình, kiến nghị nào.' });
      return { ...result, status: 'imported' as const, unit, changes, documents, warnings };
    });
  } catch (e) {
    if (e instanceof Refusal) return { ...result, unit: e.unit, errors: e.errors };
    if (e instanceof UserError) return { ...result, errors: fromUserError(e, result.file) };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') return { ...result, errors: [{ message: `Không đọc được tệp (${code}); hãy kiểm tra đường dẫn và quyền truy cập.` }] };
    throw e;
  } finally {
    received?.cleanup();
  }
}

/** Imports returned notices from files and folders, each in its own transaction: a refused file stops nothing else. */
export async function importPetitions(ws: Workspace, inputs: string[], options: { expectedYear?: number; actor?: string; now?: string } = {}): Promise<PetitionImportResult[]> {
  const results: PetitionImportResult[] = [];
  // a folder named like a notice beside it holds that notice's documents, not notices
  const files = expandSpreadsheetPaths(inputs, { skipFolder: (entry, siblings) => isEvidenceFolder(entry, evidenceFolderKeys(siblings, SPREADSHEET_EXTENSIONS)) });
  for (const file of files) results.push(await importOne(ws, file, options));
  return results;
}
