// A second, deliberately plain computation of SIPAS indices straight from raw answers, and
// a seeded generator of raw forms, for checking the workbench's figures.
import type { SurveyDefinition } from '../../../shared/survey';

export interface RawForm {
  unit: string;
  /** item code → answer code; absent or null = blank */
  answers: Record<string, number | null>;
}

export interface ReferenceFigures {
  forms: number;
  index: number | null;
  items: Record<string, { index: number | null; n: number }>;
  factors: Record<string, { index: number | null; n: number }>;
  areas: Record<string, { index: number | null; n: number }>;
}

/** Seeded pseudo-random numbers (mulberry32) so that every run writes the same files. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Forms with answers leaning towards satisfied per unit; about 1 in 25 answers only a few items. */
export function generateForms(def: SurveyDefinition, units: string[], perUnit: number, seed: number): RawForm[] {
  const next = random(seed);
  const forms: RawForm[] = [];
  units.forEach((unit, u) => {
    const lean = 0.45 + 0.1 * (u % 5);
    for (let k = 0; k < perUnit; k++) {
      const sparse = next() < 0.04;
      const answers: Record<string, number | null> = {};
      for (const item of def.items) {
        const r = next();
        if (sparse ? r < 0.8 : r < 0.06) answers[item.code] = null;
        else answers[item.code] = next() < lean ? 4 + Math.floor(next() * 2) : 1 + Math.floor(next() * 3);
      }
      forms.push({ unit, answers });
    }
  });
  return forms;
}

function meanOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  let s = 0;
  for (const v of present) s += v;
  return s / present.length;
}

/**
 * Indices of the forms given (one unit's, or all for the province): a form answering fewer
 * than half the items is dropped; item = share of answers 4 or 5; plain means upwards.
 */
export function referenceFigures(def: SurveyDefinition, forms: RawForm[], noAnswer: number[] = []): ReferenceFigures {
  const isAnswer = (v: number | null | undefined) => v !== null && v !== undefined && !noAnswer.includes(v);
  const valid = forms.filter((f) => {
    let answered = 0;
    for (const item of def.items) if (isAnswer(f.answers[item.code])) answered++;
    return answered * 2 >= def.items.length;
  });
  const items: ReferenceFigures['items'] = {};
  for (const item of def.items) {
    let n = 0;
    let yes = 0;
    for (const f of valid) {
      const v = f.answers[item.code];
      if (!isAnswer(v)) continue;
      n++;
      if (v === 4 || v === 5) yes++;
    }
    items[item.code] = { index: n ? (100 * yes) / n : null, n };
  }
  const factors: ReferenceFigures['factors'] = {};
  for (const factor of def.factors) {
    const own = def.items.filter((i) => i.factorCode === factor.code).map((i) => items[i.code]);
    factors[factor.code] = { index: meanOf(own.map((x) => x.index)), n: own.reduce((s, x) => s + x.n, 0) };
  }
  const areas: ReferenceFigures['areas'] = {};
  for (const area of def.areas) {
    const own = def.factors.filter((f) => f.areaCode === area.code).map((f) => factors[f.code]);
    areas[area.code] = { index: meanOf(own.map((x) => x.index)), n: own.reduce((s, x) => s + x.n, 0) };
  }
  return { forms: valid.length, index: meanOf(Object.values(areas).map((a) => a.index)), items, factors, areas };
}

/** The `survey results --json` unit or province object checked against the reference, to 1e-9. */
export function expectSameFigures(
  actual: { forms: number; index: number | null; factors: { code: string; index: number | null; n: number; items: { code: string; index: number | null; n: number }[] }[] },
  expected: ReferenceFigures,
  check: (actual: unknown, expected: unknown, what: string) => void,
): void {
  const close = (a: number | null, e: number | null, what: string) =>
    check(a === null ? null : Math.round(a * 1e9), e === null ? null : Math.round(e * 1e9), what);
  check(actual.forms, expected.forms, 'forms');
  close(actual.index, expected.index, 'index');
  for (const f of actual.factors) {
    close(f.index, expected.factors[f.code].index, `factor ${f.code}`);
    check(f.n, expected.factors[f.code].n, `n of factor ${f.code}`);
    for (const i of f.items) {
      close(i.index, expected.items[i.code].index, `item ${i.code}`);
      check(i.n, expected.items[i.code].n, `n of item ${i.code}`);
    }
  }
}
