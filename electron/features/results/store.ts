// SQL of the settings that turn points into results, per year and block: classification
// bands and the displayed precision (which also decides ties).
import { DEFAULT_PRECISION, type Band, type BlockSettings } from '../../../shared/domain';
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export function getBlockSettings(ws: Workspace, year: number, blockCode: string): BlockSettings {
  const row = sqlOf(ws).prepare('SELECT bands, precision FROM block_settings WHERE year = ? AND block_code = ?').get(year, blockCode) as
    | { bands: string; precision: number }
    | undefined;
  return { year, blockCode, bands: row ? (JSON.parse(row.bands) as Band[]) : [], precision: row?.precision ?? DEFAULT_PRECISION };
}

export function writeBlockSettings(ws: Workspace, settings: BlockSettings): void {
  const bands = [...settings.bands].sort((a, b) => b.min - a.min);
  sqlOf(ws)
    .prepare(
      `INSERT INTO block_settings(year, block_code, bands, precision) VALUES (?, ?, ?, ?)
       ON CONFLICT(year, block_code) DO UPDATE SET bands = excluded.bands, precision = excluded.precision`,
    )
    .run(settings.year, settings.blockCode, JSON.stringify(bands), settings.precision);
}
