// The counting rules of a year as the settings form holds them (text as typed, in the
// Vietnamese way) and back: every bad value is named in Vietnamese before anything is saved.
import { formatNumber, parseLocaleNumber } from '../../../shared/format';
import type { FactorMode, SurveyDefinition, SurveySettings } from '../../../shared/survey';

export interface SettingsForm {
  /** answer codes of the scale counted as satisfied */
  satisfied: number[];
  /** codes meaning "no answer", as typed: "0, 9" */
  noAnswer: string;
  factorMode: FactorMode;
  /** the least share of answered items of a valid form, in %, as typed: "50" */
  minShare: string;
  /** weights of areas and factors by code, as typed: "1,5" */
  weights: Record<string, string>;
}

/** The answer codes of the questionnaire's scales, each with its label when the forms print one. */
export function scaleCodes(def: SurveyDefinition): { code: number; label: string | null }[] {
  const min = Math.min(...def.items.map((i) => i.scaleMin));
  const max = Math.max(...def.items.map((i) => i.scaleMax));
  const codes: { code: number; label: string | null }[] = [];
  for (let c = min; c <= max && codes.length < 100; c++) codes.push({ code: c, label: def.scaleLabels.find((s) => s.code === c)?.label ?? null });
  return codes;
}

/** Codes of the areas and factors of the questionnaire: the weights the form edits. */
function weightedCodes(def: SurveyDefinition): string[] {
  return [...def.areas.map((a) => a.code), ...def.factors.map((f) => f.code)];
}

export function toForm(settings: SurveySettings, def: SurveyDefinition): SettingsForm {
  return {
    satisfied: [...settings.satisfiedCodes].sort((a, b) => a - b),
    noAnswer: settings.noAnswerCodes.join(', '),
    factorMode: settings.factorMode,
    minShare: formatNumber(settings.minAnsweredShare * 100, 4),
    weights: Object.fromEntries(weightedCodes(def).map((code) => [code, formatNumber(settings.weights[code] ?? 1, 4)])),
  };
}

/** A bad value of the form: the field it is in ("minShare", "noAnswer", "satisfied", "weight:DV3") and what to do. */
export interface FormProblem {
  field: string;
  message: string;
}

export function sameForm(a: SettingsForm, b: SettingsForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The settings the form asks for, or the problems of its values. Weights of codes the form
 * does not show (items, or codes of an earlier questionnaire) are kept as they were.
 */
export function fromForm(
  form: SettingsForm,
  def: SurveyDefinition,
  saved: SurveySettings,
): { settings: SurveySettings; problems: [] } | { settings: null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (form.satisfied.length === 0) problem('satisfied', 'Hãy chọn ít nhất một mã câu trả lời được tính là hài lòng.');

  const noAnswerCodes: number[] = [];
  for (const token of form.noAnswer.split(/[,;\s]+/).filter(Boolean)) {
    const n = Number(token);
    if (!/^[-+]?\d+$/.test(token) || !Number.isSafeInteger(n)) {
      problem('noAnswer', `Mã không trả lời "${token}" không phải là số nguyên; hãy ghi các mã cách nhau bằng dấu phẩy, ví dụ 0, 9.`);
    } else if (!noAnswerCodes.includes(n)) {
      noAnswerCodes.push(n);
    }
  }

  const share = parseLocaleNumber(form.minShare);
  if (share === null) {
    problem('minShare', `Tỷ lệ câu hỏi phải trả lời "${form.minShare.trim()}" không phải là số; hãy nhập một số từ 0 đến 100, ví dụ 50.`);
  } else if (share < 0 || share > 100) {
    problem('minShare', `Tỷ lệ câu hỏi phải trả lời ${formatNumber(share, 4)}% nằm ngoài khoảng 0–100%; hãy nhập một số từ 0 đến 100, ví dụ 50.`);
  }

  const shown = new Set(weightedCodes(def));
  const weights: Record<string, number> = Object.fromEntries(Object.entries(saved.weights).filter(([code]) => !shown.has(code)));
  const weightOf = new Map<string, number>();
  const describe = (code: string) => (def.areas.some((a) => a.code === code) ? `lĩnh vực ${code}` : `yếu tố ${code}`);
  for (const code of shown) {
    const text = (form.weights[code] ?? '').trim();
    const w = text === '' ? 1 : parseLocaleNumber(text);
    if (w === null || w < 0) {
      problem(`weight:${code}`, `Trọng số của ${describe(code)} "${text}" không hợp lệ; hãy nhập một số không âm, ví dụ 1 hoặc 1,5.`);
      continue;
    }
    weightOf.set(code, w);
    if (w !== 1) weights[code] = w;
  }
  const allZero = (codes: string[]) => codes.length > 0 && codes.every((c) => weightOf.get(c) === 0);
  if (allZero(def.areas.map((a) => a.code))) problem(`weight:${def.areas[0].code}`, 'Các lĩnh vực không thể cùng có trọng số 0: chỉ số chung sẽ không tính được.');
  for (const a of def.areas) {
    const factors = def.factors.filter((f) => f.areaCode === a.code).map((f) => f.code);
    if (allZero(factors)) {
      problem(`weight:${factors[0]}`, `Các yếu tố của lĩnh vực ${a.code} không thể cùng có trọng số 0: chỉ số của lĩnh vực sẽ không tính được.`);
    }
  }

  if (problems.length || share === null) return { settings: null, problems };
  return {
    settings: {
      satisfiedCodes: [...form.satisfied].sort((a, b) => a - b),
      noAnswerCodes,
      factorMode: form.factorMode,
      minAnsweredShare: share / 100,
      weights,
    },
    problems: [],
  };
}
