// The figures printed on a unit's scorecard, gathered from results, framework and scores as
// plain serialisable data: the app can send it through IPC, the printer can lay it out.
import type { PublicationStamp } from '../cycle/publication';
import type { BlockResult, Framework, Score, Unit, UnitResult, YearResults } from '../domain';
import {
  appraisalNotes,
  blockFieldAverages,
  largestLosses,
  previousFieldIndices,
  selfAboveAppraised,
  unitLeafLosses,
  type LeafLoss,
} from '../compare';
import type { SurveyYearResults } from '../survey';

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
  /** the field's rank in the block, and places moved since last year (positive = up) */
  rank: number | null;
  deltaRank: number | null;
}

/** One area or factor of the unit's satisfaction, beside the province's figure. */
export interface ScorecardSatisfactionRow {
  kind: 'area' | 'factor';
  code: string;
  name: string;
  index: number | null;
  /** valid answers */
  n: number;
  provinceIndex: number | null;
  /** index − the lineage's index last year, in percentage points; null when not compared */
  deltaIndex: number | null;
}

/** The unit's SIPAS satisfaction of the year (only for a unit with valid forms that year). */
export interface ScorecardSatisfaction {
  index: number | null;
  /** valid forms */
  forms: number;
  provinceIndex: number | null;
  provinceForms: number;
  /** the earlier surveyed year the unit (or the units it came from) compares with, if any */
  previousYear: number | null;
  deltaIndex: number | null;
  /** each area (when the year has more than one) followed by its factors */
  rows: ScorecardSatisfactionRow[];
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
  /** evidence-required sub-criteria with claimed points and no document ("Thiếu tài liệu kiểm chứng"), and those points */
  missingEvidence: { count: number; points: number };
  /** sub-criteria with an appraisal note, in framework order */
  notes: LeafLoss[];
  /** satisfaction (SIPAS) of the year; null when the unit has no valid survey forms that year */
  satisfaction: ScorecardSatisfaction | null;
  /** dd/mm/yyyy */
  issuedOn: string;
  /** the place before the date and who signs (from the workspace's settings) */
  signer: ScorecardSigner;
  /** the year is published by decision: the results are final */
  published: boolean;
  /** the decision that published the year (number and date); null before */
  decision: PublicationStamp | null;
}

export interface ScorecardSigner {
  /** "Lạng Sơn" in "Lạng Sơn, ngày …"; taken from the province when not set */
  place: string | null;
  /** "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" */
  title: string | null;
  name: string | null;
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
  signer?: ScorecardSigner;
  published?: boolean;
  decision?: PublicationStamp | null;
  /** satisfaction indices of the year, when the workspace has survey forms */
  survey?: SurveyYearResults | null;
  /** the year's leaves flagged "Thiếu tài liệu kiểm chứng", with the points claimed on each */
  missingEvidence?: { unit: string; score: number }[];
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
  const missing = (source.missingEvidence ?? []).filter((m) => m.unit === unit.code);
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
        rank: f.rank,
        deltaRank: f.deltaRank,
      };
    }),
    largestLosses: largestLosses(losses, SCORECARD_TOP_LOSSES),
    selfAbove: { count: above.length, points: above.reduce((s, l) => s + l.selfAboveAppraised!, 0) },
    missingEvidence: { count: missing.length, points: missing.reduce((s, m) => s + m.score, 0) },
    notes: appraisalNotes(losses),
    satisfaction: source.survey ? scorecardSatisfaction(source.survey, unit.code) : null,
    issuedOn: source.issuedOn,
    signer: source.signer ?? { place: null, title: null, name: null },
    published: source.published ?? false,
    decision: source.decision ?? null,
  };
}

/** A unit's satisfaction figures beside the province's, or null when it has no valid forms in the year. */
export function scorecardSatisfaction(survey: SurveyYearResults, unitCode: string): ScorecardSatisfaction | null {
  const unit = survey.units.find((u) => u.code === unitCode);
  if (!unit || unit.forms === 0) return null;
  const province = survey.province;
  const change = unit.change;
  const rows: ScorecardSatisfactionRow[] = [];
  const factorRow = (f: (typeof unit.factors)[number]): ScorecardSatisfactionRow => ({
    kind: 'factor',
    code: f.code,
    name: f.name,
    index: f.index,
    n: f.n,
    provinceIndex: province.factors.find((p) => p.code === f.code)?.index ?? null,
    deltaIndex: change?.factors.find((c) => c.code === f.code)?.deltaIndex ?? null,
  });
  if (unit.areas.length > 1) {
    for (const a of unit.areas) {
      rows.push({
        kind: 'area',
        code: a.code,
        name: a.name,
        index: a.index,
        n: a.n,
        provinceIndex: province.areas.find((p) => p.code === a.code)?.index ?? null,
        // the change is kept for the overall index and the factors only
        deltaIndex: null,
      });
      rows.push(...unit.factors.filter((f) => f.areaCode === a.code).map(factorRow));
    }
  } else {
    rows.push(...unit.factors.map(factorRow));
  }
  return {
    index: unit.index,
    forms: unit.forms,
    provinceIndex: province.index,
    provinceForms: province.forms,
    previousYear: change?.previousYear ?? null,
    deltaIndex: change?.deltaIndex ?? null,
    rows,
  };
}
