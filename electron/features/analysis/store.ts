// SQL of the national tables: per year the file read and per province its published figures.
import type { NationalRow } from '../../../shared/analysis/national';
import type { Problem } from '../../../shared/errors';
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

/** the setting that keeps our province's name as the national table writes it */
export const OURS_SETTING = 'national.ours';

export interface NationalTableMeta {
  year: number;
  fileName: string;
  importedAt: string;
  actor: string;
  warnings: Problem[];
}

/** Replaces the national table of a year. */
export function writeNationalTable(ws: Workspace, meta: NationalTableMeta, rows: (NationalRow & { rowNumber: number })[]): void {
  const db = sqlOf(ws);
  db.prepare('DELETE FROM national_tables WHERE year = ?').run(meta.year);
  db.prepare('INSERT INTO national_tables(year, file_name, imported_at, actor, warnings) VALUES (?, ?, ?, ?, ?)').run(
    meta.year,
    meta.fileName,
    meta.importedAt,
    meta.actor,
    JSON.stringify(meta.warnings),
  );
  const insert = db.prepare(
    'INSERT INTO national_results(year, province_key, name, row_number, idx, fields, sipas, sipas_factors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(meta.year, r.key, r.name, r.rowNumber, r.index, JSON.stringify(r.fields), r.sipas, JSON.stringify(r.sipasFactors));
}

/** The provinces of a year's national table, in the file's order. */
export function nationalRows(ws: Workspace, year: number): NationalRow[] {
  return (
    sqlOf(ws)
      .prepare('SELECT province_key, name, idx, fields, sipas, sipas_factors FROM national_results WHERE year = ? ORDER BY row_number')
      .all(year) as { province_key: string; name: string; idx: number; fields: string; sipas: number | null; sipas_factors: string }[]
  ).map((r) => ({
    key: r.province_key,
    name: r.name,
    index: r.idx,
    fields: JSON.parse(r.fields) as NationalRow['fields'],
    sipas: r.sipas,
    sipasFactors: JSON.parse(r.sipas_factors) as NationalRow['sipasFactors'],
  }));
}

/** The years that have a national table, oldest first. */
export function nationalYears(ws: Workspace): number[] {
  return (sqlOf(ws).prepare('SELECT year FROM national_tables ORDER BY year').all() as { year: number }[]).map((r) => r.year);
}

export function nationalTableMeta(ws: Workspace, year: number): NationalTableMeta | null {
  const r = sqlOf(ws).prepare('SELECT year, file_name, imported_at, actor, warnings FROM national_tables WHERE year = ?').get(year) as
    | { year: number; file_name: string; imported_at: string; actor: string; warnings: string }
    | undefined;
  return r ? { year: r.year, fileName: r.file_name, importedAt: r.imported_at, actor: r.actor, warnings: JSON.parse(r.warnings) as Problem[] } : null;
}

/** A province of a year's table declared as formed from provinces of the table before. */
export interface NationalLineageEntry {
  key: string;
  name: string;
  from: { key: string; name: string }[];
}

const lineageSetting = (year: number) => `national.lineage.${year}`;

/** The provinces of `year` declared as formed from others (mergers), as kept. */
export function nationalLineage(ws: Workspace, year: number): NationalLineageEntry[] {
  const row = sqlOf(ws).prepare('SELECT value FROM workspace_settings WHERE key = ?').get(lineageSetting(year)) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as NationalLineageEntry[]) : [];
}

/** Replaces the lineage declared for `year` (none = removed). */
export function writeNationalLineage(ws: Workspace, year: number, entries: NationalLineageEntry[]): void {
  const db = sqlOf(ws);
  if (entries.length === 0) {
    db.prepare('DELETE FROM workspace_settings WHERE key = ?').run(lineageSetting(year));
    return;
  }
  db.prepare('INSERT INTO workspace_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    lineageSetting(year),
    JSON.stringify(entries),
  );
}
