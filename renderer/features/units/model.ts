// The units form: a unit as it is typed (lineage as a list of codes, years as text), the
// names of a unit's predecessors and successors for the grid, and the words of a preview.
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { isValidYear, type Block, type Unit } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';

export type UnitInput = ChannelInput<'units:save'>['unit'];
export type ImportPreview = Extract<ChannelOutput<'units:pickImport'>, { cancelled: false }>['value'];

export interface Draft {
  code: string;
  name: string;
  blockCode: string;
  ranked: boolean;
  /** codes as typed: "X1, X2" */
  predecessors: string;
  /** years in force as typed, blank = open */
  fromYear: string;
  toYear: string;
  /** the unit is saved already: its code cannot change */
  existing: boolean;
}

export const emptyDraft = (blockCode: string): Draft => ({
  code: '',
  name: '',
  blockCode,
  ranked: true,
  predecessors: '',
  fromYear: '',
  toYear: '',
  existing: false,
});

export function draftOf(unit: Unit): Draft {
  return {
    code: unit.code,
    name: unit.name,
    blockCode: unit.blockCode,
    ranked: unit.ranked,
    predecessors: unit.predecessors.join(', '),
    fromYear: unit.fromYear == null ? '' : String(unit.fromYear),
    toYear: unit.toYear == null ? '' : String(unit.toYear),
    existing: true,
  };
}

/** A year as typed: a four-digit year, or null for blank; anything else is a problem in words. */
function yearOf(text: string, label: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isInteger(n) || !isValidYear(n)) throw new Error(`${label} "${t}" không phải là một năm; hãy nhập năm bốn chữ số, ví dụ 2025, hoặc để trống.`);
  return n;
}

/** The unit a draft saves: codes of predecessors split at commas, semicolons or spaces. Throws with a message on a bad year. */
export function unitOfDraft(draft: Draft): UnitInput {
  const predecessors = draft.predecessors
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    code: draft.code.trim(),
    name: draft.name.trim(),
    blockCode: draft.blockCode,
    ranked: draft.ranked,
    predecessors,
    fromYear: yearOf(draft.fromYear, 'Từ năm'),
    toYear: yearOf(draft.toYear, 'Đến năm'),
  };
}

/** The block shown first: the first that has units, else the first. */
export function firstBlock(blocks: Block[], units: Unit[]): string {
  return blocks.find((b) => units.some((u) => u.blockCode === b.code))?.code ?? blocks[0]?.code ?? '';
}

/** Names of a unit's predecessors and successors, "A; B", by the codes of the lineage. */
export function lineageNames(units: Unit[]): { predecessors(unit: Unit): string; successors(code: string): string } {
  const names = new Map(units.map((u) => [u.code, u.name]));
  const after = new Map<string, string[]>();
  for (const u of units) for (const p of u.predecessors) after.set(p, [...(after.get(p) ?? []), u.code]);
  const named = (codes: string[]) => codes.map((c) => names.get(c) ?? c).join('; ');
  return { predecessors: (unit) => named(unit.predecessors), successors: (code) => named(after.get(code) ?? []) };
}

/** "Từ 2025", "Đến 2024", "2020–2024", or blank for a unit in force every year. */
export function yearsInForce(unit: Pick<Unit, 'fromYear' | 'toYear'>): string {
  const from = unit.fromYear ?? null;
  const to = unit.toYear ?? null;
  if (from !== null && to !== null) return `${from}–${to}`;
  if (from !== null) return `Từ ${from}`;
  if (to !== null) return `Đến ${to}`;
  return '';
}

export const PREVIEW_STATUS: Record<ImportPreview['preview'][number]['status'], string> = {
  new: 'Mới',
  changed: 'Thay đổi',
  unchanged: 'Giữ nguyên',
};

/** "12 mới, 3 thay đổi, 70 giữ nguyên" */
export function previewCounts(preview: ImportPreview['preview']): string {
  const count = (s: keyof typeof PREVIEW_STATUS) => formatNumber(preview.filter((p) => p.status === s).length);
  return `${count('new')} mới, ${count('changed')} thay đổi, ${count('unchanged')} giữ nguyên`;
}
