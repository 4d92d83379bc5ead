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
