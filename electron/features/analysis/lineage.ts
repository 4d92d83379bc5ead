// Lineage of provinces across national tables: a province of a year formed by merging provinces
// of the table before (2025: 63 → 34) compares with them, as a merged commune compares with the
// communes it was formed from (the engine's one year-over-year rule).
import { provinceKey, type NationalRow } from '../../../shared/analysis/national';
import { UserError, type Problem } from '../../../shared/errors';
import type { Workspace } from '../../db/workspace';
import { nationalLineage, nationalRows, nationalYears, writeNationalLineage, type NationalLineageEntry } from './store';

/** "Lạng Sơn; Cao Bằng" → the names, trimmed, blanks dropped. */
export function splitProvinces(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The latest year before `year` with a national table, if any. */
export function earlierNationalYear(ws: Workspace, year: number): number | undefined {
  return nationalYears(ws)
    .filter((y) => y < year)
    .pop();
}

/**
 * The predecessors named, found in the earlier table: their rows, and a problem for each name
 * the earlier table does not have (or for all, when there is no earlier table).
 */
export function findPredecessors(
  names: string[],
  earlierYear: number | undefined,
  earlierRows: NationalRow[],
  what: string,
): { found: { key: string; name: string }[]; problems: string[] } {
  if (earlierYear === undefined) return { found: [], problems: [`Chưa có bảng năm trước để ${what} so sánh; hãy nhập bảng năm trước trước.`] };
  const byKey = new Map(earlierRows.map((r) => [r.key, r]));
  const found: { key: string; name: string }[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const row = byKey.get(provinceKey(name));
    if (row) {
      if (!found.some((f) => f.key === row.key)) found.push({ key: row.key, name: row.name });
    } else problems.push(`"${name}" không có trong bảng năm ${earlierYear}; hãy ghi tên như trong bảng năm ${earlierYear}.`);
  }
  return { found, problems };
}

/**
 * Declares that `province` of `year`'s table was formed from `from` (provinces of the latest
 * earlier table); an empty `from` removes the declaration. Returns the year's declarations.
 */
export function declareNationalLineage(ws: Workspace, year: number, province: string, from: string[]): NationalLineageEntry[] {
  const rows = nationalRows(ws, year);
  if (rows.length === 0) throw new UserError([{ message: `Chưa có bảng kết quả các tỉnh, thành phố năm ${year}; hãy nhập bảng năm ${year} trước.` }]);
  const row = rows.find((r) => r.key === provinceKey(province));
  if (!row) throw new UserError([{ message: `Bảng năm ${year} không có tỉnh, thành phố "${province}"; hãy ghi tên như trong bảng.` }]);
  const entries = nationalLineage(ws, year).filter((e) => e.key !== row.key);
  if (from.length > 0) {
    const earlier = earlierNationalYear(ws, year);
    const { found, problems } = findPredecessors(from, earlier, earlier === undefined ? [] : nationalRows(ws, earlier), `${row.name}`);
    if (problems.length) throw new UserError(problems.map((message): Problem => ({ message: `Tiền thân của ${row.name}: ${message}` })));
    entries.push({ key: row.key, name: row.name, from: found });
  }
  ws.transaction(() => writeNationalLineage(ws, year, entries));
  return entries;
}

/** province key → keys of the provinces it was formed from, for the engine. */
export function nationalLineageMap(ws: Workspace, year: number): Map<string, string[]> {
  return new Map(nationalLineage(ws, year).map((e) => [e.key, e.from.map((f) => f.key)]));
}
