// Survey files in: the entry sheet (.xlsx/.csv) and exports of Google Forms, KoboToolbox/ODK
// and LimeSurvey. A file lands whole (with its original bytes) or not at all; every bad cell
// is named. Forms answering too few items are kept but counted as invalid by the settings.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Unit } from '../../../shared/domain';
import { UserError, type Problem } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { cleanText, matchKey } from '../../../shared/text';
import {
  answerClassifier,
  isValidForm,
  labelLookup,
  FORMAT_NAMES,
  mapSurveyColumns,
  mappingProfileSchema,
  parseAnswer,
  schemaIssues,
  type ColumnMapping,
  type MappingProfile,
  type SurveyImportPreview,
  type SurveyImportReport,
  type SurveyImportRequest,
  type SurveyImportUnitCount,
  type SurveyDefinition,
  type SurveySettings,
} from '../../../shared/survey';
import { cellAddress } from '../../excel/cells';
import { readTableBytes, type Table, type TableRow } from '../../excel/tabular';
import type { Workspace } from '../../db/workspace';
import { isFileSystemError } from '../../files/errors';
import { SurveyStore, type StoredForm } from './store';
import { getSurveyDefinition, getSurveySettings } from './definitions';
import { participatingUnits } from '../participation/service';
import { requireUnit } from '../units/service';
import { listUnits } from '../units/store';
import { ensurePeriod } from '../workspace/service';

/** What an import takes (the IPC channel parses it with `surveyImportRequestSchema`). */
export type SurveyImportOptions = SurveyImportRequest;

const MAX_PROBLEMS = 100;

interface ParsedFile {
  preview: SurveyImportPreview;
  forms: StoredForm[];
  itemCodes: string[];
  bytes: Buffer;
  sha256: string;
  profileName: string | null;
}

function resolveProfile(ws: Workspace, profile: SurveyImportOptions['profile']): MappingProfile | null {
  if (!profile) return null;
  if (typeof profile !== 'string') {
    const parsed = mappingProfileSchema.safeParse(profile);
    if (!parsed.success) throw new UserError(`Hồ sơ ánh xạ không hợp lệ: ${schemaIssues(parsed.error)}`);
    return parsed.data;
  }
  const saved = new SurveyStore(ws).getProfile(profile);
  if (!saved) {
    const names = new SurveyStore(ws).listProfiles().map((p) => p.name);
    throw new UserError([
      {
        message:
          `Không có hồ sơ ánh xạ "${profile}" trong tệp dữ liệu. ` +
          (names.length ? `Các hồ sơ đã lưu: ${names.join(', ')}.` : 'Chưa lưu hồ sơ ánh xạ nào; hãy lưu một hồ sơ trước.'),
        hint: 'mapping-profile',
      },
    ]);
  }
  return saved;
}

/**
 * Finds units by code (exact, then ignoring case) or by name (ignoring case and accents).
 * A name shared by several units (an old commune and the new one that kept its name) goes
 * to the one unit of them that takes part in the year, if exactly one does.
 */
function unitFinder(units: Unit[], participating: Set<string>): (text: string) => Unit | 'ambiguous' | null {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byCodeKey = new Map<string, Unit[]>();
  const byName = new Map<string, Unit[]>();
  for (const u of units) {
    byCodeKey.set(matchKey(u.code), [...(byCodeKey.get(matchKey(u.code)) ?? []), u]);
    byName.set(matchKey(u.name), [...(byName.get(matchKey(u.name)) ?? []), u]);
  }
  const cache = new Map<string, Unit | 'ambiguous' | null>();
  return (text) => {
    if (cache.has(text)) return cache.get(text)!;
    const key = matchKey(text);
    let list = byCode.has(text) ? [byCode.get(text)!] : (byCodeKey.get(key) ?? byName.get(key) ?? []);
    if (list.length > 1) {
      const taking = list.filter((u) => participating.has(u.code));
      if (taking.length === 1) list = taking;
    }
    const found = list.length === 1 ? list[0] : list.length > 1 ? 'ambiguous' : null;
    cache.set(text, found);
    return found;
  };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cleanText(String(v));
}

function parseRows(
  ws: Workspace,
  table: Table,
  def: SurveyDefinition,
  settings: SurveySettings,
  mapping: ColumnMapping,
  profile: MappingProfile | null,
  fixedUnit: Unit | null,
): { forms: StoredForm[]; problems: Problem[]; unknown: Map<number, Set<string>> } {
  const problems: Problem[] = [];
  let extraProblems = 0;
  const problem = (row: TableRow, column: number | null, message: string) => {
    if (problems.length >= MAX_PROBLEMS) return void extraProblems++;
    const where: Omit<Problem, 'message'> =
      table.kind === 'xlsx' && column !== null
        ? { file: table.fileName, sheet: table.sheet, cell: cellAddress(column + 1, row.rowNumber) }
        : { file: table.fileName, sheet: table.sheet, row: row.rowNumber, column: column === null ? undefined : table.headers[column] };
    problems.push({ ...where, message });
  };
  const itemByCode = new Map(def.items.map((i) => [i.code, i]));
  const columns = mapping.items.map((c) => ({ ...c, item: itemByCode.get(c.itemCode)! }));
  const lookup = labelLookup(def.scaleLabels, profile?.labels ?? {});
  const noAnswer = new Set(settings.noAnswerCodes);
  const findUnit = unitFinder(listUnits(ws), new Set(participatingUnits(ws, def.year)));
  const usedCodes = new SurveyStore(ws).formCodesOfYear(def.year);
  const unknown = new Map<number, Set<string>>();
  const forms: StoredForm[] = [];
  for (const row of table.rows) {
    let unit: Unit | null = fixedUnit;
    if (!unit && mapping.unitColumn !== null) {
      const text = cellText(row.cells[mapping.unitColumn!]);
      const found = text ? findUnit(text) : null;
      if (!text) problem(row, mapping.unitColumn, 'phiếu chưa ghi đơn vị; hãy ghi mã hoặc tên đơn vị.');
      else if (found === 'ambiguous') problem(row, mapping.unitColumn, `có nhiều đơn vị cùng tên "${text}"; hãy ghi mã đơn vị thay cho tên.`);
      else if (!found) problem(row, mapping.unitColumn, `không có đơn vị "${text}" trong danh sách đơn vị; hãy ghi đúng mã hoặc tên đơn vị.`);
      else unit = found;
    }
    let formCode: string | null = null;
    if (mapping.formColumn !== null) {
      formCode = cellText(row.cells[mapping.formColumn]) || null;
      if (formCode && unit) {
        const key = `${unit.code}\u0000${formCode}`;
        if (usedCodes.has(key)) problem(row, mapping.formColumn, `mã phiếu "${formCode}" của ${unit.name} đã có; mỗi phiếu cần một mã riêng.`);
        usedCodes.add(key);
      }
    }
    const answers: (number | null)[] = new Array(columns.length);
    columns.forEach((c, i) => {
      const parsed = parseAnswer(row.cells[c.column], lookup);
      if ('unknown' in parsed) {
        let set = unknown.get(c.column);
        if (!set) unknown.set(c.column, (set = new Set()));
        set.add(parsed.unknown);
        problem(row, c.column, `câu ${c.itemCode}: không hiểu câu trả lời "${parsed.unknown}"; hãy ghi mã từ ${c.item.scaleMin} đến ${c.item.scaleMax} hoặc khai báo nhãn này trong hồ sơ ánh xạ.`);
        answers[i] = null;
        return;
      }
      const code = parsed.code;
      if (code !== null && !noAnswer.has(code) && (code < c.item.scaleMin || code > c.item.scaleMax)) {
        problem(row, c.column, `câu ${c.itemCode}: mã ${formatNumber(code)} nằm ngoài thang đo ${c.item.scaleMin}–${c.item.scaleMax}; hãy sửa hoặc để trống nếu không trả lời.`);
      }
      answers[i] = code;
    });
    if (unit) forms.push({ unitCode: unit.code, formCode, rowNumber: row.rowNumber, answers });
  }
  if (extraProblems) problems.push({ file: table.fileName, message: `… và ${extraProblems} lỗi khác.` });
  return { forms, problems, unknown };
}

async function parseSurveyFile(ws: Workspace, options: SurveyImportOptions): Promise<ParsedFile> {
  const fileName = path.basename(options.file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(options.file);
  } catch (e) {
    if (!isFileSystemError(e)) throw e;
    throw new UserError([{ file: fileName, message: 'Không đọc được tệp; hãy kiểm tra đường dẫn và quyền truy cập.' }]);
  }
  const profile = resolveProfile(ws, options.profile);
  const fixedUnit = options.unitCode ? requireUnit(ws, options.unitCode) : null;
  const def = getSurveyDefinition(ws, options.year);
  const settings = getSurveySettings(ws, options.year);
  const table = await readTableBytes(bytes, fileName);
  const mapping = mapSurveyColumns(table.headers, def, profile);
  const headerProblem = (message: string): Problem => ({ file: fileName, sheet: table.sheet, row: table.headerRow, message });
  const problems: Problem[] = [];
  if (mapping.items.length === 0) {
    problems.push({
      ...headerProblem(
        `không có cột nào khớp với câu hỏi của bộ câu hỏi năm ${options.year} (theo mã như "${def.items[0].code}" hoặc theo nội dung câu hỏi); ` +
          'hãy dùng phiếu nhập mẫu hoặc một hồ sơ ánh xạ.',
      ),
      hint: 'survey-template',
    });
  }
  for (const c of mapping.conflicts) {
    problems.push(headerProblem(`nhiều cột cùng khớp câu ${c.itemCode}: ${c.headers.map((h) => `"${h}"`).join(', ')}; hãy chỉ rõ cột nào trong hồ sơ ánh xạ.`));
  }
  if (!fixedUnit && mapping.unitColumn === null) {
    problems.push({ ...headerProblem('không có cột "Đơn vị"; hãy thêm cột "Đơn vị" (mã hoặc tên đơn vị) hoặc chọn một đơn vị cho cả tệp.'), hint: 'unit' });
  }
  if (table.rows.length === 0) problems.push({ file: fileName, sheet: table.sheet, message: 'tệp không có phiếu nào (chỉ có dòng tiêu đề).' });
  // Rows are read even without a unit column, so that a preview lists the labels to map.
  const rows =
    mapping.items.length > 0 && mapping.conflicts.length === 0
      ? parseRows(ws, table, def, settings, mapping, profile, fixedUnit)
      : { forms: [], problems: [], unknown: new Map<number, Set<string>>() };
  problems.push(...rows.problems);
  // what the reader assumed (a CSV's encoding) may explain the problems: shown first
  if (problems.length) problems.unshift(...table.warnings);

  const classify = answerClassifier(settings);
  const units = new Map(listUnits(ws).map((u) => [u.code, u]));
  const counts = new Map<string, SurveyImportUnitCount>();
  let validForms = 0;
  for (const f of rows.forms) {
    const answered = f.answers.reduce<number>((n, a) => (classify(a) === 'blank' ? n : n + 1), 0);
    const valid = isValidForm(answered, mapping.items.length, settings);
    let c = counts.get(f.unitCode);
    if (!c) counts.set(f.unitCode, (c = { code: f.unitCode, name: units.get(f.unitCode)!.name, forms: 0, validForms: 0 }));
    c.forms++;
    if (valid) {
      c.validForms++;
      validForms++;
    }
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const already = new SurveyStore(ws).importBySha(options.year, sha256);
  if (already) {
    problems.unshift({
      file: fileName,
      message: `tệp này đã được nhập vào năm ${options.year} (lần nhập số ${already.id}, tệp ${already.fileName}); không nhập trùng. Nếu cần nhập lại, hãy xóa lần nhập cũ trước.`,
    });
  }
  return {
    preview: {
      year: options.year,
      fileName,
      format: mapping.format,
      formatName: FORMAT_NAMES[mapping.format],
      mapping,
      unitColumn: mapping.unitColumn === null || fixedUnit ? null : table.headers[mapping.unitColumn],
      formColumn: mapping.formColumn === null ? null : table.headers[mapping.formColumn],
      forms: rows.forms.length,
      validForms,
      invalidForms: rows.forms.length - validForms,
      units: [...counts.values()],
      unknownLabels: [...rows.unknown.entries()].map(([column, labels]) => ({ header: table.headers[column], labels: [...labels] })),
      problems,
    },
    forms: rows.forms,
    itemCodes: mapping.items.map((i) => i.itemCode),
    bytes,
    sha256,
    profileName: profile?.name ?? null,
  };
}

/** Reads a survey file and says what an import would do, without writing anything. */
export async function previewSurveyImport(ws: Workspace, options: SurveyImportOptions): Promise<SurveyImportPreview> {
  return (await parseSurveyFile(ws, options)).preview;
}

/**
 * Imports a survey file into a year (created if new), all or nothing, keeping the original
 * bytes; then refreshes the survey points of linked PAR leaves when the period is open.
 */
export async function importSurveyFile(ws: Workspace, options: SurveyImportOptions): Promise<SurveyImportReport> {
  const parsed = await parseSurveyFile(ws, options);
  if (parsed.preview.problems.length) throw new UserError(parsed.preview.problems);
  return ws.transaction(() => {
    ensurePeriod(ws, options.year);
    const importId = new SurveyStore(ws).insertImport(
      {
        year: options.year,
        fileName: parsed.preview.fileName,
        format: parsed.preview.format,
        sha256: parsed.sha256,
        content: parsed.bytes,
        actor: options.actor ?? ws.actor,
        profile: parsed.profileName,
        itemCodes: parsed.itemCodes,
      },
      parsed.forms,
    );
    const changed = { year: options.year, actor: options.actor, pointsUpdated: 0 };
    ws.emit('survey-changed', changed);
    const pointsUpdated = changed.pointsUpdated;
    return { ...parsed.preview, importId, pointsUpdated };
  });
}

/** Removes one imported file and its forms, then refreshes linked survey points. */
export function deleteSurveyImport(ws: Workspace, importId: number, actor?: string): { year: number; pointsUpdated: number } {
  return ws.transaction(() => {
    const store = new SurveyStore(ws);
    const record = store.getImport(importId);
    if (!record) throw new UserError(`Không có lần nhập khảo sát số ${importId}.`);
    store.deleteImport(importId);
    const changed = { year: record.year, actor, pointsUpdated: 0 };
    ws.emit('survey-changed', changed);
    return { year: record.year, pointsUpdated: changed.pointsUpdated };
  });
}

export function listSurveyImports(ws: Workspace, year?: number) {
  return new SurveyStore(ws).listImports(year);
}

/** Saves a mapping profile after checking it; item codes are checked against no year (profiles are reused). */
export function saveMappingProfile(ws: Workspace, profile: MappingProfile): MappingProfile {
  const parsed = mappingProfileSchema.safeParse(profile);
  if (!parsed.success) {
    throw new UserError(`Hồ sơ ánh xạ không hợp lệ: ${schemaIssues(parsed.error)}`);
  }
  ws.transaction(() => new SurveyStore(ws).saveProfile(parsed.data));
  return parsed.data;
}

export function listMappingProfiles(ws: Workspace): MappingProfile[] {
  return new SurveyStore(ws).listProfiles();
}

export function deleteMappingProfile(ws: Workspace, name: string): void {
  if (!ws.transaction(() => new SurveyStore(ws).deleteProfile(name))) {
    throw new UserError(`Không có hồ sơ ánh xạ "${name}" trong tệp dữ liệu.`);
  }
}
