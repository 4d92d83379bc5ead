// SQL of the settings that turn points into results, per year and block: classification
// bands, the displayed precision and how equal indices rank (the tie rule).
import { DEFAULT_PRECISION, type Band, type BlockSettings, type TieRule } from '../../../shared/domain';
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export function getBlockSettings(ws: Workspace, year: number, blockCode: string): BlockSettings {
  const row = sqlOf(ws).prepare('SELECT bands, precision, ties FROM block_settings WHERE year = ? AND block_code = ?').get(year, blockCode) as
    | { bands: string; precision: number; ties: TieRule }
    | undefined;
  return { year, blockCode, bands: row ? (JSON.parse(row.bands) as Band[]) : [], precision: row?.precision ?? DEFAULT_PRECISION, ties: row?.ties ?? 'shared' };
}

export function writeBlockSettings(ws: Workspace, settings: BlockSettings): void {
  const bands = [...settings.bands].sort((a, b) => b.min - a.min);
  sqlOf(ws)
    .prepare(
      `INSERT INTO block_settings(year, block_code, bands, precision, ties) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(year, block_code) DO UPDATE SET bands = excluded.bands, precision = excluded.precision, ties = excluded.ties`,
    )
    .run(settings.year, settings.blockCode, JSON.stringify(bands), settings.precision, settings.ties ?? 'shared');
}

// -------------------------------------------------------- published tables

export interface PublishedRow {
  unitCode: string;
  index: number;
  rank: number | null;
  total: number | null;
}

/** Replaces the published table of a year and block. */
export function writePublished(ws: Workspace, year: number, blockCode: string, rows: PublishedRow[], meta: { fileName: string; at: string; actor: string }): void {
  const db = sqlOf(ws);
  db.prepare('DELETE FROM published_results WHERE year = ? AND block_code = ?').run(year, blockCode);
  const insert = db.prepare(
    'INSERT INTO published_results(year, block_code, unit_code, idx, rank, total, file_name, imported_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(year, blockCode, r.unitCode, r.index, r.rank, r.total, meta.fileName, meta.at, meta.actor);
}

/** The published tables of a year, by block. */
export function publishedOfYear(ws: Workspace, year: number): Map<string, PublishedRow[]> {
  const map = new Map<string, PublishedRow[]>();
  for (const r of sqlOf(ws)
    .prepare('SELECT block_code, unit_code, idx, rank, total FROM published_results WHERE year = ? ORDER BY block_code, idx DESC, unit_code')
    .all(year) as { block_code: string; unit_code: string; idx: number; rank: number | null; total: number | null }[]) {
    map.set(r.block_code, [...(map.get(r.block_code) ?? []), { unitCode: r.unit_code, index: r.idx, rank: r.rank, total: r.total }]);
  }
  return map;
}

/** For each year, the blocks that have a published table. */
export function blocksWithPublished(ws: Workspace): Map<number, Set<string>> {
  const map = new Map<number, Set<string>>();
  for (const r of sqlOf(ws).prepare('SELECT DISTINCT year, block_code FROM published_results').all() as { year: number; block_code: string }[]) {
    map.set(r.year, (map.get(r.year) ?? new Set()).add(r.block_code));
  }
  return map;
}
