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

function figure(list: (SurveyIndices | undefined)[], pick: (x: SurveyIndices) => number | null): number | null {
  return mean(list.map((x) => (x ? pick(x) : null)).filter((v): v is number => v !== null));
}

/** Change of `current` against the earlier year's unit indices, or null when no ancestor was surveyed. */
export function surveyChange(
  current: SurveyIndices,
  unit: Pick<Unit, 'code' | 'predecessors'>,
  previousYear: number,
  previousUnits: Map<string, UnitSurveyIndices>,
): SurveyChange | null {
  const ancestors = lineageOf(unit).map((c) => previousUnits.get(c)).filter((u) => u !== undefined);
  if (ancestors.length === 0) return null;
  const previousIndex = figure(ancestors, (x) => x.index);
  return {
    previousYear,
    previousIndex,
    deltaIndex: previousIndex !== null && current.index !== null ? current.index - previousIndex : null,
    factors: current.factors.map((f) => {
      const prev = figure(ancestors, (x) => x.factors.find((g) => g.code === f.code)?.index ?? null);
      return { code: f.code, previousIndex: prev, deltaIndex: prev !== null && f.index !== null ? f.index - prev : null };
    }),
  };
}
