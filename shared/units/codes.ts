// A unit's code names its forms and scorecards on disk (SNV-2025.xlsx), on Windows PCs too:
// it may not hold what a file name cannot.

const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
export const MAX_UNIT_CODE_LENGTH = 40;

/** Why a code cannot be a unit's, in Vietnamese, or null when it can. */
export function unitCodeProblem(code: string): string | null {
  if (code.trim() === '') return 'mã đơn vị trống';
  if (code.length > MAX_UNIT_CODE_LENGTH) return `mã đơn vị dài quá ${MAX_UNIT_CODE_LENGTH} ký tự`;
  const bad = FORBIDDEN.exec(code);
  if (bad) {
    const shown = bad[0] < ' ' ? 'ký tự điều khiển' : `ký tự "${bad[0]}"`;
    return `mã "${code}" có ${shown}, không dùng được trong tên tệp; hãy chỉ dùng chữ, số, dấu chấm, gạch ngang hoặc gạch dưới`;
  }
  if (/[. ]$/.test(code)) return `mã "${code}" kết thúc bằng dấu chấm hoặc khoảng trắng, không dùng được trong tên tệp`;
  if (RESERVED.test(code)) return `"${code}" là tên dành riêng của Windows, không dùng được làm mã đơn vị`;
  return null;
}

/** A short, stable fingerprint of a text (FNV-1a, 32 bits, as 6 hex digits): not a secret, a tie-breaker. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text.normalize('NFC')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').slice(0, 6);
}

/**
 * A unit code as part of a file name. A code of letters, digits, "_" and "-" is kept as it is;
 * any other code is cleaned and marked with a hash of the code itself, so that codes which clean
 * alike (Z.1, Z_1, Z-1) never name the same file.
 */
export function codeForFileName(code: string, unsafe: RegExp = /[^A-Za-z0-9_-]+/g, replacement = '-'): string {
  const cleaned = code.replace(unsafe, replacement);
  return cleaned === code ? code : `${cleaned}~${shortHash(code)}`;
}
