// Ranks by a block's tie rule, and the component (field) ranks and year-over-year changes
// of each unit: a field's index is ranked within the block like the total, and compared with
// the same field of the unit's lineage in the year compared with.
import type { FieldResult, TieRule, UnitResult } from '../domain';
import { roundTo } from '../format';
import { matchKey } from '../text';

export interface RankEntry {
  code: string;
  index: number | null;
  /** points achieved: the second key of the ordinal rule */
  points?: number;
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ranks of the entries that have an index, by `ties`: `shared` = competition ranking on the
 * index rounded to `precision` (1, 2, 2, 4); `ordinal` = by the unrounded index, then the
 * points, then the code (1, 2, 3, 4).
 */
export function rankBy(entries: RankEntry[], precision: number, ties: TieRule = 'shared'): Map<string, number> {
  const withIndex = entries.filter((e): e is RankEntry & { index: number } => e.index !== null);
  const ranks = new Map<string, number>();
  if (ties === 'ordinal') {
    withIndex
      .sort((a, b) => b.index - a.index || (b.points ?? 0) - (a.points ?? 0) || byCode(a.code, b.code))
      .forEach((e, i) => ranks.set(e.code, i + 1));
    return ranks;
  }
  const keyed = withIndex.map((e) => ({ code: e.code, key: roundTo(e.index, precision) })).sort((a, b) => b.key - a.key || byCode(a.code, b.code));
  keyed.forEach((e, i) => {
    const prev = keyed[i - 1];
    ranks.set(e.code, prev && prev.key === e.key ? ranks.get(prev.code)! : i + 1);
  });
  return ranks;
}

/** Sets the rank of every field of the block's units: among the ranked units, by the block's rule. */
export function rankFields(units: Pick<UnitResult, 'code' | 'ranked' | 'fields'>[], precision: number, ties: TieRule): void {
  const codes = new Set(units.flatMap((u) => u.fields.map((f) => f.code)));
  for (const code of codes) {
    const entries: RankEntry[] = [];
    for (const u of units) {
      const f = u.fields.find((x) => x.code === code);
      if (u.ranked && f) entries.push({ code: u.code, index: f.index, points: f.score });
    }
    const ranks = rankBy(entries, precision, ties);
    for (const u of units) {
      const f = u.fields.find((x) => x.code === code);
      if (f) f.rank = ranks.get(u.code) ?? null;
    }
  }
}

/** The same field in an earlier year's result: by code, else by title (frameworks renumbered). */
function sameField(field: FieldResult, earlier: Pick<UnitResult, 'fields'>): FieldResult | undefined {
  return earlier.fields.find((f) => f.code === field.code) ?? earlier.fields.find((f) => matchKey(f.title) === matchKey(field.title));
}

/**
 * Fills each field's previous figures and change from the unit's lineage in the year compared
 * with (one unit: its index and rank; several merged: the mean of their indices, no rank), and
 * the unit's counts of fields up and down (at the display precision; "both" = index and rank).
 */
export function attachFieldChanges(
  unit: Pick<UnitResult, 'fields' | 'fieldsUp' | 'fieldsDown' | 'fieldsUpBoth' | 'fieldsDownBoth'>,
  lineage: Pick<UnitResult, 'fields'>[],
  precision: number,
): void {
  let compared = 0;
  let up = 0;
  let down = 0;
  let upBoth = 0;
  let downBoth = 0;
  for (const field of unit.fields) {
    const found = lineage.map((u) => sameField(field, u)).filter((f): f is FieldResult => f !== undefined && f.index !== null);
    if (found.length === 0 || field.index === null) {
      field.previous = null;
      field.deltaIndex = null;
      field.deltaRank = null;
      continue;
    }
    const previous =
      found.length === 1 ? { index: found[0].index!, rank: found[0].rank } : { index: found.reduce((s, f) => s + f.index!, 0) / found.length, rank: null };
    field.previous = previous;
    field.deltaIndex = field.index - previous.index;
    field.deltaRank = previous.rank !== null && field.rank !== null ? previous.rank - field.rank : null;
    compared++;
    const shown = roundTo(field.deltaIndex, precision);
    if (shown > 0) {
      up++;
      if (field.deltaRank !== null && field.deltaRank > 0) upBoth++;
    } else if (shown < 0) {
      down++;
      if (field.deltaRank !== null && field.deltaRank < 0) downBoth++;
    }
  }
  const any = compared > 0;
  unit.fieldsUp = any ? up : null;
  unit.fieldsDown = any ? down : null;
  unit.fieldsUpBoth = any ? upBoth : null;
  unit.fieldsDownBoth = any ? downBoth : null;
}
