// Text typed with the legacy Vietnamese fonts (.VnTime = TCVN3/ABC, VNI-Times = VNI) reaches
// a workbook as Latin-1 look-alikes ("Q§ sè 12", "Quyeát ñònh"). Such text is recognised by
// its characters and by how many of its words become real Vietnamese syllables once
// converted, and is converted to Unicode (NFC).

export type LegacyEncoding = 'TCVN3' | 'VNI';

const TCVN3_TO_UNICODE: Record<string, string> = {
  'µ': 'à', '¸': 'á', '¶': 'ả', '·': 'ã', '¹': 'ạ',
  '¨': 'ă', '»': 'ằ', '¾': 'ắ', '¼': 'ẳ', '½': 'ẵ', 'Æ': 'ặ',
  '©': 'â', 'Ç': 'ầ', 'Ê': 'ấ', 'È': 'ẩ', 'É': 'ẫ', 'Ë': 'ậ',
  '®': 'đ',
  'Ì': 'è', 'Ð': 'é', 'Î': 'ẻ', 'Ï': 'ẽ', 'Ñ': 'ẹ',
  'ª': 'ê', 'Ò': 'ề', 'Õ': 'ế', 'Ó': 'ể', 'Ô': 'ễ', 'Ö': 'ệ',
  '×': 'ì', 'Ý': 'í', 'Ø': 'ỉ', 'Ü': 'ĩ', 'Þ': 'ị',
  'ß': 'ò', 'ã': 'ó', 'á': 'ỏ', 'â': 'õ', 'ä': 'ọ',
  '«': 'ô', 'å': 'ồ', 'è': 'ố', 'æ': 'ổ', 'ç': 'ỗ', 'é': 'ộ',
  '¬': 'ơ', 'ê': 'ờ', 'í': 'ớ', 'ë': 'ở', 'ì': 'ỡ', 'î': 'ợ',
  'ï': 'ù', 'ó': 'ú', 'ñ': 'ủ', 'ò': 'ũ', 'ô': 'ụ',
  '\u00ad': 'ư', 'õ': 'ừ', 'ø': 'ứ', 'ö': 'ử', '÷': 'ữ', 'ù': 'ự',
  'ú': 'ỳ', 'ý': 'ý', 'û': 'ỷ', 'ü': 'ỹ', 'þ': 'ỵ',
  '¡': 'Ă', '¢': 'Â', '£': 'Ê', '¤': 'Ô', '¥': 'Ơ', '¦': 'Ư', '§': 'Đ',
};

/** VNI writes a base letter followed by a mark character; a few letters take one character. */
const VNI_TO_UNICODE: Map<string, string> = (() => {
  const m = new Map<string, string>();
  const tones = ['ø', 'ù', 'û', 'õ', 'ï']; // huyền, sắc, hỏi, ngã, nặng
  const hatTones = ['à', 'á', 'å', 'ã', 'ä']; // after â/ê/ô: huyền, sắc, hỏi, ngã, nặng
  const breveTones = ['è', 'é', 'ú', 'ü', 'ë']; // after ă
  const add = (lower: string, upper: string, marks: string[], results: string) => {
    [...results].forEach((r, i) => {
      m.set(lower + marks[i], r);
      m.set(upper + marks[i].toUpperCase(), r.toUpperCase());
    });
  };
  add('a', 'A', tones, 'àáảãạ');
  add('a', 'A', ['â', ...hatTones], 'âầấẩẫậ');
  add('a', 'A', ['ê', ...breveTones], 'ăằắẳẵặ');
  add('e', 'E', tones, 'èéẻẽẹ');
  add('e', 'E', ['â', ...hatTones], 'êềếểễệ');
  add('o', 'O', tones, 'òóỏõọ');
  add('o', 'O', ['â', ...hatTones], 'ôồốổỗộ');
  add('ô', 'Ô', tones, 'ờớởỡợ');
  add('u', 'U', tones, 'ùúủũụ');
  add('ö', 'Ö', tones, 'ừứửữự');
  add('y', 'Y', tones.slice(0, 4), 'ỳýỷỹ');
  const singles: [string, string][] = [
    ['ô', 'ơ'], ['ö', 'ư'], ['ñ', 'đ'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ'],
  ];
  for (const [from, to] of singles) {
    m.set(from, to);
    m.set(from.toUpperCase(), to.toUpperCase());
  }
  return m;
})();

function convertTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_TO_UNICODE[ch] ?? ch;
  return out.normalize('NFC');
}

function convertVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = VNI_TO_UNICODE.get(text.slice(i, i + 2));
    if (pair && i + 1 < text.length) {
      out += pair;
      i++;
      continue;
    }
    out += VNI_TO_UNICODE.get(text[i]) ?? text[i];
  }
  return out.normalize('NFC');
}

/** Letters only Unicode Vietnamese text has (outside Latin-1): such text is never legacy. */
const UNICODE_VIETNAMESE = /[ăđơưĂĐƠƯĩũĨŨ\u1ea0-\u1ef9]/;
/** Latin-1 characters that Vietnamese does not use, but TCVN3 or VNI do. */
const LEGACY_MARKERS = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe]/;

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const NUCLEUS =
  '(?:uyê|uya|uyu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|yê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
}

/** Words (runs of letters and the legacy mark characters) that read as Vietnamese syllables. */
function syllableScore(text: string): number {
  const words = text.match(/[\p{L}\u00a1-\u00bf\u00d7\u00f7]+/gu) ?? [];
  return words.filter(isVietnameseSyllable).length;
}

export interface LegacyDetection {
  encoding: LegacyEncoding;
  text: string;
}

/**
 * The Unicode text of `text` when it was typed in TCVN3 or VNI, else null (already
 * Unicode, or plain ASCII, or not recognisably Vietnamese either way).
 */
export function detectLegacyVietnamese(text: string): LegacyDetection | null {
  if (UNICODE_VIETNAMESE.test(text) || !LEGACY_MARKERS.test(text)) return null;
  const baseline = syllableScore(text);
  const candidates: LegacyDetection[] = [
    { encoding: 'TCVN3', text: convertTcvn3(text) },
    { encoding: 'VNI', text: convertVni(text) },
  ];
  let best: LegacyDetection | null = null;
  let bestScore = baseline;
  for (const c of candidates) {
    const score = syllableScore(c.text);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
