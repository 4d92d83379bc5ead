// Year-over-year change of satisfaction, following unit lineage: a unit compares with
// itself (same code) or with the units it was formed from (mean of their indices).
import type { Unit } from '../domain';
import type { SurveyIndices, UnitSurveyIndices } from './indices';

export interface SurveyChange {
  previousYear: number;
  previousIndex: number | null;
  /** index − previous index, in percentage points; null when either is missing */
  deltaIndex: number | null;
  /** per factor code present both years */
  factors: { code: string; previousIndex: number | null; deltaIndex: number | null }[];
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/** The units of the earlier year that a unit descends from (itself when it has no predecessors). */
export function lineageOf(unit: Pick<Unit, 'code' | 'predecessors'>): string[] {
  return unit.predecessors.length ? [...new Set([...unit.predecessors, unit.code])] : [unit.code];
}

function figure(list: SurveyIndices[], pick: (x: SurveyIndices) => number | null): number | null {
  return mean(list.map(pick).filter((v): v is number => v !== null));
}

/** Change of `current` against earlier figures (several = their mean), or null when there are none. */
export function indicesChange(current: SurveyIndices, previousYear: number, earlier: SurveyIndices[]): SurveyChange | null {
  if (earlier.length === 0) return null;
  const previousIndex = figure(earlier, (x) => x.index);
  return {
    previousYear,
    previousIndex,
    deltaIndex: previousIndex !== null && current.index !== null ? current.index - previousIndex : null,
    factors: current.factors.map((f) => {
      const prev = figure(earlier, (x) => x.factors.find((g) => g.code === f.code)?.index ?? null);
      return { code: f.code, previousIndex: prev, deltaIndex: prev !== null && f.index !== null ? f.index - prev : null };
    }),
  };
}

/** Change of a unit against the earlier year's indices of itself or the units it came from. */
export function surveyChange(
  current: SurveyIndices,
  unit: Pick<Unit, 'code' | 'predecessors'>,
  previousYear: number,
  previousUnits: Map<string, UnitSurveyIndices>,
): SurveyChange | null {
  const ancestors = lineageOf(unit)
    .map((c) => previousUnits.get(c))
    .filter((u): u is UnitSurveyIndices => u !== undefined);
  return indicesChange(current, previousYear, ancestors);
}
