/**
 * The longest text one field holds (evidence, an explanation, a note, a name), typed in the app
 * or read from a file: longer text is refused, naming its cell, instead of filling the
 * workspace and every screen that shows it.
 */
export const MAX_TEXT_LENGTH = 4000;

/** "4.000 ký tự" style, for messages about MAX_TEXT_LENGTH. */
export function tooLongTextMessage(length: number): string {
  const nf = (n: number) => n.toLocaleString('vi-VN');
  return `nội dung dài ${nf(length)} ký tự, quá giới hạn ${nf(MAX_TEXT_LENGTH)} ký tự của một ô; hãy rút gọn (tài liệu dài hãy gửi thành tệp đính kèm và ghi tên tệp vào ô).`;
}

// Text as people type it: NFC, trimmed; keys for matching headers and labels.

export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A matching key that ignores case, accents (đ → d) and spacing: "  Mã Đơn vị " → "ma don vi". */
export function matchKey(value: string): string {
  return cleanText(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Text made safe to place in HTML (chart tooltips build HTML from unit and factor names). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
