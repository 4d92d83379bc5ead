// Tiến độ as the screen shows it: counts per state of one block, and the units in the order
// that needs attention first (late, then the furthest behind).
import type { ChannelOutput } from '../../../shared/contract';
import { unitStates, type UnitState } from '../../../shared/cycle/status';

export type YearStatus = ChannelOutput<'cycle:status'>;
export type UnitProgress = YearStatus['units'][number];

export function stateCounts(units: UnitProgress[]): { state: UnitState; count: number }[] {
  return unitStates.map((state) => ({ state, count: units.filter((u) => u.state === state).length }));
}

/** Late units first, then by how far along the cycle they are, then as the units list orders them. */
export function attentionOrder(units: UnitProgress[]): UnitProgress[] {
  const step = (s: UnitState) => unitStates.indexOf(s);
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => Number(b.u.late) - Number(a.u.late) || step(a.u.state) - step(b.u.state) || a.i - b.i)
    .map(({ u }) => u);
}

/** The form of the deadlines: empty text for a day not set. */
export interface DeadlineDraft {
  selfDue: string;
  appraisalDue: string;
  petitionsDue: string;
}

export function draftOf(d: YearStatus['deadlines']): DeadlineDraft {
  return { selfDue: d.selfDue ?? '', appraisalDue: d.appraisalDue ?? '', petitionsDue: d.petitionsDue ?? '' };
}

export function sameDraft(a: DeadlineDraft, b: DeadlineDraft): boolean {
  return a.selfDue === b.selfDue && a.appraisalDue === b.appraisalDue && a.petitionsDue === b.petitionsDue;
}
