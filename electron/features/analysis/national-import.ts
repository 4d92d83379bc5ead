// A national table read from MOHA's published file (.xlsx or .csv): Tỉnh, thành phố; the
// fields' scores (headers by Roman numeral or name); Chỉ số; optional Điểm tối đa row, SIPAS
// and its component indices. All or nothing: every problem is found first and named by row
// and column; what is only doubtful (fields not summing to the index, a province the year
// before did not have) is let through as a warning.
import path from 'node:path';
import { fieldOfHeader, provinceKey, sipasFactorOfHeader, ROMAN, type NationalRow } from '../../../shared/analysis/national';
import { formatNumber, roundTo } from '../../../shared/format';
import { UserError, type Problem } from '../../../shared/errors';
import { matchKey } from '../../../shared/text';
import type { Workspace } from '../../db/workspace';
import { mapColumns, readTable, TableReader, type ColumnMap, type TableRow } from '../../excel/tabular';
import { setSetting } from '../workspace/store';
import { earlierNationalYear, findPredecessors, splitProvinces } from './lineage';
import { nationalLineage, nationalRows, OURS_SETTING, writeNationalLineage, writeNationalTable, type NationalLineageEntry } from './store';

export interface NationalImportOptions {
  /** our province's name as the table writes it (kept as a setting) */
  ours?: string;
  /** per-field maxima "I=10;II=10;…" when the table has no Điểm tối đa row */
  maxima?: string;
}

export interface NationalImportSummary {
  file: string;
  year: number;
  provinces: number;
  fields: string[];
  sipasFactors: string[];
  ours: string | null;
  warnings: Problem[];
  /** provinces declared as formed from provinces of the table before (Tiền thân) */
  lineage: NationalLineageEntry[];
  /** provinces the table before did not have and no lineage names: not compared until declared */
  lineageQuestions: string[];
}

export { OURS_SETTING };

/** "I=10;II=10;III=14,5" → maxima by field code. */
export function parseMaxima(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([IVX]+)\s*=\s*([0-9]+(?:[.,][0-9]+)?)$/i.exec(part);
    if (!m) throw new UserError([{ message: `Điểm tối đa "${part}" không đúng dạng Mã=điểm, ví dụ "I=10;II=10;III=14,5".` }]);
    map.set(m[1].toUpperCase(), Number(m[2].replace(',', '.')));
  }
  return map;
}

const NOT_PROVINCES = ['diem toi da', 'trung binh', 'binh quan', 'ca nuoc', 'tong', 'gia tri trung binh'];

export async function importNationalFile(ws: Workspace, year: number, file: string, options: NationalImportOptions = {}): Promise<NationalImportSummary> {
  const given = options.maxima ? parseMaxima(options.maxima) : null;
  const table = await readTable(file);
  const base = mapColumns(table, [
    { key: 'province', headers: ['Tỉnh, thành phố', 'Tỉnh/thành phố', 'Tỉnh, thành phố trực thuộc trung ương', 'Tỉnh', 'Địa phương', 'Tên tỉnh'], required: true },
    { key: 'index', headers: ['Chỉ số', 'Chỉ số CCHC', 'PAR INDEX', 'Chỉ số (%)', 'Chỉ số PAR INDEX'], required: true },
    { key: 'sipas', headers: ['SIPAS', 'Chỉ số SIPAS', 'Chỉ số hài lòng', 'SIPAS (%)'], required: false },
    { key: 'lineage', headers: ['Tiền thân', 'Tỉnh trước sáp nhập', 'Hợp nhất từ', 'Sáp nhập từ'], required: false },
  ]);
  const taken = new Set(Object.values(base));
  const columns: ColumnMap<string> = { ...base };
  const fields: { code: string; title: string }[] = [];
  const factors: { code: string; title: string }[] = [];
  const problems: Problem[] = [];
  table.headers.forEach((header, col) => {
    if (taken.has(col) || !header) return;
    const f = fieldOfHeader(header, year);
    const s = f ? null : sipasFactorOfHeader(header);
    const target = f ? fields : s ? factors : null;
    const found = f ?? s;
    if (!target || !found) return;
    if (target.some((x) => x.code === found.code)) {
      problems.push({ file: table.fileName, sheet: table.sheet, row: table.headerRow, column: header, message: `Cột "${header}" trùng với một cột khác cùng là ${found.code}; hãy để mỗi ${f ? 'lĩnh vực' : 'chỉ số thành phần'} một cột.` });
      return;
    }
    target.push(found);
    columns[`${f ? 'field' : 'sipas'}:${found.code}`] = col;
  });
  fields.sort((a, b) => ROMAN.indexOf(a.code) - ROMAN.indexOf(b.code));
  const at = { file: table.fileName, sheet: table.sheet, row: table.headerRow };
  if (fields.length === 0) {
    problems.push({ ...at, message: 'Không có cột điểm của lĩnh vực nào ở dòng tiêu đề; hãy ghi số La Mã (I, II, …, VIII) hoặc tên lĩnh vực ở đầu mỗi cột.' });
  } else {
    const last = ROMAN.indexOf(fields[fields.length - 1].code);
    const missing = ROMAN.slice(0, last + 1).filter((c) => !fields.some((f) => f.code === c));
    if (missing.length) problems.push({ ...at, message: `Thiếu cột lĩnh vực ${missing.join(', ')} (có ${fields.map((f) => f.code).join(', ')}); hãy thêm cột điểm của lĩnh vực còn thiếu.` });
  }
  if (given) for (const code of given.keys()) if (!fields.some((f) => f.code === code)) problems.push({ message: `Điểm tối đa cho lĩnh vực ${code} nhưng bảng không có cột lĩnh vực ${code}.` });
  if (problems.length) throw new UserError([...table.warnings, ...problems]);

  const reader = new TableReader<string>(table, columns);
  const maxima = new Map<string, number>(given ?? []);
  const rows: (NationalRow & { rowNumber: number })[] = [];
  const earlier = earlierNationalYear(ws, year);
  const earlierRows = earlier === undefined ? [] : nationalRows(ws, earlier);
  const withLineageColumn = reader.has('lineage');
  const declared: NationalLineageEntry[] = [];
  const seen = new Map<string, number>();
  const warnings: Problem[] = [];
  /** The row's field scores; a blank cell is a problem where `required`. */
  const readFields = (row: TableRow, required: string | null) =>
    fields.map((f) => {
      const before = reader.problems.length;
      const value = reader.number(row, `field:${f.code}`, `Điểm lĩnh vực ${f.code}`);
      if (value === null && required && reader.problems.length === before) reader.problem(row, `field:${f.code}`, `Thiếu điểm lĩnh vực ${f.code} của ${required}.`);
      return { ...f, value };
    });
  for (const row of table.rows) {
    const name = reader.text(row, 'province');
    const key = name ? matchKey(name) : '';
    if (key.startsWith('diem toi da')) {
      for (const f of readFields(row, null)) if (f.value !== null && !given?.has(f.code)) maxima.set(f.code, f.value);
      continue;
    }
    if (!name || NOT_PROVINCES.some((p) => key.startsWith(p))) continue;
    const scores = readFields(row, name);
    const before = reader.problems.length;
    const index = reader.number(row, 'index', 'Chỉ số', { percent: true });
    if (index === null && reader.problems.length === before) reader.problem(row, 'index', `Thiếu chỉ số của ${name}; hãy nhập chỉ số đã công bố, ví dụ 87,11.`);
    else if (index !== null && (index < 0 || index > 100)) reader.problem(row, 'index', `Chỉ số ${formatNumber(index)} của ${name} phải từ 0 đến 100.`);
    const sipas = reader.has('sipas') ? reader.number(row, 'sipas', 'SIPAS', { percent: true }) : null;
    const sipasFactors = factors.map((f) => ({ ...f, index: reader.number(row, `sipas:${f.code}`, f.title, { percent: true }) }));
    const pkey = provinceKey(name);
    const fromText = withLineageColumn ? reader.text(row, 'lineage') : null;
    if (fromText) {
      const { found, problems } = findPredecessors(splitProvinces(fromText), earlier, earlierRows, name);
      for (const p of problems) reader.problem(row, 'lineage', `Tiền thân của ${name}: ${p}`);
      if (found.length) declared.push({ key: pkey, name, from: found });
    }
    if (seen.has(pkey)) reader.problem(row, 'province', `${name} đã có ở dòng ${seen.get(pkey)}; mỗi tỉnh, thành phố một dòng.`);
    seen.set(pkey, row.rowNumber);
    if (index === null || scores.some((f) => f.value === null)) continue;
    rows.push({
      key: pkey,
      name,
      rowNumber: row.rowNumber,
      index,
      fields: scores.map((f) => ({ code: f.code, title: f.title, score: f.value!, max: null })),
      sipas,
      sipasFactors: sipasFactors.filter((f) => f.index !== null).map((f) => ({ code: f.code, title: f.title, index: f.index! })),
    });
  }
  if (rows.length === 0 && reader.problems.length === 0) reader.problems.push({ file: table.fileName, message: 'Tệp không có dòng tỉnh, thành phố nào dưới dòng tiêu đề.' });
  reader.throwIfProblems();

  // the published index against the fields' sum: MOHA rounds each figure apart, so 0,01 is allowed
  const maxSum = fields.reduce((s, f) => s + (maxima.get(f.code) ?? 0), 0);
  for (const r of rows) {
    for (const f of r.fields) f.max = maxima.get(f.code) ?? null;
    const sum = r.fields.reduce((s, f) => s + f.score, 0);
    const expected = maxSum > 0 && fields.every((f) => maxima.has(f.code)) ? (sum / maxSum) * 100 : sum;
    if (Math.abs(roundTo(expected - r.index, 6)) > 0.01 + 1e-9) {
      const row = table.rows.find((x) => x.rowNumber === r.rowNumber)!;
      warnings.push({
        ...reader.location(row, 'index'),
        message: `Chỉ số ${formatNumber(r.index)} của ${r.name} khác tổng điểm các lĩnh vực (${formatNumber(roundTo(expected, 2))}) quá 0,01; đã nhập theo số công bố, hãy kiểm tra lại.`,
      });
    }
  }
  // the lineage of the year: from the Tiền thân column where the table has one, else as declared before
  const lineage = withLineageColumn ? declared : nationalLineage(ws, year).filter((e) => rows.some((r) => r.key === e.key));
  // provinces the year before did not have: a new province after a merger needs its lineage
  const lineageQuestions: string[] = [];
  if (earlier !== undefined) {
    const before = new Set(earlierRows.map((r) => r.key));
    for (const r of rows) {
      if (before.has(r.key) || lineage.some((e) => e.key === r.key)) continue;
      const row = table.rows.find((x) => x.rowNumber === r.rowNumber)!;
      lineageQuestions.push(r.name);
      warnings.push({
        ...reader.location(row, 'province'),
        message: `${r.name} không có trong bảng năm ${earlier}: chưa so sánh được với năm trước. Nếu đây là tỉnh mới sau sáp nhập, hãy ghi các tỉnh trước sáp nhập ở cột "Tiền thân" (ví dụ "Lạng Sơn; Cao Bằng") hoặc khai báo tiền thân của tỉnh; nếu tên viết khác, hãy sửa cho giống bảng năm ${earlier}.`,
      });
    }
  }
  let ours: string | null = null;
  if (options.ours) {
    const found = rows.find((r) => r.key === provinceKey(options.ours!));
    if (!found) throw new UserError([{ file: table.fileName, message: `Bảng không có tỉnh, thành phố "${options.ours}"; hãy ghi tên như trong cột "${table.headers[base.province!]}".` }]);
    ours = found.name;
  }
  ws.transaction(() => {
    writeNationalTable(ws, { year, fileName: path.basename(file), importedAt: new Date().toISOString(), actor: ws.actor, warnings }, rows);
    if (ours) setSetting(ws, OURS_SETTING, ours);
    writeNationalLineage(ws, year, lineage);
  });
  return {
    file: path.basename(file),
    year,
    provinces: rows.length,
    fields: fields.map((f) => f.code),
    sipasFactors: factors.map((f) => f.code),
    ours,
    warnings,
    lineage,
    lineageQuestions,
  };
}
