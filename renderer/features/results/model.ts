// How results read on screen: the colour of a band, the rank of a unit, its change on last year.
import type { FieldResult, UnitResult } from '../../../shared/domain';
import { rankArrow } from '../../../shared/compare/charts';
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

/** A field's rank with the places it moved: "3 (↑2)", "5 (=)", "—". */
export function fieldCell(field: FieldResult | undefined): string {
  if (!field || field.rank === null) return '—';
  const moved = rankArrow(field.deltaRank);
  return moved ? `${field.rank} (${moved})` : String(field.rank);
}

/** "▲5 ▼3 (cả hạng: ▲2 ▼1)" from a unit's counts of fields up and down; "—" without last year's fields. */
export function fieldCountsCell(unit: Pick<UnitResult, 'fieldsUp' | 'fieldsDown' | 'fieldsUpBoth' | 'fieldsDownBoth'>): string {
  if (unit.fieldsUp === null || unit.fieldsDown === null) return '—';
  return `▲${unit.fieldsUp} ▼${unit.fieldsDown} (cả hạng: ▲${unit.fieldsUpBoth ?? 0} ▼${unit.fieldsDownBoth ?? 0})`;
}
