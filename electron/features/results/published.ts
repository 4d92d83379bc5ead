// Last year's results as the province published them, for a workspace that starts without
// last year's scores (most new users have only the published ranking): a table of units with
// their index, and optionally rank and total points, kept per year and block (read from a
// file by ./published-import.ts). Year-over-year change is computed against it where that
// year has no scores of its own.
import type { BlockResult, UnitResult } from '../../../shared/domain';
import { rankBy } from '../../../shared/results/components';
import type { Workspace } from '../../db/workspace';
import { listUnits } from '../units/store';
import { getBlockSettings, publishedOfYear } from './store';

/**
 * The blocks of a year as published, for the blocks that have no scores of their own that
 * year: results with the published index, rank and total (the maximum unknown, taken as 100).
 */
export function publishedBlocks(ws: Workspace, year: number, scoredBlocks: ReadonlySet<string>, blockNames: Map<string, string>): BlockResult[] {
  const units = new Map(listUnits(ws).map((u) => [u.code, u]));
  const blocks: BlockResult[] = [];
  for (const [blockCode, rows] of publishedOfYear(ws, year)) {
    if (scoredBlocks.has(blockCode)) continue;
    const results: UnitResult[] = rows.map((r) => ({
      code: r.unitCode,
      name: units.get(r.unitCode)?.name ?? r.unitCode,
      blockCode,
      ranked: r.rank !== null || (units.get(r.unitCode)?.ranked ?? true),
      total: r.total ?? r.index,
      max: r.total === null ? 100 : (r.total * 100) / (r.index || 100),
      index: r.index,
      rank: r.rank,
      band: null,
      provisional: false,
      submitted: true,
      scored: true,
      fields: [],
      previous: null,
      deltaIndex: null,
      deltaRank: null,
      fieldsUp: null,
      fieldsDown: null,
      fieldsUpBoth: null,
      fieldsDownBoth: null,
    }));
    // a table without ranks is ranked as the block ranks that year (by default equal at two decimals sharing a rank)
    if (results.every((r) => r.rank === null)) {
      const { precision, ties } = getBlockSettings(ws, year, blockCode);
      const ranks = rankBy(results.filter((r) => r.ranked).map((r) => ({ code: r.code, index: r.index, points: r.total })), precision, ties);
      for (const r of results) r.rank = ranks.get(r.code) ?? null;
    }
    const ranked = results.filter((r) => r.index !== null);
    blocks.push({
      code: blockCode,
      name: blockNames.get(blockCode) ?? blockCode,
      average: ranked.length ? ranked.reduce((s, r) => s + (r.index ?? 0), 0) / ranked.length : null,
      units: results,
    });
  }
  return blocks;
}
