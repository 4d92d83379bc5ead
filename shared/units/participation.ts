// Who takes part in a year: the one rule, used by every screen, print and command.
//
// A unit of a block takes part in year Y when the block has a framework for Y and the unit
// is in force in Y. Data decide where nothing else does ("data" = scores in a year, or being
// added to it by hand). In order:
//  1. staff added it to Y or took it out by hand: that decides;
//  2. it has data in Y: it takes part;
//  3. Y is outside its years in force (Từ năm, Đến năm): it does not;
//  4. it was not formed yet in Y: it descends from other units and either began after Y (its
//     first data come after Y while none of its predecessors had data as late, so it is not
//     a unit that kept its code and absorbed others), or has no data yet while a unit it
//     descends from has data in Y or later;
//  5. it was merged away by Y: a unit that descends from it has data after its own last data
//     and no later than Y, or takes part in Y while it has no data from Y on;
//  6. otherwise it takes part: in a year without data, the newest generation of each lineage.
// So a year just created lists every current unit, and a year typed in afterwards with its
// data gets the units of its time, not their successors. Where data cannot tell (a unit that
// kept its code, before any of its data), the years in force or a choice by hand settle it.
import type { Unit } from '../domain';

export interface ParticipationInput {
  year: number;
  units: readonly Unit[];
  /** blocks that have a framework in `year` */
  blocksWithFramework: ReadonlySet<string>;
  /** for each unit, the years in which it has data */
  dataYears: ReadonlyMap<string, readonly number[]>;
  /** staff's own choices for `year`: true = added, false = taken out */
  overrides: ReadonlyMap<string, boolean>;
}

/** The codes of the units taking part in `input.year`. */
export function participatingCodes(input: ParticipationInput): Set<string> {
  const { year, units, overrides } = input;
  const byCode = new Map(units.map((u) => [u.code, u]));
  const successors = new Map<string, Unit[]>();
  for (const u of units) for (const p of u.predecessors) successors.set(p, [...(successors.get(p) ?? []), u]);
  /** the years with data of a unit; being added to this year by hand counts as data in it */
  const dataOf = (code: string): readonly number[] => {
    const years = input.dataYears.get(code) ?? [];
    return overrides.get(code) === true && !years.includes(year) ? [...years, year] : years;
  };
  const hasDataIn = (code: string, y: number) => overrides.get(code) !== false && dataOf(code).includes(y);
  const ancestors = (unit: Unit): string[] => {
    const seen = new Set<string>();
    const stack = [...unit.predecessors];
    while (stack.length) {
      const code = stack.pop()!;
      if (seen.has(code) || code === unit.code) continue;
      seen.add(code);
      stack.push(...(byCode.get(code)?.predecessors ?? []));
    }
    return [...seen];
  };

  const notFormedYet = (unit: Unit): boolean => {
    if (unit.predecessors.length === 0 || unit.fromYear != null) return false;
    const own = dataOf(unit.code);
    const before = ancestors(unit);
    if (own.length) {
      const first = Math.min(...own);
      const keptItsCode = before.some((p) => dataOf(p).some((y) => y >= first));
      return !keptItsCode && year < first;
    }
    return before.some((p) => dataOf(p).some((y) => y >= year));
  };

  const memo = new Map<string, boolean>();
  const takesPart = (unit: Unit, path: Set<string>): boolean => {
    const known = memo.get(unit.code);
    if (known !== undefined) return known;
    if (path.has(unit.code)) return false; // a lineage cycle (refused when saved) decides nothing
    path.add(unit.code);
    const result = decide(unit, path);
    path.delete(unit.code);
    memo.set(unit.code, result);
    return result;
  };
  const mergedAway = (unit: Unit, path: Set<string>): boolean => {
    const own = dataOf(unit.code);
    const last = own.length ? Math.max(...own) : -Infinity;
    for (const s of successors.get(unit.code) ?? []) {
      if (!input.blocksWithFramework.has(s.blockCode)) continue;
      if (dataOf(s.code).some((y) => y > last && y <= year)) return true;
      if (!own.some((y) => y >= year) && takesPart(s, path)) return true;
    }
    return false;
  };
  const decide = (unit: Unit, path: Set<string>): boolean => {
    const override = overrides.get(unit.code);
    if (override !== undefined) return override;
    if (hasDataIn(unit.code, year)) return true;
    if ((unit.fromYear != null && year < unit.fromYear) || (unit.toYear != null && year > unit.toYear)) return false;
    if (notFormedYet(unit)) return false;
    return !mergedAway(unit, path);
  };

  const result = new Set<string>();
  for (const u of units) {
    if (!input.blocksWithFramework.has(u.blockCode)) continue;
    if (takesPart(u, new Set())) result.add(u.code);
  }
  return result;
}
