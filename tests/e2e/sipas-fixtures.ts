// Survey forms for the SIPAS browser tests, and the plain computation their indices are checked against.
import type { SurveyDefinition } from '../../shared/survey';

export type Answers = Record<string, number | null>;
export interface RawForm {
  unit: string;
  answers: Answers;
}

/** A seeded generator, so that every run writes the same forms. */
export function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export interface Rules {
  satisfied: number[];
  weights?: Record<string, number>;
  pooled?: boolean;
}

/** The overall index computed plainly from the raw forms: items → factors → areas → overall, under the given rules. */
export function overallIndex(definition: SurveyDefinition, forms: RawForm[], rules: Rules = { satisfied: [4, 5] }): number {
  const w = (code: string) => rules.weights?.[code] ?? 1;
  const valid = forms.filter((f) => Object.values(f.answers).filter((a) => a !== null).length >= definition.items.length / 2);
  const wmean = (xs: { v: number; w: number }[]) => xs.reduce((s, x) => s + x.v * x.w, 0) / xs.reduce((s, x) => s + x.w, 0);
  const answersOf = (code: string) => valid.map((f) => f.answers[code]).filter((a): a is number => a !== null);
  const satisfiedOf = (code: string) => answersOf(code).filter((a) => rules.satisfied.includes(a)).length;
  const item = (code: string) => (satisfiedOf(code) / answersOf(code).length) * 100;
  const factor = (code: string) => {
    const items = definition.items.filter((i) => i.factorCode === code);
    if (rules.pooled) return (items.reduce((s, i) => s + satisfiedOf(i.code), 0) / items.reduce((s, i) => s + answersOf(i.code).length, 0)) * 100;
    return wmean(items.map((i) => ({ v: item(i.code), w: 1 })));
  };
  const area = (code: string) => wmean(definition.factors.filter((f) => f.areaCode === code).map((f) => ({ v: factor(f.code), w: w(f.code) })));
  return wmean(definition.areas.map((a) => ({ v: area(a.code), w: w(a.code) })));
}

/** Rows as a UTF-8 CSV with BOM, quoting where needed. */
export function csv(rows: (string | number | null)[][]): string {
  const cell = (c: string | number | null) => {
    const s = c === null ? '' : String(c);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
