// A returned form read, matched and checked against the workspace before anything is written:
// which unit and year it is (its metadata cross-checked with its visible heading, or its heading
// and name), which leaves its rows are, every score within its leaf's rules, and the changes it
// would make (a blank cell clears only what the unit's previous form set). ./import.ts writes.
import path from 'node:path';
import type { Framework, Unit } from '../../../shared/domain';
import { CellValueError, cellNumber } from '../../../shared/cells';
import { formatNumber, roundTo } from '../../../shared/format';
import { leafCodes, scoreValueProblem } from '../../../shared/results';
import { matchKey } from '../../../shared/text';
import type { ScoreChange } from '../appraisal/service';
import { unitScoreStates, type LeafScoreState } from '../appraisal/store';
import type { Workspace } from '../../db/workspace';
import type { MatchMethod, SubmissionDiff, SubmittedLeaf } from './store';
import { frameworkFingerprint } from './fingerprint';
import { matchFormRows } from './match';
import type { FormContent, FormRow } from './read-form';
import { crossCheckHeading } from './identity';
import { getFramework } from '../framework/store';
import { requireUnit } from '../units/service';
import { listUnits } from '../units/store';
import { getPeriod } from '../workspace/store';
import type { FormImportOptions, FormImportProblem, FormImportResult } from './import-types';

/** A refusal carrying the located problems of one file. */
export class FormRefusal extends Error {
  constructor(
    readonly errors: FormImportProblem[],
    readonly partial: Partial<FormImportResult> = {},
  ) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

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

export interface PlannedImport {
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
export class BatchLookups {
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
export function planImport(ws: Workspace, lookups: BatchLookups, content: FormContent, fileName: string, options: FormImportOptions): PlannedImport {
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
export function changesOf(
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

