// Ranks of the satisfaction indices of each unit within its block (overall, each area, each
// factor), by the block's tie rule, and their change against the earlier surveyed year
// through unit lineage: the same ranking and the same comparison as the PAR fields get.
import type { FieldResult, TieRule, UnitResult } from '../domain';
import { attachFieldChanges, rankFields } from '../results/components';
import type { SurveyIndices } from './indices';

/** One component's place: its rank in the block and the change since the earlier year. */
export interface ComponentStanding {
  code: string;
  index: number | null;
  rank: number | null;
  /** the unit itself or its one predecessor: index and rank; several merged: their mean index, no rank */
  previous: { index: number; rank: number | null } | null;
  /** index − previous index, in percentage points */
  deltaIndex: number | null;
  /** previous rank − rank: positive = moved up */
  deltaRank: number | null;
}

export interface SurveyStanding {
  /** ranked units of the block with an overall index: the N of "3/12" */
  of: number;
  overall: ComponentStanding;
  areas: ComponentStanding[];
  factors: ComponentStanding[];
  /** factors whose index rose / fell at the display precision; null without earlier figures */
  factorsUp: number | null;
  factorsDown: number | null;
  /** factors that rose / fell in both index and rank */
  factorsUpBoth: number | null;
  factorsDownBoth: number | null;
}

export interface SurveyRankInput {
  code: string;
  blockCode: string;
  /** false = the unit takes no place in its block's ranking */
  ranked: boolean;
  indices: SurveyIndices;
}

/** The display precision and tie rule of a block in the year ranked. */
export type BlockRuleOf = (blockCode: string) => { precision: number; ties: TieRule };

type Part = Pick<UnitResult, 'code' | 'ranked' | 'fields' | 'fieldsUp' | 'fieldsDown' | 'fieldsUpBoth' | 'fieldsDownBoth'>;

/** The ranked components of one unit, in the shape the PAR field ranking works on. */
export interface RankedSurveyUnit {
  blockCode: string;
  overall: Part;
  areas: Part;
  factors: Part;
}

const OVERALL = 'SIPAS';
const PARTS = ['overall', 'areas', 'factors'] as const;

function component(code: string, title: string, index: number | null): FieldResult {
  return { code, title, score: index ?? 0, max: 100, index, rank: null, previous: null, deltaIndex: null, deltaRank: null };
}

function part(code: string, ranked: boolean, fields: FieldResult[]): Part {
  return { code, ranked, fields, fieldsUp: null, fieldsDown: null, fieldsUpBoth: null, fieldsDownBoth: null };
}

/** Ranks every unit's overall, area and factor indices within its block, by the block's rule. */
export function rankSurveyUnits(units: SurveyRankInput[], ruleOf: BlockRuleOf): Map<string, RankedSurveyUnit> {
  const ranked = new Map<string, RankedSurveyUnit>();
  for (const u of units) {
    ranked.set(u.code, {
      blockCode: u.blockCode,
      overall: part(u.code, u.ranked, [component(OVERALL, OVERALL, u.indices.index)]),
      areas: part(u.code, u.ranked, u.indices.areas.map((a) => component(a.code, a.name, a.index))),
      factors: part(u.code, u.ranked, u.indices.factors.map((f) => component(f.code, f.name, f.index))),
    });
  }
  const blocks = new Map<string, RankedSurveyUnit[]>();
  for (const r of ranked.values()) blocks.set(r.blockCode, [...(blocks.get(r.blockCode) ?? []), r]);
  for (const [blockCode, list] of blocks) {
    const { precision, ties } = ruleOf(blockCode);
    for (const key of PARTS) rankFields(list.map((r) => r[key]), precision, ties);
  }
  return ranked;
}

function standingOf(f: FieldResult): ComponentStanding {
  return { code: f.code, index: f.index, rank: f.rank, previous: f.previous, deltaIndex: f.deltaIndex, deltaRank: f.deltaRank };
}

/**
 * The standing of every unit of `current`: ranks, and changes against the units of `previous`
 * it descends from (`lineage` names them: itself, or the units it was formed from).
 */
export function surveyStandings(
  current: Map<string, RankedSurveyUnit>,
  previous: Map<string, RankedSurveyUnit> | null,
  lineage: (code: string) => string[],
  ruleOf: BlockRuleOf,
): Map<string, SurveyStanding> {
  const rankedInBlock = new Map<string, number>();
  for (const r of current.values()) {
    if (r.overall.ranked && r.overall.fields[0].index !== null) rankedInBlock.set(r.blockCode, (rankedInBlock.get(r.blockCode) ?? 0) + 1);
  }
  const standings = new Map<string, SurveyStanding>();
  for (const [code, r] of current) {
    const ancestors = previous ? lineage(code).flatMap((c) => previous.get(c) ?? []) : [];
    const { precision } = ruleOf(r.blockCode);
    for (const key of PARTS) attachFieldChanges(r[key], ancestors.map((a) => a[key]), precision);
    standings.set(code, {
      of: rankedInBlock.get(r.blockCode) ?? 0,
      overall: standingOf(r.overall.fields[0]),
      areas: r.areas.fields.map(standingOf),
      factors: r.factors.fields.map(standingOf),
      factorsUp: r.factors.fieldsUp,
      factorsDown: r.factors.fieldsDown,
      factorsUpBoth: r.factors.fieldsUpBoth,
      factorsDownBoth: r.factors.fieldsDownBoth,
    });
  }
  return standings;
}
