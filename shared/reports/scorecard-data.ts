// The figures printed on a unit's scorecard, gathered from results, framework and scores as
// plain serialisable data: the app can send it through IPC, the printer can lay it out.
import type { BlockResult, Framework, Score, Unit, UnitResult, YearResults } from '../domain';
import {
  appraisalNotes,
  blockFieldAverages,
  largestLosses,
  previousFieldIndices,
  selfAboveAppraised,
  unitLeafLosses,
  type LeafLoss,
} from '../analysis';

export const SCORECARD_TOP_LOSSES = 5;

export interface ScorecardField {
  code: string;
  title: string;
  score: number;
  max: number;
  index: number | null;
  blockAverage: number | null;
  /** index − the lineage's component index last year, in percentage points */
  deltaIndex: number | null;
}

export interface ScorecardData {
  /** "Tỉnh Mẫu"; null when the workspace does not name its province */
  province: string | null;
  /** the issuing body, "Sở Nội vụ" */
  issuer: string;
  year: number;
  periodName: string;
  /** the demo workspace: every page says "Dữ liệu mẫu" */
  sample: boolean;
  block: { code: string; name: string; average: number | null; rankedUnits: number };
  unit: UnitResult;
  fields: ScorecardField[];
  /** the sub-criteria where the unit lost most points */
  largestLosses: LeafLoss[];
  /** sub-criteria whose self score exceeded the appraised score */
  selfAbove: { count: number; points: number };
  /** sub-criteria with an appraisal note, in framework order */
  notes: LeafLoss[];
  /** dd/mm/yyyy */
  issuedOn: string;
}

export interface ScorecardSource {
  results: YearResults;
  /** results of the year the units compare with (for the change per field), if any */
  previousResults: YearResults | null;
  frameworks: Framework[];
  scores: Score[];
  units: Unit[];
  periodName: string;
  province: string | null;
  issuer?: string;
  sample: boolean;
  issuedOn: string;
}

/** The scorecards of the chosen units (all units of the results when `unitCodes` is omitted), in ranking order per block. */
export function scorecardData(source: ScorecardSource, unitCodes?: string[]): ScorecardData[] {
  const wanted = unitCodes ? new Set(unitCodes) : null;
  const unitsByCode = new Map(source.units.map((u) => [u.code, u]));
  const cards: ScorecardData[] = [];
  for (const block of source.results.blocks) {
    const framework = source.frameworks.find((f) => f.blockCode === block.code);
    if (!framework) continue;
    const averages = blockFieldAverages(block);
    const scores = source.scores.filter((s) => block.units.some((u) => u.code === s.unitCode));
    for (const unit of block.units) {
      if (wanted && !wanted.has(unit.code)) continue;
      cards.push(unitCard(source, block, unit, framework, scores, averages, unitsByCode.get(unit.code)));
    }
  }
  return cards;
}

function unitCard(
  source: ScorecardSource,
  block: BlockResult,
  unit: UnitResult,
  framework: Framework,
  scores: Score[],
  averages: Map<string, number | null>,
  lineage: Unit | undefined,
): ScorecardData {
  const losses = unitLeafLosses(framework, scores, unit.code);
  const previous =
    source.previousResults && lineage && unit.previous?.year === source.previousResults.year
      ? previousFieldIndices(lineage, source.previousResults)
      : new Map<string, number>();
  const above = selfAboveAppraised(losses);
  return {
    province: source.province,
    issuer: source.issuer ?? 'Sở Nội vụ',
    year: source.results.year,
    periodName: source.periodName,
    sample: source.sample,
    block: {
      code: block.code,
      name: block.name,
      average: block.average,
      rankedUnits: block.units.filter((u) => u.ranked && u.rank !== null).length,
    },
    unit,
    fields: unit.fields.map((f) => {
      const before = previous.get(f.code);
      return {
        code: f.code,
        title: f.title,
        score: f.score,
        max: f.max,
        index: f.index,
        blockAverage: averages.get(f.code) ?? null,
        deltaIndex: before !== undefined && f.index !== null ? f.index - before : null,
      };
    }),
    largestLosses: largestLosses(losses, SCORECARD_TOP_LOSSES),
    selfAbove: { count: above.length, points: above.reduce((s, l) => s + l.selfAboveAppraised!, 0) },
    notes: appraisalNotes(losses),
    issuedOn: source.issuedOn,
  };
}
