// The units form: a unit as it is typed (lineage as a list of codes), and the names of a
// unit's predecessors and successors for the grid.
import type { ChannelInput } from '../../../shared/contract';
import type { Block, Unit } from '../../../shared/domain';

export type UnitInput = ChannelInput<'units:save'>['unit'];

export interface Draft {
  code: string;
  name: string;
  blockCode: string;
  ranked: boolean;
  /** codes as typed: "X1, X2" */
  predecessors: string;
  /** the unit is saved already: its code cannot change */
  existing: boolean;
}

export const emptyDraft = (blockCode: string): Draft => ({ code: '', name: '', blockCode, ranked: true, predecessors: '', existing: false });

export function draftOf(unit: Unit): Draft {
  return { code: unit.code, name: unit.name, blockCode: unit.blockCode, ranked: unit.ranked, predecessors: unit.predecessors.join(', '), existing: true };
}

/** The unit a draft saves: codes of predecessors split at commas, semicolons or spaces. */
export function unitOfDraft(draft: Draft): UnitInput {
  const predecessors = draft.predecessors
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { code: draft.code.trim(), name: draft.name.trim(), blockCode: draft.blockCode, ranked: draft.ranked, predecessors };
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
