// Satisfaction indices from answers: item = share of valid answers that count as satisfied
// (in %), factor = mean of its items (or pooled answers), area = mean of its factors,
// overall = mean of the areas. Unrounded; every figure carries its n.
import type { SurveyDefinition, SurveySettings } from './model';

/** One questionnaire as read from a file. */
export interface SurveyForm {
  unitCode: string;
  /** answer codes aligned with the definition's items; null = blank or not asked */
  answers: (number | null)[];
  /** how many of the definition's items the form's file asked */
  asked: number;
}

/** Counts per item for one unit (or the province). */
export interface SurveyTally {
  validForms: number;
  invalidForms: number;
  /** per item of the definition: valid answers */
  answered: Int32Array;
  /** per item: answers that count as satisfied */
  satisfied: Int32Array;
}

export interface ItemIndex {
  code: string;
  title: string;
  index: number | null;
  /** valid answers */
  n: number;
  satisfied: number;
}

export interface FactorIndex {
  code: string;
  areaCode: string;
  name: string;
  index: number | null;
  n: number;
  items: ItemIndex[];
}

export interface AreaIndex {
  code: string;
  name: string;
  index: number | null;
  n: number;
}

export interface SurveyIndices {
  /** valid forms */
  forms: number;
  invalidForms: number;
  index: number | null;
  n: number;
  areas: AreaIndex[];
  factors: FactorIndex[];
}

/** How one answer code counts under the settings. */
export type AnswerClass = 'blank' | 'satisfied' | 'answered';

export function answerClassifier(settings: SurveySettings): (code: number | null) => AnswerClass {
  const noAnswer = new Set(settings.noAnswerCodes);
  const satisfied = new Set(settings.satisfiedCodes);
  return (code) => {
    if (code === null || noAnswer.has(code)) return 'blank';
    return satisfied.has(code) ? 'satisfied' : 'answered';
  };
}

/** A form is valid when it answers at least `minAnsweredShare` of the items it asks. */
export function isValidForm(answeredCount: number, asked: number, settings: SurveySettings): boolean {
  return asked > 0 && answeredCount > 0 && answeredCount >= settings.minAnsweredShare * asked - 1e-9;
}

export function emptyTally(itemCount: number): SurveyTally {
  return { validForms: 0, invalidForms: 0, answered: new Int32Array(itemCount), satisfied: new Int32Array(itemCount) };
}

/** Counts the forms of each unit and of the whole province; invalid forms are dropped whole. */
export function tallyForms(
  def: SurveyDefinition,
  settings: SurveySettings,
  forms: Iterable<SurveyForm>,
): { units: Map<string, SurveyTally>; province: SurveyTally } {
  const itemCount = def.items.length;
  const classify = answerClassifier(settings);
  const units = new Map<string, SurveyTally>();
  const province = emptyTally(itemCount);
  const classes: AnswerClass[] = new Array(itemCount);
  for (const form of forms) {
    let tally = units.get(form.unitCode);
    if (!tally) units.set(form.unitCode, (tally = emptyTally(itemCount)));
    let answeredCount = 0;
    for (let i = 0; i < itemCount; i++) {
      const c = classify(form.answers[i] ?? null);
      classes[i] = c;
      if (c !== 'blank') answeredCount++;
    }
    if (!isValidForm(answeredCount, form.asked, settings)) {
      tally.invalidForms++;
      province.invalidForms++;
      continue;
    }
    tally.validForms++;
    province.validForms++;
    for (let i = 0; i < itemCount; i++) {
      const c = classes[i];
      if (c === 'blank') continue;
      tally.answered[i]++;
      province.answered[i]++;
      if (c === 'satisfied') {
        tally.satisfied[i]++;
        province.satisfied[i]++;
      }
    }
  }
  return { units, province };
}

/** Weighted mean of the figures that exist; null when none does (or all weights are 0). */
function weightedMean(parts: { value: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.value === null) continue;
    sum += p.value * p.weight;
    weights += p.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** Item, factor, area and overall indices from a tally. */
export function indicesFromTally(def: SurveyDefinition, settings: SurveySettings, tally: SurveyTally): SurveyIndices {
  const weight = (code: string) => settings.weights[code] ?? 1;
  const items: ItemIndex[] = def.items.map((item, i) => {
    const n = tally.answered[i];
    const satisfied = tally.satisfied[i];
    return { code: item.code, title: item.title, index: n > 0 ? (satisfied / n) * 100 : null, n, satisfied };
  });
  const factors: FactorIndex[] = def.factors.map((f) => {
    const own = items.filter((_, i) => def.items[i].factorCode === f.code);
    const n = own.reduce((s, x) => s + x.n, 0);
    let index: number | null;
    if (settings.factorMode === 'pooled') {
      let sat = 0;
      let all = 0;
      for (const x of own) {
        sat += x.satisfied * weight(x.code);
        all += x.n * weight(x.code);
      }
      index = all > 0 ? (sat / all) * 100 : null;
    } else {
      index = weightedMean(own.map((x) => ({ value: x.index, weight: weight(x.code) })));
    }
    return { code: f.code, areaCode: f.areaCode, name: f.name, index, n, items: own };
  });
  const areas: AreaIndex[] = def.areas.map((a) => {
    const own = factors.filter((f) => f.areaCode === a.code);
    return {
      code: a.code,
      name: a.name,
      index: weightedMean(own.map((f) => ({ value: f.index, weight: weight(f.code) }))),
      n: own.reduce((s, f) => s + f.n, 0),
    };
  });
  return {
    forms: tally.validForms,
    invalidForms: tally.invalidForms,
    index: weightedMean(areas.map((a) => ({ value: a.index, weight: weight(a.code) }))),
    n: areas.reduce((s, a) => s + a.n, 0),
    areas,
    factors,
  };
}

export interface UnitSurveyIndices extends SurveyIndices {
  unitCode: string;
}

export interface SurveyYearIndices {
  year: number;
  province: SurveyIndices;
  /** units with at least one form, valid or not, in the order of `unitOrder` then by code */
  units: UnitSurveyIndices[];
}

/** Indices of every unit and of the province for one year. */
export function computeSurveyIndices(
  def: SurveyDefinition,
  settings: SurveySettings,
  forms: Iterable<SurveyForm>,
  unitOrder: string[] = [],
): SurveyYearIndices {
  const { units, province } = tallyForms(def, settings, forms);
  const order = new Map(unitOrder.map((c, i) => [c, i]));
  const codes = [...units.keys()].sort(
    (a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b),
  );
  return {
    year: def.year,
    province: indicesFromTally(def, settings, province),
    units: codes.map((unitCode) => ({ unitCode, ...indicesFromTally(def, settings, units.get(unitCode)!) })),
  };
}

/** The figure a survey leaf takes its points from: overall, one area or one factor. */
export function targetIndex(
  indices: SurveyIndices,
  target: 'overall' | 'area' | 'factor',
  targetCode: string | null,
): number | null {
  if (target === 'overall') return indices.index;
  const list: { code: string; index: number | null }[] = target === 'area' ? indices.areas : indices.factors;
  return list.find((x) => x.code === targetCode)?.index ?? null;
}

/** Points of a survey leaf: index × maximum / 100, unrounded (91,17% of 10 points → 9,117). */
export function surveyPoints(index: number, maxPoints: number): number {
  return (index * maxPoints) / 100;
}
