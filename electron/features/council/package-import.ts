// Council packages taken back: each file in its own transaction, read with the rules of the
// self-assessment forms (decimal commas, text numbers, saved formula results, LibreOffice
// re-saves). Appraised scores and remarks become audited changes with the member as actor and
// source "council". A cell changed in the workspace since the package was issued is not
// overwritten: it is reported as a conflict (both values, who changed it and when) to resolve
// in the app or with the package preferred.
import fs from 'node:fs';
import path from 'node:path';
import { CellValueError, cellNumber } from '../../../shared/cells';
import type { CriterionNode } from '../../../shared/domain';
import { UserError, type Problem } from '../../../shared/errors';
import { formatDateTime, roundTo } from '../../../shared/format';
import { scoreValueProblem } from '../../../shared/appraisal/score-rules';
import type { Workspace } from '../../db/workspace';
import { columnLetters, type CellValue } from '../../excel/cells';
import { MAX_WORKBOOK_BYTES } from '../../excel/limits';
import { expandSpreadsheetPaths } from '../../files/inputs';
import { readWorkbookValues, type WorkbookValues } from '../../excel/workbook-values';
import { applyScoreChanges, type ScoreChange } from '../appraisal/service';
import { getAudit } from '../appraisal/store';
import { sha256 } from '../forms/fingerprint';
import { getFramework } from '../framework/store';
import { listUnits } from '../units/store';
import { requireOpenPeriod } from '../workspace/service';
import { getPeriod, getSetting } from '../workspace/store';
import { findIssuedTable, readIssued, sameNumber, sameRows, type IssuedMeta } from '../cycle/issued';
import { PACKAGE_FORMAT, PACKAGE_HEADERS, PACKAGE_SHEET } from './layout';
import {
  appliedByPackage,
  cellValues,
  getPackage,
  importWithHash,
  listConflicts,
  memberById,
  recordImport,
  resolveConflictRow,
  writeConflict,
  type PackageRecord,
} from './store';

export interface ImportProblem {
  sheet?: string;
  cell?: string;
  message: string;
}

export interface PackageConflict {
  unit: string;
  criterion: string;
  packageValue: number | null;
  currentValue: number | null;
  changedBy: string | null;
  changedAt: string | null;
}

export interface PackageImportResult {
  file: string;
  status: 'imported' | 'unchanged' | 'refused';
  member: string | null;
  changes: number;
  conflicts: PackageConflict[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

export interface PackageImportOptions {
  /** take the package's value where the workspace's changed since issue */
  preferPackage?: boolean;
  /** refuse packages of another year (the year on screen) */
  expectedYear?: number;
  /** who imports (recorded with the file and the conflicts resolved) */
  actor?: string;
}

class Refusal extends Error {
  constructor(
    readonly errors: ImportProblem[],
    readonly member: string | null = null,
  ) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

const WHAT = 'hồ sơ thẩm định';

type Column = 'unit' | 'criterion' | 'score' | 'remark';
const REQUIRED: Record<Column, string> = { unit: 'Mã đơn vị', criterion: 'Mã tiêu chí', score: 'Điểm thẩm định', remark: 'Ý kiến thẩm định' };

/** The data sheet and its header row: the sheet named as written, else any sheet with the package's headers. */
function findTable(wb: WorkbookValues, fileName: string) {
  const found = findIssuedTable(wb, PACKAGE_SHEET, REQUIRED);
  if (found) return found;
  throw new UserError([
    { file: fileName, message: `Không tìm thấy dòng tiêu đề của hồ sơ thẩm định (các cột ${PACKAGE_HEADERS.map((h) => `"${h}"`).join(', ')}); hãy dùng đúng tệp đã gửi cho thành viên.` },
  ]);
}

const text = (v: CellValue | undefined): string | null => (v === null || v === undefined ? null : String(v).normalize('NFC').trim() || null);

interface PlannedRow {
  unit: string;
  criterion: string;
  score: number | null;
  remark: string | null;
  cell: string;
}

/** Checks the file's record against the workspace's and reads its rows; refuses with every problem found. */
function plan(ws: Workspace, wb: WorkbookValues, fileName: string, options: PackageImportOptions): { meta: IssuedMeta; pkg: PackageRecord; member: string; rows: PlannedRow[] } {
  const meta = readIssued(wb, fileName, PACKAGE_FORMAT, WHAT);
  if (!meta) throw new Refusal([{ message: 'Tệp không phải hồ sơ thẩm định do PAR Workbench lập (không có trang nhận dạng); hãy dùng đúng tệp đã gửi cho thành viên.' }]);
  if (meta.workspace !== getSetting(ws, 'workspace_id')) {
    throw new Refusal([{ message: `Hồ sơ thẩm định của ${meta.toName || 'thành viên'} được lập từ một tệp dữ liệu khác, không phải ${ws.name}; hãy nhập vào đúng tệp dữ liệu đã lập hồ sơ.` }], meta.toName || null);
  }
  const pkg = getPackage(ws, meta.id);
  if (!pkg) throw new Refusal([{ message: `Tệp dữ liệu không có hồ sơ thẩm định mã ${meta.id}; hồ sơ lạ hoặc đã bị sửa.` }], meta.toName || null);
  const member = memberById(ws, pkg.memberId)?.name ?? meta.toName;
  const recorded = pkg.rows.map(([unit, criterion, value, remark, sheetRow]) => ({ unit, criterion, value, remark, sheetRow }));
  if (meta.year !== pkg.year || meta.to !== String(pkg.memberId) || meta.issuedAt !== pkg.issuedAt || !sameRows(meta.rows, recorded)) {
    throw new Refusal([{ sheet: '_parw_issued', message: `Trang nhận dạng của hồ sơ thẩm định đã bị sửa (không khớp với hồ sơ đã lập năm ${pkg.year} cho ${member}); hãy dùng đúng tệp đã gửi.` }], member);
  }
  if (options.expectedYear !== undefined && pkg.year !== options.expectedYear) {
    throw new Refusal([{ message: `Hồ sơ thẩm định là của năm ${pkg.year}, không phải năm ${options.expectedYear} đang làm việc.` }], member);
  }
  if (getPeriod(ws, pkg.year)?.locked) {
    throw new Refusal([{ message: `Kết quả năm ${pkg.year} đã công bố, kỳ đánh giá đã khóa; không nhập hồ sơ thẩm định được.` }], member);
  }
  const { grid, headerRow, cols } = findTable(wb, fileName);
  const allowed = new Set(recorded.map((r) => `${r.unit}\u0000${r.criterion}`));
  const units = new Map(listUnits(ws).map((u) => [u.code, u]));
  const nodes = new Map<string, Map<string, CriterionNode>>();
  const nodeOf = (unit: string, criterion: string) => {
    const block = units.get(unit)?.blockCode;
    if (!block) return null;
    let m = nodes.get(block);
    if (!m) nodes.set(block, (m = new Map((getFramework(ws, pkg.year, block)?.nodes ?? []).map((n) => [n.code, n]))));
    return m.get(criterion) ?? null;
  };
  const errors: ImportProblem[] = [];
  const rows: PlannedRow[] = [];
  const seen = new Set<string>();
  for (const row of grid.rows) {
    if (row.rowNumber <= headerRow) continue;
    const unit = text(row.values[cols.unit]);
    const criterion = text(row.values[cols.criterion]);
    if (!criterion) continue; // a unit's subtotal, a blank line
    const at = { sheet: grid.name, cell: `${columnLetters(cols.criterion + 1)}${row.rowNumber}` };
    const key = `${unit}\u0000${criterion}`;
    if (!unit || !allowed.has(key)) {
      errors.push({ ...at, message: `Dòng ${row.rowNumber}: đơn vị "${unit ?? ''}", tiêu chí ${criterion} không thuộc phần được phân công cho ${member} trong hồ sơ này; hãy xóa dòng hoặc dùng đúng tệp đã gửi.` });
      continue;
    }
    if (seen.has(key)) {
      errors.push({ ...at, message: `Dòng ${row.rowNumber}: đơn vị ${unit}, tiêu chí ${criterion} có hai lần trong hồ sơ; hãy giữ một dòng.` });
      continue;
    }
    seen.add(key);
    const scoreCell = { sheet: grid.name, cell: `${columnLetters(cols.score + 1)}${row.rowNumber}` };
    let score: number | null;
    try {
      const n = cellNumber(row.values[cols.score] ?? null);
      score = n === null ? null : roundTo(n, 10);
    } catch (e) {
      if (!(e instanceof CellValueError)) throw e;
      errors.push({ ...scoreCell, message: `Đơn vị ${unit}, tiêu chí ${criterion}: ${e.message}.` });
      continue;
    }
    const node = nodeOf(unit, criterion);
    if (!node) {
      errors.push({ ...at, message: `Bộ chỉ số năm ${pkg.year} không còn tiêu chí ${criterion} của đơn vị ${unit}.` });
      continue;
    }
    if (score !== null) {
      const problem = scoreValueProblem(node, score, 'appraised');
      if (problem) {
        errors.push({ ...scoreCell, message: `Đơn vị ${unit}, ${problem}` });
        continue;
      }
    }
    rows.push({ unit, criterion, score, remark: text(row.values[cols.remark]), cell: scoreCell.cell });
  }
  if (errors.length) throw new Refusal(errors, member);
  return { meta, pkg, member, rows };
}

/** Who last changed the appraised score of a cell, and when. */
function lastChange(ws: Workspace, year: number, unit: string, criterion: string): { by: string | null; at: string | null } {
  const entry = getAudit(ws, year, { unitCode: unit, criterionCode: criterion, limit: 50 }).find((e) => e.field === 'appraisedScore');
  return { by: entry?.actor ?? null, at: entry?.at ?? null };
}

function fromUserError(e: UserError): ImportProblem[] {
  return e.problems.map((p: Problem) => ({ sheet: p.sheet, cell: p.cell, message: p.message }));
}

async function importOne(ws: Workspace, file: string, options: PackageImportOptions): Promise<PackageImportResult> {
  const result: PackageImportResult = { file: path.basename(file), status: 'refused', member: null, changes: 0, conflicts: [], errors: [], warnings: [] };
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_WORKBOOK_BYTES) throw new Refusal([{ message: `Tệp lớn hơn giới hạn ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB.` }]);
    const bytes = fs.readFileSync(file);
    const hash = sha256(bytes);
    const same = importWithHash(ws, hash);
    if (same) {
      const pkg = getPackage(ws, same.packageId);
      return {
        ...result,
        status: 'unchanged',
        member: pkg ? (memberById(ws, pkg.memberId)?.name ?? null) : null,
        warnings: [{ message: `Tệp này đã được nhập lúc ${formatDateTime(same.importedAt)}; không có gì thay đổi.` }],
      };
    }
    const wb = await readWorkbookValues(bytes, result.file);
    const planned = plan(ws, wb, result.file, options);
    const { pkg, member, rows } = planned;
    const actor = options.actor ?? ws.actor;
    return ws.transaction(() => {
      requireOpenPeriod(ws, pkg.year);
      const issued = new Map(pkg.rows.map(([u, c, v, r]) => [`${u}\u0000${c}`, { value: v, remark: r }]));
      const earlier = appliedByPackage(ws, pkg.id);
      const current = cellValues(ws, pkg.year, rows.map((r) => [r.unit, r.criterion]));
      const changes: ScoreChange[] = [];
      const applied: [string, string, number | null][] = [];
      const conflicts: PackageConflict[] = [];
      const preferred: ScoreChange[] = [];
      const at = new Date().toISOString();
      let blanks = 0;
      for (const r of rows) {
        const key = `${r.unit}\u0000${r.criterion}`;
        const was = issued.get(key)!;
        const now = current.get(key) ?? { score: null, note: null };
        // what this package last set, else what it was issued with
        const base = earlier.has(key) ? earlier.get(key)! : was.value;
        const patch: ScoreChange['patch'] = {};
        if (r.score === null) {
          if (was.value !== null) blanks++;
        } else if (!sameNumber(r.score, base) || !sameNumber(r.score, now.score)) {
          if (sameNumber(now.score, base) || sameNumber(now.score, r.score)) {
            if (!sameNumber(now.score, r.score)) patch.appraisedScore = r.score;
            applied.push([r.unit, r.criterion, r.score]);
          } else if (!sameNumber(r.score, base)) {
            const who = lastChange(ws, pkg.year, r.unit, r.criterion);
            conflicts.push({ unit: r.unit, criterion: r.criterion, packageValue: r.score, currentValue: now.score, changedBy: who.by, changedAt: who.at });
            writeConflict(ws, {
              packageId: pkg.id,
              year: pkg.year,
              unitCode: r.unit,
              criterionCode: r.criterion,
              packageValue: r.score,
              packageRemark: r.remark,
              issuedValue: was.value,
              currentValue: now.score,
              changedBy: who.by,
              changedAt: who.at,
              detectedAt: at,
              resolution: options.preferPackage ? 'package' : null,
              resolvedAt: options.preferPackage ? at : null,
              resolvedBy: options.preferPackage ? actor : null,
            });
            if (options.preferPackage) {
              preferred.push({ unitCode: r.unit, criterionCode: r.criterion, patch: { appraisedScore: r.score, ...(r.remark !== now.note ? { note: r.remark } : {}) } });
              applied.push([r.unit, r.criterion, r.score]);
            }
            continue;
          }
        }
        if (r.remark !== null && r.remark !== (was.remark ?? null) && r.remark !== now.note) patch.note = r.remark;
        if (Object.keys(patch).length) changes.push({ unitCode: r.unit, criterionCode: r.criterion, patch: { ...patch, needsReappraisal: false } });
      }
      let changed = applyScoreChanges(ws, pkg.year, changes, { actor: member, source: 'council', reason: `Hồ sơ thẩm định ${result.file}` });
      if (preferred.length) {
        changed += applyScoreChanges(ws, pkg.year, preferred, {
          actor: member,
          source: 'council',
          reason: `Hồ sơ thẩm định ${result.file}; lấy điểm của hồ sơ thay điểm đã sửa sau khi lập hồ sơ (${actor})`,
        });
      }
      recordImport(ws, { packageId: pkg.id, sha256: hash, fileName: result.file, at, actor, changes: changed, applied });
      const warnings: ImportProblem[] = [];
      if (blanks) warnings.push({ message: `${blanks} ô "Điểm thẩm định" đã có điểm khi lập hồ sơ nhưng để trống trong tệp; điểm đã có được giữ nguyên.` });
      if (conflicts.length && !options.preferPackage) {
        warnings.push({ message: `${conflicts.length} ô có điểm đã được sửa trên phần mềm sau khi lập hồ sơ; điểm của hồ sơ chưa được áp dụng, hãy giải quyết ở màn hình Hội đồng.` });
      }
      return { ...result, status: 'imported' as const, member, changes: changed, conflicts, warnings };
    });
  } catch (e) {
    if (e instanceof Refusal) return { ...result, member: e.member, errors: e.errors };
    if (e instanceof UserError) return { ...result, errors: fromUserError(e) };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') return { ...result, errors: [{ message: `Không đọc được tệp (${code}); hãy kiểm tra đường dẫn và quyền truy cập.` }] };
    throw e;
  }
}

/** Imports packages from files and folders, each in its own transaction: a refused file stops nothing else. */
export async function importPackages(ws: Workspace, inputs: string[], options: PackageImportOptions = {}): Promise<PackageImportResult[]> {
  const results: PackageImportResult[] = [];
  for (const file of expandSpreadsheetPaths(inputs)) results.push(await importOne(ws, file, options));
  return results;
}

/** Resolves an open conflict: keep the workspace's value, or take the package's (audited, source "council"). */
export function resolveConflict(ws: Workspace, year: number, id: number, resolution: 'keep' | 'package', actor = ws.actor): void {
  ws.transaction(() => {
    requireOpenPeriod(ws, year);
    const c = listConflicts(ws, year, { id })[0];
    if (!c) throw new UserError('Không tìm thấy xung đột này (có thể đã bị xóa).');
    if (c.resolution) throw new UserError(`Xung đột của đơn vị ${c.unitCode}, tiêu chí ${c.criterionCode} đã được giải quyết.`);
    if (resolution === 'package') {
      applyScoreChanges(
        ws,
        year,
        [{ unitCode: c.unitCode, criterionCode: c.criterionCode, patch: { appraisedScore: c.packageValue, ...(c.packageRemark ? { note: c.packageRemark } : {}) } }],
        { actor: c.memberName, source: 'council', reason: `Lấy điểm của hồ sơ thẩm định thay điểm đã sửa sau khi lập hồ sơ (${actor} quyết định)` },
      );
    }
    resolveConflictRow(ws, id, resolution, new Date().toISOString(), actor);
  });
}
