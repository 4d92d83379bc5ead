// Satisfaction indices of a year from the stored forms, per unit and for the province, with
// the change against the latest earlier surveyed year through unit lineage.
import {
  computeSurveyIndices,
  indicesChange,
  lineageOf,
  rankSurveyUnits,
  surveyChange,
  surveyStandings,
  type BlockRuleOf,
  type SurveyDefinition,
  type SurveyForm,
  type SurveyIndices,
  type SurveyYearIndices,
  type SurveyYearResults,
} from '../../../shared/survey';
import type { Workspace } from '../../db/workspace';
import { SurveyStore } from './store';
import { getSurveyDefinition, getSurveySettings } from './definitions';
import { listUnits } from '../units/store';
import { getBlockSettings } from '../results/store';
import type { Unit } from '../../../shared/domain';
import { requirePeriod } from '../workspace/service';

/** The stored forms of a year, with answers realigned from each file's columns to the year's items. */
export function* surveyForms(ws: Workspace, year: number, def: SurveyDefinition): Generator<SurveyForm> {
  const position = new Map(def.items.map((item, i) => [item.code, i]));
  const layouts = new Map<number, { targets: (number | undefined)[]; asked: number }>();
  for (const { importId, itemCodes, form } of new SurveyStore(ws).formsOfYear(year)) {
    let layout = layouts.get(importId);
    if (!layout) {
      const targets = itemCodes.map((c) => position.get(c));
      layout = { targets, asked: targets.filter((t) => t !== undefined).length };
      layouts.set(importId, layout);
    }
    const answers: (number | null)[] = new Array(def.items.length).fill(null);
    layout.targets.forEach((t, i) => {
      if (t !== undefined) answers[t] = form.answers[i] ?? null;
    });
    yield { unitCode: form.unitCode, answers, asked: layout.asked };
  }
}

function indicesOfYear(ws: Workspace, year: number): SurveyYearIndices & { def: SurveyDefinition } {
  const def = getSurveyDefinition(ws, year);
  const order = listUnits(ws).map((u) => u.code);
  return { ...computeSurveyIndices(def, getSurveySettings(ws, year), surveyForms(ws, year, def), order), def };
}

/** The precision and tie rule of each block in `year`, as its PAR results use them. */
function blockRules(ws: Workspace, year: number): BlockRuleOf {
  const kept = new Map<string, ReturnType<BlockRuleOf>>();
  return (blockCode) => {
    let rule = kept.get(blockCode);
    if (!rule) {
      const s = getBlockSettings(ws, year, blockCode);
      kept.set(blockCode, (rule = { precision: s.precision, ties: s.ties ?? 'shared' }));
    }
    return rule;
  };
}

/** Ranks of a year's units within their blocks (units no longer in the workspace are left out). */
function rankedYear(ws: Workspace, indices: SurveyYearIndices, units: Map<string, Unit>) {
  return rankSurveyUnits(
    indices.units.flatMap(({ unitCode, ...rest }) => {
      const unit = units.get(unitCode);
      return unit ? [{ code: unitCode, blockCode: unit.blockCode, ranked: unit.ranked, indices: rest }] : [];
    }),
    blockRules(ws, indices.year),
  );
}

/** Indices of `year` with year-over-year change. */
export function surveyResults(ws: Workspace, year: number): SurveyYearResults {
  requirePeriod(ws, year);
  const current = indicesOfYear(ws, year);
  const previousYear = new SurveyStore(ws).yearsWithForms().filter((y) => y < year).pop() ?? null;
  const previous = previousYear === null ? null : indicesOfYear(ws, previousYear);
  const previousUnits = new Map(previous?.units.map((u) => [u.unitCode, u]) ?? []);
  const units = new Map(listUnits(ws).map((u) => [u.code, u]));
  const standings = surveyStandings(
    rankedYear(ws, current, units),
    previous ? rankedYear(ws, previous, units) : null,
    (code) => (units.has(code) ? lineageOf(units.get(code)!) : [code]),
    blockRules(ws, year),
  );
  return {
    year,
    model: current.def.model,
    province: current.province,
    provinceChange: previous ? indicesChange(current.province, previous.year, [previous.province]) : null,
    previousYear,
    units: current.units.map(({ unitCode, ...indices }) => {
      const unit = units.get(unitCode)!;
      return {
        code: unitCode,
        name: unit.name,
        blockCode: unit.blockCode,
        ...indices,
        change: previous ? surveyChange(indices, unit, previous.year, previousUnits) : null,
        standing: standings.get(unitCode) ?? null,
      };
    }),
  };
}

type Standing = NonNullable<SurveyYearResults['units'][number]['standing']>;
type ComponentStandingOf = Standing['factors'][number];

/** A component's rank and change, as `results --json` gives them for fields. */
function standingJson(s: ComponentStandingOf | undefined) {
  return { rank: s?.rank ?? null, previous: s?.previous ?? null, deltaIndex: s?.deltaIndex ?? null, deltaRank: s?.deltaRank ?? null };
}

function factorJson(f: SurveyIndices['factors'][number]) {
  return {
    code: f.code,
    area: f.areaCode,
    name: f.name,
    index: f.index,
    n: f.n,
    items: f.items.map((i) => ({ code: i.code, index: i.index, n: i.n })),
  };
}

/** The `survey results --json` shape: unrounded; `n` = valid answers, `forms` = valid forms. */
export function surveyResultsJson(results: SurveyYearResults) {
  return {
    year: results.year,
    province: {
      index: results.province.index,
      forms: results.province.forms,
      factors: results.province.factors.map(factorJson),
    },
    units: results.units.map((u) => ({
      code: u.code,
      name: u.name,
      forms: u.forms,
      index: u.index,
      areas: u.areas.map((a) => ({ code: a.code, index: a.index, n: a.n, ...standingJson(u.standing?.areas.find((x) => x.code === a.code)) })),
      factors: u.factors.map((f) => ({ ...factorJson(f), ...standingJson(u.standing?.factors.find((x) => x.code === f.code)) })),
      deltaIndex: u.change?.deltaIndex ?? null,
      rank: u.standing?.overall.rank ?? null,
      rankOf: u.standing?.of ?? null,
      previous: u.standing?.overall.previous ?? null,
      deltaRank: u.standing?.overall.deltaRank ?? null,
      factorsUp: u.standing?.factorsUp ?? null,
      factorsDown: u.standing?.factorsDown ?? null,
      factorsUpBoth: u.standing?.factorsUpBoth ?? null,
      factorsDownBoth: u.standing?.factorsDownBoth ?? null,
    })),
  };
}
