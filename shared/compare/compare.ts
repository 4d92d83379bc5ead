// Figures the comparison views and the printed documents share.
import type { BlockResult, UnitResult, YearResults } from '../domain';

/** Mean component index of every field over the block's ranked units (a plain mean, as the block average). */
export function blockFieldAverages(block: BlockResult): Map<string, number | null> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const unit of block.units) {
    for (const field of unit.fields) {
      const entry = sums.get(field.code) ?? { sum: 0, n: 0 };
      if (unit.ranked && field.index !== null) {
        entry.sum += field.index;
        entry.n++;
      }
      sums.set(field.code, entry);
    }
  }
  return new Map([...sums].map(([code, { sum, n }]) => [code, n > 0 ? sum / n : null]));
}

/** The fields of a block (code and title), in framework order, as its units report them. */
export function blockFields(block: BlockResult): { code: string; title: string; max: number }[] {
  const seen = new Map<string, { code: string; title: string; max: number }>();
  for (const unit of block.units) {
    for (const f of unit.fields) {
      const known = seen.get(f.code);
      if (!known) seen.set(f.code, { code: f.code, title: f.title, max: f.max });
      else known.max = Math.max(known.max, f.max);
    }
  }
  return [...seen.values()];
}

export function findUnit(results: YearResults, unitCode: string): { block: BlockResult; unit: UnitResult } | null {
  for (const block of results.blocks) {
    const unit = block.units.find((u) => u.code === unitCode);
    if (unit) return { block, unit };
  }
  return null;
}

/** Ranked units only: the ones a ranking chart or table places. */
export function rankedUnits(block: BlockResult): UnitResult[] {
  return block.units.filter((u) => u.ranked);
}

/**
 * Component index per field of the unit's lineage in an earlier year, by field code: the
 * unit itself or its one predecessor, or the mean over several predecessors (a merger),
 * following the same lineage rule as the index's year-over-year change.
 */
export function previousFieldIndices(
  unit: { code: string; predecessors: string[] },
  earlier: YearResults,
): Map<string, number> {
  const byCode = new Map<string, UnitResult>();
  for (const b of earlier.blocks) for (const u of b.units) byCode.set(u.code, u);
  const lineage = unit.predecessors.length ? [...unit.predecessors] : [unit.code];
  if (unit.predecessors.length && byCode.has(unit.code) && !lineage.includes(unit.code)) lineage.push(unit.code);
  const found = lineage.map((c) => byCode.get(c)).filter((u): u is UnitResult => u !== undefined && u.index !== null);
  const sums = new Map<string, { sum: number; n: number }>();
  for (const u of found) {
    for (const f of u.fields) {
      if (f.index === null) continue;
      const e = sums.get(f.code) ?? { sum: 0, n: 0 };
      e.sum += f.index;
      e.n++;
      sums.set(f.code, e);
    }
  }
  return new Map([...sums].map(([code, { sum, n }]) => [code, sum / n]));
}
