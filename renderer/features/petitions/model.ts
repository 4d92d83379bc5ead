// Kiến nghị: pure view logic — pending petitions first (late ones marked), the new score typed
// the Vietnamese way and checked against the leaf's maximum before it is sent.
import { formatNumber, parseLocaleNumber } from '../../../shared/format';
import type { PetitionView } from '../../../shared/petitions/channels';

export type { PetitionView } from '../../../shared/petitions/channels';

export function splitPetitions(petitions: PetitionView[]): { pending: PetitionView[]; decided: PetitionView[] } {
  return { pending: petitions.filter((p) => p.decision === null), decided: petitions.filter((p) => p.decision !== null) };
}

/** The score typed for an accepted petition, or the reason it cannot be taken. */
export function acceptedScore(text: string, max: number): { score: number } | { problem: string } {
  if (!text.trim()) return { problem: 'Nhập điểm thẩm định mới để chấp nhận kiến nghị.' };
  const n = parseLocaleNumber(text);
  if (n === null) return { problem: `"${text}" không phải là số.` };
  if (n < 0 || n > max) return { problem: `Điểm phải từ 0 đến ${formatNumber(max, 4)}.` };
  return { score: n };
}

export const scoreText = (v: number | null) => (v === null ? '—' : formatNumber(v, 4));

export function decisionLabel(p: PetitionView): string {
  if (p.decision === 'accept') return `Chấp nhận: ${scoreText(p.decidedScore)} điểm`;
  if (p.decision === 'keep') return 'Giữ nguyên';
  return 'Chưa quyết định';
}
