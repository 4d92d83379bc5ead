import type { Band } from '../domain';
import { UserError } from '../errors';
import { parseLocaleNumber, formatNumber } from '../format';

/**
 * Bands as staff write them: "Tốt=90;Khá=80;Trung bình=70;Yếu=0" (a unit belongs to the
 * first band whose minimum its index reaches). Returns the bands highest first; refuses a
 * text that does not say that, with the reason in Vietnamese.
 */
export function parseBands(text: string): Band[] {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new UserError('Chưa có mức xếp loại nào; ví dụ: "Tốt=90;Khá=80;Trung bình=70;Yếu=0".');
  const bands: Band[] = [];
  for (const part of parts) {
    const eq = part.lastIndexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim().normalize('NFC') : '';
    const min = eq > 0 ? parseLocaleNumber(part.slice(eq + 1)) : null;
    if (!name || min === null) {
      throw new UserError(`Mức xếp loại "${part}" không đúng dạng Tên=ngưỡng, ví dụ "Khá=80".`);
    }
    if (min < 0 || min > 100) throw new UserError(`Ngưỡng của mức "${name}" phải từ 0 đến 100.`);
    if (bands.some((b) => b.name === name)) throw new UserError(`Mức xếp loại "${name}" bị lặp lại.`);
    if (bands.some((b) => b.min === min)) throw new UserError(`Hai mức xếp loại có cùng ngưỡng ${formatNumber(min)}.`);
    bands.push({ name, min });
  }
  return bands.sort((a, b) => b.min - a.min);
}
