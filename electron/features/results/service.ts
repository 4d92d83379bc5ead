// Results of a year: totals, indices, ranks, bands and the change since the year compared
// with, computed by the shared engine from the stores' rows. A year's own figures are kept
// between calls until something they depend on changes (the workspace's change stamps).
import type { BlockSettings, YearResults } from '../../../shared/domain';
import { attachYearOverYear, comparisonYears, computeYear } from '../../../shared/results/engine';
import type { YearScoringInput } from '../../../shared/results/types';
import { getPublication } from '../cycle/store';
import type { Workspace } from '../../db/workspace';
import { blocksWithScores, scoringScores } from '../appraisal/store';
import { getFramework, listFrameworks } from '../framework/store';
import { participantCodes } from '../participation/service';
import { listUnits } from '../units/store';
import { listBlocks } from '../workspace/store';
import { requireBlock, requirePeriod } from '../workspace/service';
import { publishedBlocks } from './published';
import { blocksWithPublished, getBlockSettings, writeBlockSettings } from './store';

/** The rows the scoring engine needs for one year, with the units taking part in it. */
export function scoringInput(ws: Workspace, year: number): YearScoringInput {
  const frameworks = listFrameworks(ws, year).map((f) => getFramework(ws, year, f.blockCode)!);
  const units = listUnits(ws);
  return {
    year,
    blocks: listBlocks(ws),
    units,
    frameworks,
    scores: scoringScores(ws, year),
    settings: frameworks.map((f) => getBlockSettings(ws, year, f.blockCode)),
    participants: [...participantCodes(ws, year, units)],
  };
}

const cache = new WeakMap<Workspace, Map<number, { stamp: string; results: YearResults }>>();

/** One year's figures without the comparison with earlier years, computed once per change. */
function yearFigures(ws: Workspace, year: number): YearResults {
  let years = cache.get(ws);
  if (!years) cache.set(ws, (years = new Map()));
  const stamp = ws.stamp(year);
  const kept = years.get(year);
  if (kept?.stamp === stamp) return kept.results;
  const results = withPublished(ws, computeYear(scoringInput(ws, year)));
  years.set(year, { stamp, results });
  return results;
}

/**
 * A year's computed figures, where a block has no scores that year but a published table
 * (last year's ranking typed in from the decision), with the published figures for that block.
 */
function withPublished(ws: Workspace, computed: YearResults): YearResults {
  const scored = new Set(computed.blocks.filter((b) => b.units.some((u) => u.scored)).map((b) => b.code));
  const names = new Map(listBlocks(ws).map((b) => [b.code, b.name]));
  const published = publishedBlocks(ws, computed.year, scored, names);
  if (published.length === 0) return computed;
  const replaced = new Set(published.map((b) => b.code));
  const order = new Map(listBlocks(ws).map((b, i) => [b.code, i]));
  return {
    ...computed,
    blocks: [...computed.blocks.filter((b) => !replaced.has(b.code)), ...published].sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0)),
  };
}

/** The figures of the years `year` is compared with: per block, the latest earlier year with results, scored or published. */
export function comparisonHistory(ws: Workspace, year: number): YearResults[] {
  const withResults = blocksWithScores(ws);
  for (const [y, blocks] of blocksWithPublished(ws)) withResults.set(y, new Set([...(withResults.get(y) ?? []), ...blocks]));
  return comparisonYears(withResults, year).map((y) => yearFigures(ws, y));
}

/**
 * Totals, indices, ranks, bands and year-over-year change of `year`. Only the years it is
 * compared with are read besides it.
 */
export function yearResults(ws: Workspace, year: number): YearResults {
  requirePeriod(ws, year);
  const results = attachYearOverYear(structuredClone(yearFigures(ws, year)), comparisonHistory(ws, year), listUnits(ws));
  // published results are final: nothing in them is provisional any more
  if (getPublication(ws, year)) for (const b of results.blocks) for (const u of b.units) u.provisional = false;
  return results;
}

export function saveBlockSettings(ws: Workspace, settings: BlockSettings): void {
  ws.changedYear(settings.year);
  ws.transaction(() => {
    requirePeriod(ws, settings.year);
    requireBlock(ws, settings.blockCode);
    writeBlockSettings(ws, settings);
  });
}
