// How results read on screen: the colour of a band, the rank of a unit, its change on last year.
import type { UnitResult } from '../../../shared/domain';
import { describeChange } from '../../../shared/format';

/** The colour class of a classification: top, good, middle, low (or none). */
export function bandClass(name: string | null): string {
  if (!name) return 'none';
  const key = name.toLowerCase();
  if (key.includes('tốt') || key === 'a' || key.includes('xuất sắc')) return 'top';
  if (key.includes('khá') || key === 'b') return 'good';
  if (key.includes('trung bình') || key === 'c') return 'mid';
  return 'low';
}

/** A unit's rank: its number, a dash while it has none, "KXH" when it is not ranked. */
export function rankText(rank: number | null, ranked: boolean | undefined): string {
  return rank === null ? (ranked ? '—' : 'KXH') : String(rank);
}

/** The change on last year in words, with its direction (up, down, same): null when there is none to tell. */
export function changeOf(unit: UnitResult): { text: string; direction: 'up' | 'down' | 'same' } | null {
  const text = describeChange(unit.deltaIndex, unit.deltaRank);
  if (!text) return null;
  const dir = unit.deltaRank ?? unit.deltaIndex ?? 0;
  return { text, direction: dir > 0 ? 'up' : dir < 0 ? 'down' : 'same' };
}
