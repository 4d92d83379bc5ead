// Answers as forms hold them: codes ("4"), labels ("Hài lòng", "rat_hai_long"), or both
// ("5 - Rất hài lòng"). Labels are matched after NFC, ignoring case, accents and spacing.
import { matchKey } from '../text';
import type { ScaleLabel } from './model';

/** Labels that online forms use for "no answer". */
const NO_ANSWER_LABELS = ['Không ý kiến', 'Không trả lời', 'Không biết', 'Không rõ', 'Không áp dụng'];

/** A key for matching labels: "Rất_hài-lòng " → "rat hai long". */
export function labelKey(label: string): string {
  return matchKey(label.replace(/[_\-–]+/g, ' '));
}

/** label key → answer code (null = no answer), from the scale, then a profile's own labels. */
export function labelLookup(scale: ScaleLabel[], extra: Record<string, number | null> = {}): Map<string, number | null> {
  const lookup = new Map<string, number | null>();
  for (const l of NO_ANSWER_LABELS) lookup.set(labelKey(l), null);
  for (const s of scale) lookup.set(labelKey(s.label), s.code);
  for (const [label, code] of Object.entries(extra)) lookup.set(labelKey(label), code);
  return lookup;
}

export type ParsedAnswer = { code: number | null } | { unknown: string };

const CODE = /^[+]?\d+$/;
const CODE_THEN_LABEL = /^(\d+)\s*[-.:)–]\s*\S/;

/** The code of one answer cell, null for no answer, or the text that could not be read. */
export function parseAnswer(raw: unknown, lookup: Map<string, number | null>): ParsedAnswer {
  if (raw === null || raw === undefined) return { code: null };
  if (typeof raw === 'number') {
    return Number.isInteger(raw) ? { code: raw } : { unknown: String(raw) };
  }
  const text = String(raw).normalize('NFC').trim();
  if (text === '') return { code: null };
  if (CODE.test(text)) return { code: Number(text) };
  const key = labelKey(text);
  if (lookup.has(key)) return { code: lookup.get(key)! };
  const lead = CODE_THEN_LABEL.exec(text);
  if (lead) return { code: Number(lead[1]) };
  return { unknown: text };
}
