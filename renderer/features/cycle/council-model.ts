// Hội đồng as the screen shows it: the fields × members grid of one block.
import type { ChannelOutput } from '../../../shared/contract';
import { formatNumber } from '../../../shared/format';

export type YearCouncil = ChannelOutput<'council:get'>;
export type BlockCouncil = YearCouncil['blocks'][number];

/** What one cell of the grid says: the leaves a member appraises in a field, and for how many units when not all. */
export function gridCell(field: BlockCouncil['fields'][number], memberId: number): string {
  const m = field.members.find((x) => x.memberId === memberId);
  if (!m) return '';
  const leaves = m.leaves === field.leaves ? 'cả lĩnh vực' : `${formatNumber(m.leaves)}/${formatNumber(field.leaves)} tiêu chí`;
  return m.units === null ? leaves : `${leaves} · ${formatNumber(m.units)} đơn vị`;
}

/** The members of the grid: those with an assignment in the block first, then the others. */
export function gridMembers(block: BlockCouncil, members: YearCouncil['members']): YearCouncil['members'] {
  const assigned = new Set(block.assignments.map((a) => a.memberId));
  return [...members.filter((m) => assigned.has(m.id)), ...members.filter((m) => !assigned.has(m.id))];
}
