// The settings screen's view logic: bands as staff write them, and back.
import type { Band } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { parseBands } from '../../../shared/results/bands';

/** "Tốt=90;Khá=80;Trung bình=70;Yếu=0" */
export function bandsText(bands: Band[]): string {
  return [...bands]
    .sort((a, b) => b.min - a.min)
    .map((b) => `${b.name}=${formatNumber(b.min)}`)
    .join(';');
}

/** How the typed bands read: "Tốt từ 90%, Khá từ 80%…", or why they cannot be read. */
export function bandsPreview(text: string): { ok: boolean; text: string } {
  if (text.trim() === '') return { ok: true, text: 'Chưa xếp loại.' };
  try {
    return { ok: true, text: parseBands(text).map((b) => `${b.name} từ ${formatNumber(b.min)}%`).join(', ') };
  } catch (e) {
    return { ok: false, text: (e as Error).message };
  }
}
