// Takes back the forms units return: each file in its own transaction (its scores and its
// submission record land together or not at all), a summary per file with every error and
// warning located by sheet and cell.
import fs from 'node:fs';
import path from 'node:path';
import type { Framework, Unit } from '../../../shared/domain';
import { CellValueError, cellNumber } from '../../../shared/cells';
import { UserError } from '../../../shared/errors';
import { formatDate, formatNumber, roundTo } from '../../../shared/format';
import { leafCodes, scoreValueProblem } from '../../../shared/results';
import { matchKey } from '../../../shared/text';
import type { ScoreChange } from '../appraisal/service';
import { unitScoreStates, type LeafScoreState } from '../appraisal/store';
import type { Workspace } from '../../db/workspace';
import { WorkspaceBusyError } from '../../db/failures';
import {
  changedCriteria,
  currentSubmission,
  recordSubmission,
  submissionsWithHash,
  type MatchMethod,
  type SubmissionDiff,
  type SubmittedLeaf,
} from './store';
import { MAX_WORKBOOK_BYTES } from '../../excel/xlsx';
import { frameworkFingerprint, sha256 } from './fingerprint';
import { matchFormRows } from './match';
import { evidenceBeside, evidenceFolderKeys, isEvidenceFolder, returnedFileProblems } from './evidence-beside';
import {
  evidenceLimits,
  importEvidence,
  landEvidence,
  linkContextOf,
  missingEvidence,
  receiveEvidence,
  receiveRefusal,
  type LandedEvidence,
} from '../evidence/service';
import { readForm, type FormContent, type FormRow } from './read-form';
import { crossCheckHeading } from './identity';
import { readWorkbookValues } from '../../excel/workbook-values';
import { applyScoreChanges } from '../appraisal/service';
import { getFramework } from '../framework/store';
import { requireUnit } from '../units/service';
import { listUnits } from '../units/store';
import { requireOpenPeriod } from '../workspace/service';
import { getPeriod } from '../workspace/store';
import { expandSpreadsheetPaths, SPREADSHEET_EXTENSIONS } from '../../files/inputs';

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

/** The files a list of files and folders stands for: folders give their spreadsheets, sorted. */
export function expandFormPaths(inputs: string[]): string[] {
  // a folder named like a form beside it holds that form's evidence, not forms
  return expandSpreadsheetPaths(inputs, { skipFolder: (entry, siblings) => isEvidenceFolder(entry, evidenceFolderKeys(siblings, SPREADSHEET_EXTENSIONS)) });
}

/** A refusal carrying the located problems of one file. */
class FormRefusal extends Error {
  constructor(
    readonly errors: FormImportProblem[],
    readonly partial: Partial<FormImportResult> = {},
  ) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

const fromUserError = (e: UserError, fileName: string): FormImportProblem[] => returnedFileProblems(e.problems, fileName);

/** Which unit and year a form without metadata belongs to, from its heading lines or name. */
function guessUnitAndYear(content: FormContent, fileName: string, units: Unit[]): { unit: Unit | null; year: number | null } {
  const headings = content.headingTexts.map(matchKey);
  let year: number | null = null;
  for (const h of headings) {
    const m = /\bnam (\d{4})\b/.exec(h);
    if (m) {
      year = Number(m[1]);
      break;
    }
  }
  const byCode = units.find((u) => content.headingTexts.some((t) => new RegExp(`\\(mã ${escapeRegExp(u.code)}\\)`, 'i').test(t)));
  if (byCode) return { unit: byCode, year };
  const named = units
    .filter((u) => headings.some((h) => h.includes(matchKey(u.name))))
    .sort((a, b) => b.name.length - a.name.length);
  if (named.length) return { unit: named[0], year };
  const tokens = new Set(path.basename(fileName, path.extname(fileName)).split(/[_\s.]+/).map((t) => t.toUpperCase()));
  const fromName = units.filter((u) => tokens.has(u.code.toUpperCase()));
  return { unit: fromName.length === 1 ? fromName[0] : null, year };
}

/** "tiêu chí 1.2: …" → "Tiêu chí 1.2: …", as a message opens. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The self score a cell holds: a number, null when blank, or a problem in words. */
function selfScoreOf(row: FormRow): { value: number | null } | { problem: string } {
  try {
    const n = cellNumber(row.self.value);
    return { value: n === null ? null : roundTo(n, 10) };
  } catch (e) {
    if (e instanceof CellValueError) return { problem: e.message };
    throw e;
  }
}

interface PlannedImport {
  unit: Unit;
  year: number;
  matchedBy: MatchMethod;
  frameworkFingerprint: string;
  formFingerprint: string | null;
  leaves: SubmittedLeaf[];
  warnings: FormImportProblem[];
}

/**
 * Units and frameworks looked up once for a batch of files: an import changes scores and
 * submissions, never these.
 */
class BatchLookups {
  private unitList: Unit[] | null = null;
  private readonly frameworks = new Map<string, { framework: Framework; fingerprint: string } | null>();
  constructor(private readonly ws: Workspace) {}

  units(): Unit[] {
    return (this.unitList ??= listUnits(this.ws));
  }

  framework(year: number, blockCode: string): { framework: Framework; fingerprint: string } | null {
    const key = `${year}\u0000${blockCode}`;
    if (!this.frameworks.has(key)) {
      const framework = getFramework(this.ws, year, blockCode);
      this.frameworks.set(key, framework ? { framework, fingerprint: frameworkFingerprint(framework.nodes) } : null);
    }
    return this.frameworks.get(key)!;
  }
}

/** Reads, matches and checks a form against the workspace; refuses with every problem found. */
function planImport(ws: Workspace, lookups: BatchLookups, content: FormContent, fileName: string, options: FormImportOptions): PlannedImport {
  const sheet = content.sheet;
  const warnings: FormImportProblem[] = [];
  const units = lookups.units();
  let unit: Unit | null = null;
  let year: number | null = null;
  const meta = content.metadata;
  if (meta) {
    unit = units.find((u) => u.code === meta.unitCode) ?? null;
    year = meta.year;
    const contradictions = options.unitCode ? [] : crossCheckHeading(content, meta, unit, sheet);
    if (contradictions.length) throw new FormRefusal(contradictions, { year });
    if (!unit && !options.unitCode) {
      throw new FormRefusal([
        {
          message: `Biểu mẫu ghi đơn vị mã "${meta.unitCode}"${meta.unitName ? ` (${meta.unitName})` : ''} nhưng tệp dữ liệu không có đơn vị này; hãy thêm đơn vị vào danh sách hoặc kiểm tra lại tệp.`,
        },
      ], { year });
    }
  } else {
    const guess = guessUnitAndYear(content, fileName, units);
    unit = guess.unit;
    // a heading without a year: the year the user is importing for
    year = guess.year ?? options.expectedYear ?? null;
    warnings.push({
      sheet,
      message:
        (content.metadataProblem ? `Không dùng được thông tin nhận dạng (${content.metadataProblem}); ` : 'Biểu mẫu không có thông tin nhận dạng của PAR Workbench (biểu tự lập hoặc nội dung được chép sang tệp khác); ') +
        'các dòng được ghép với tiêu chí theo STT và nội dung.',
    });
  }
  if (options.unitCode) {
    unit = requireUnit(ws, options.unitCode);
  }
  if (options.year !== undefined) year = options.year;
  if (!unit) {
    throw new FormRefusal([
      {
        sheet,
        message:
          'Không xác định được biểu mẫu của đơn vị nào: không có thông tin nhận dạng, phần đầu biểu không ghi tên hoặc mã một đơn vị có trong tệp dữ liệu. ' +
          'Hãy ghi "Đơn vị: <tên đơn vị>" ở đầu biểu hoặc dùng biểu mẫu do Sở Nội vụ gửi.',
      },
    ], { year });
  }
  if (year === null) {
    throw new FormRefusal([
      { sheet, message: 'Không xác định được năm đánh giá của biểu mẫu; hãy ghi "năm <năm>" trong tiêu đề biểu hoặc dùng biểu mẫu do Sở Nội vụ gửi.' },
    ], { unit: unit.code, unitName: unit.name });
  }
  const located = { unit: unit.code, unitName: unit.name, year };
  if (options.expectedYear !== undefined && year !== options.expectedYear) {
    throw new FormRefusal([
      { sheet, message: `Biểu mẫu này là của năm ${year}, không phải năm ${options.expectedYear} đang nhập.` },
    ], { ...located, otherYear: year });
  }
  const period = getPeriod(ws, year);
  if (!period) {
    throw new FormRefusal([{ sheet, message: `Biểu mẫu là của năm ${year} nhưng tệp dữ liệu chưa có kỳ đánh giá năm ${year}.` }], located);
  }
  if (period.locked) {
    throw new FormRefusal([
      { message: `Kỳ đánh giá năm ${year} đã khóa (đã công bố kết quả); hãy mở khóa kỳ trước khi nhập biểu mẫu.` },
    ], located);
  }
  const found = lookups.framework(year, unit.blockCode);
  if (!found) {
    throw new FormRefusal([{ message: `Tệp dữ liệu chưa có bộ chỉ số năm ${year} cho khối "${unit.blockCode}" của ${unit.name}.` }], located);
  }
  const { framework, fingerprint } = found;
  if (meta && meta.fingerprint !== fingerprint && !options.unitCode) {
    const otherBlock = [...new Set(units.map((u) => u.blockCode))].find(
      (b) => b !== unit!.blockCode && lookups.framework(year!, b)?.fingerprint === meta.fingerprint,
    );
    if (otherBlock !== undefined) {
      throw new FormRefusal([
        {
          sheet,
          message: `Biểu mẫu được lập theo bộ chỉ số năm ${year} của khối "${otherBlock}", không phải của khối "${unit.blockCode}" mà ${unit.name} thuộc về; tệp có thể đã bị sửa để nộp thay đơn vị khác. Hãy đề nghị đơn vị gửi lại đúng biểu mẫu của mình.`,
        },
      ], located);
    }
  }
  const byCode = content.hasCodeColumn && content.rows.some((r) => r.code);
  const match = matchFormRows(content.rows, framework.nodes, { byCode, sameFramework: meta?.fingerprint === fingerprint });
  const errors: FormImportProblem[] = match.errors.map((e) => ({ sheet, ...e }));
  warnings.push(...match.warnings.map((w) => ({ sheet, ...w })));
  const versionDiffers = meta !== null && meta.fingerprint !== fingerprint;
  if (meta && !byCode) {
    warnings.push({ sheet, message: 'Biểu mẫu đã mất cột mã tiêu chí (cột ẩn); các dòng được ghép với tiêu chí theo STT và nội dung.' });
  }
  if (match.differences.length) {
    const lead = versionDiffers
      ? `Biểu mẫu được lập theo một phiên bản bộ chỉ số khác với bộ chỉ số năm ${year} hiện có`
      : meta
        ? 'Biểu mẫu đã bị sửa so với bản được gửi cho đơn vị'
        : `Biểu mẫu khác với bộ chỉ số năm ${year} hiện có`;
    warnings.push({ sheet, message: `${lead}; khác biệt: ${match.differences.join('; ')}.` });
  } else if (versionDiffers) {
    warnings.push({
      sheet,
      message: `Biểu mẫu được lập theo một phiên bản bộ chỉ số khác với bộ chỉ số năm ${year} hiện có (khác ở nguồn điểm hoặc cách chấm); điểm được kiểm tra theo bộ chỉ số hiện có.`,
    });
  }
  if (content.legacy.length) {
    const encodings = [...new Set(content.legacy.map((l) => l.encoding))];
    const names = encodings.map((e) => (e === 'TCVN3' ? 'TCVN3 (.VnTime)' : 'VNI (VNI-Times)')).join(' và ');
    warnings.push({
      sheet,
      cell: content.legacy[0].cell,
      message: `${content.legacy.length} ô được gõ bằng bảng mã cũ ${names} (các ô ${content.legacy
        .slice(0, 8)
        .map((l) => l.cell)
        .join(', ')}${content.legacy.length > 8 ? ', …' : ''}) đã được chuyển sang Unicode; hãy kiểm tra lại nội dung và lần sau gõ bằng Unicode.`,
    });
  }

  const notApplicable = new Set(
    [...unitScoreStates(ws, year, unit.code)].filter(([, s]) => s.notApplicable).map(([code]) => code),
  );
  const leaves: SubmittedLeaf[] = [];
  const unscored: string[] = [];
  const leafSet = leafCodes(framework.nodes);
  const nodes = framework.nodes.filter((n) => leafSet.has(n.code));
  for (const node of nodes) {
    const row = match.leafRows.get(node.code);
    if (!row) continue;
    const parsed = selfScoreOf(row);
    const at = { sheet, cell: row.self.cell || undefined };
    if ('problem' in parsed) {
      errors.push({ ...at, message: `Tiêu chí ${node.code}: ${parsed.problem}; hãy nhập điểm từ 0 đến ${formatNumber(node.maxPoints ?? 0, 4)} (ví dụ 2,5).` });
      continue;
    }
    if (node.source === 'survey') {
      if (parsed.value !== null) errors.push({ ...at, message: sentence(scoreValueProblem(node, parsed.value, 'self')!) });
      continue;
    }
    if (notApplicable.has(node.code)) {
      if (parsed.value !== null) {
        warnings.push({ ...at, message: `Tiêu chí ${node.code} không áp dụng đối với ${unit.name}; điểm ${formatNumber(parsed.value, 4)} ở ô này không được nhập.` });
      }
      continue;
    }
    if (parsed.value !== null) {
      const problem = scoreValueProblem(node, parsed.value, 'self');
      if (problem) {
        errors.push({ ...at, message: sentence(problem) });
        continue;
      }
    } else unscored.push(node.code);
    const evidence = row.evidence.value;
    const explanation = row.explanation.value;
    if (node.evidenceRequired && parsed.value !== null && parsed.value > 0 && !evidence) {
      warnings.push({
        sheet,
        cell: row.evidence.cell || at.cell,
        message: explanation
          ? `Tiêu chí ${node.code} yêu cầu tài liệu kiểm chứng nhưng đơn vị chưa ghi (đã có giải trình).`
          : `Tiêu chí ${node.code} yêu cầu tài liệu kiểm chứng nhưng đơn vị chưa ghi tài liệu và chưa giải trình; hãy bổ sung.`,
      });
    }
    leaves.push({ criterionCode: node.code, selfScore: parsed.value, evidence, explanation });
  }
  if (unscored.length) {
    warnings.push({ sheet, message: `Đơn vị chưa tự chấm ${unscored.length} tiêu chí: ${unscored.join(', ')}.` });
  }
  if (errors.length) throw new FormRefusal(errors, located);
  return {
    unit,
    year,
    matchedBy: byCode && meta ? 'metadata' : 'content',
    frameworkFingerprint: fingerprint,
    formFingerprint: meta?.fingerprint ?? null,
    leaves,
    warnings,
  };
}

/**
 * The score changes a submission makes, and the diff it records. A blank cell clears a value
 * only when the unit's previous submission set it: values entered otherwise (typed by staff,
 * imported from a table) are kept and reported.
 */
function changesOf(
  plan: PlannedImport,
  current: Map<string, LeafScoreState>,
  previous: Map<string, SubmittedLeaf> | null,
): { changes: ScoreChange[]; diff: SubmissionDiff[]; flagged: string[]; kept: string[] } {
  const changes: ScoreChange[] = [];
  const diff: SubmissionDiff[] = [];
  const flagged: string[] = [];
  const kept = new Set<string>();
  for (const leaf of plan.leaves) {
    const before = current.get(leaf.criterionCode);
    const old = { selfScore: before?.selfScore ?? null, evidence: before?.evidence ?? null, explanation: before?.explanation ?? null };
    const fields = (['selfScore', 'evidence', 'explanation'] as const).filter((f) => {
      if (old[f] === leaf[f]) return false;
      if (leaf[f] !== null) return true;
      const fromPreviousForm = previous?.get(leaf.criterionCode)?.[f] === old[f];
      if (!fromPreviousForm) kept.add(leaf.criterionCode);
      return fromPreviousForm;
    });
    if (fields.length === 0) continue;
    const patch: ScoreChange['patch'] = {};
    for (const f of fields) {
      (patch as Record<string, unknown>)[f] = leaf[f];
      diff.push({ criterionCode: leaf.criterionCode, field: f, oldValue: old[f], newValue: leaf[f] });
    }
    if (fields.includes('selfScore') && before?.appraisedScore !== null && before?.appraisedScore !== undefined) {
      patch.needsReappraisal = true;
      flagged.push(leaf.criterionCode);
    }
    changes.push({ unitCode: plan.unit.code, criterionCode: leaf.criterionCode, patch });
  }
  return { changes, diff, flagged, kept: [...kept] };
}

function emptyResult(file: string): FormImportResult {
  return {
    file: path.basename(file),
    path: file,
    status: 'refused',
    unit: null,
    unitName: null,
    year: null,
    matchedBy: null,
    submissionId: null,
    errors: [],
    warnings: [],
    changes: 0,
    otherYear: null,
    flaggedForReappraisal: [],
    evidence: null,
    missingEvidence: [],
  };
}

/**
 * Imports one returned form. Never throws for a bad file: the result says why it was
 * refused, and a refused file leaves the workspace exactly as it was.
 */
export function importFormFile(ws: Workspace, file: string, options: FormImportOptions = {}): Promise<FormImportResult> {
  return importOneForm(ws, new BatchLookups(ws), file, options);
}

async function importOneForm(ws: Workspace, lookups: BatchLookups, file: string, options: FormImportOptions): Promise<FormImportResult> {
  const result = emptyResult(file);
  const fileName = result.file;
  const cleanups: (() => void)[] = [];
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      // a named pipe would make the read wait for ever
      throw new FormRefusal([{ message: 'không phải tệp thông thường (ống dẫn, thiết bị hoặc thư mục); đã bỏ qua, không đọc.' }]);
    }
    if (stat.size > MAX_WORKBOOK_BYTES) {
      throw new FormRefusal([{ message: `Tệp lớn hơn giới hạn ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB; hãy xóa các trang, hình ảnh không cần thiết rồi gửi lại.` }]);
    }
    const bytes = fs.readFileSync(file);
    const hash = sha256(bytes);
    const earlier = submissionsWithHash(ws, hash);
    const wanted = options.year ?? options.expectedYear;
    const same = earlier.find((s) => s.status === 'current' && (wanted === undefined || s.year === wanted));
    const beside = evidenceBeside(file);
    if (same) {
      // the form is the one already taken; the evidence beside it may still be new
      const evidence = beside ? await importEvidence(ws, beside, { year: same.year, unitCode: same.unitCode, actor: options.actor }) : null;
      return {
        ...result,
        evidence,
        missingEvidence: missingEvidence(ws, same.year, same.unitCode).map((m) => m.criterion),
        status: 'unchanged',
        unit: same.unitCode,
        unitName: same.unitName,
        year: same.year,
        matchedBy: same.matchedBy,
        submissionId: same.id,
        warnings: [{ message: `Tệp này đã được nhập ngày ${formatDate(same.importedAt)} (lần nộp thứ ${same.version}); không có gì thay đổi.` }],
      };
    }
    const workbook = await readWorkbookValues(bytes, fileName);
    const content = readForm(workbook, fileName);
    const plan = planImport(ws, lookups, content, fileName, options);
    const actor = options.actor ?? ws.actor;
    const received = beside ? await receiveEvidence(beside, evidenceLimits(ws)) : null;
    cleanups.push(() => received?.cleanup());
    if (received?.problems.length) throw receiveRefusal(received.problems);
    if (earlier.length) {
      plan.warnings.unshift({
        message: `Tệp này trùng với bản đã nộp ngày ${formatDate(earlier[0].importedAt)} (lần nộp thứ ${earlier[0].version}) đã được thay thế; bản này được nhập lại làm bản hiện hành.`,
      });
    }
    const landed = ws.transaction(() => {
      // another program may have imported the same file since it was looked up above
      const meanwhile = submissionsWithHash(ws, hash).find((s) => s.status === 'current' && s.year === plan.year);
      if (meanwhile) return { duplicate: meanwhile } as const;
      requireOpenPeriod(ws, plan.year);
      const current = unitScoreStates(ws, plan.year, plan.unit.code);
      const previous = currentSubmission(ws, plan.year, plan.unit.code);
      const { changes, diff, flagged, kept } = changesOf(
        plan,
        current,
        previous ? new Map(previous.leaves.map((l) => [l.criterionCode, l])) : null,
      );
      if (kept.length) {
        plan.warnings.push({
          message: `Biểu mẫu để trống ${kept.length} tiêu chí đã có điểm, tài liệu hoặc giải trình trong tệp dữ liệu từ trước (${kept.join(', ')}); các giá trị đó được giữ nguyên.`,
        });
      }
      if (flagged.length) {
        plan.warnings.push({
          message: `Điểm tự chấm của ${flagged.length} tiêu chí đã thẩm định bị thay đổi (${flagged.join(', ')}); điểm thẩm định được giữ nguyên và các tiêu chí này được đánh dấu cần thẩm định lại.`,
        });
      }
      applyScoreChanges(ws, plan.year, changes, { source: 'form-import', actor, reason: `Biểu tự đánh giá ${fileName}` });
      const submissionId = recordSubmission(ws, {
        year: plan.year,
        unitCode: plan.unit.code,
        fileName,
        sha256: hash,
        content: bytes,
        actor,
        matchedBy: plan.matchedBy,
        formFingerprint: plan.formFingerprint,
        frameworkFingerprint: plan.frameworkFingerprint,
        leaves: plan.leaves,
        diff,
        warnings: plan.warnings,
      });
      let evidence: FormImportResult['evidence'] = null;
      if (received) {
        const link = linkContextOf(ws, plan.year, plan.unit);
        for (const leaf of plan.leaves) if (leaf.evidence !== null) link.evidenceCells.set(leaf.criterionCode, leaf.evidence);
        const landed = landEvidence(ws, received, link, { year: plan.year, unitCode: plan.unit.code, submissionId, actor });
        evidence = { source: received.source, files: received.files.length, ...landed };
      }
      return { submissionId, diff, flagged, evidence, duplicate: null };
    });
    if (landed.duplicate) {
      const same = landed.duplicate;
      return {
        ...result,
        status: 'unchanged',
        unit: same.unitCode,
        unitName: same.unitName,
        year: same.year,
        matchedBy: same.matchedBy,
        submissionId: same.id,
        warnings: [{ message: `Tệp này đã được nhập ngày ${formatDate(same.importedAt)} (lần nộp thứ ${same.version}); không có gì thay đổi.` }],
      };
    }
    return {
      ...result,
      status: 'imported',
      unit: plan.unit.code,
      unitName: plan.unit.name,
      year: plan.year,
      matchedBy: plan.matchedBy,
      submissionId: landed.submissionId,
      warnings: plan.warnings,
      changes: changedCriteria(landed.diff),
      flaggedForReappraisal: landed.flagged,
      evidence: landed.evidence,
      missingEvidence: missingEvidence(ws, plan.year, plan.unit.code).map((m) => m.criterion),
    };
  } catch (e) {
    if (e instanceof FormRefusal) return { ...result, ...e.partial, status: 'refused', errors: e.errors };
    // the file is not at fault: the whole run stops, each file before it landed whole
    if (e instanceof WorkspaceBusyError) throw e;
    if (e instanceof UserError) return { ...result, status: 'refused', errors: fromUserError(e, fileName) };
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EACCES') {
      return { ...result, status: 'refused', errors: [{ message: `Không đọc được tệp (${(e as NodeJS.ErrnoException).code}); hãy kiểm tra đường dẫn và quyền truy cập.` }] };
    }
    throw e;
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}

/**
 * Imports files and folders one file at a time, each in its own transaction: a refused file
 * stops nothing else.
 */
export async function importForms(
  ws: Workspace,
  inputs: string[],
  options: FormImportOptions = {},
  onProgress?: (p: FormImportProgress) => void,
): Promise<FormImportResult[]> {
  const files = expandFormPaths(inputs);
  const lookups = new BatchLookups(ws);
  const results: FormImportResult[] = [];
  for (const file of files) {
    const r = await importOneForm(ws, lookups, file, options);
    results.push(r);
    onProgress?.({ done: results.length, total: files.length, file: r.file, status: r.status });
  }
  return results;
}
