// Where things are in a self-assessment form. The writer and the reader share these so
// that a form written by one version reads back in the same one.

export const FORM_FORMAT = 'PARW-FORM';
export const FORM_FORMAT_VERSION = 1;

export const FORM_SHEET = 'Tự đánh giá';
export const INSTRUCTIONS_SHEET = 'Hướng dẫn';
/** veryHidden sheet of key/value cells (keys in A, values in B); survives a LibreOffice re-save */
export const META_SHEET = 'PARWMETA';

/** the row of column headers on the form sheet; the framework's rows follow it in order */
export const FORM_HEADER_ROW = 7;

/** 1-based columns of the form sheet */
export const COL = {
  stt: 1,
  title: 2,
  max: 3,
  self: 4,
  evidence: 5,
  explanation: 6,
  /** hidden: the leaf's code on each row */
  code: 7,
} as const;

export const HEADER_LABELS = {
  stt: 'STT',
  title: 'Nội dung',
  max: 'Điểm tối đa',
  self: 'Điểm tự chấm',
  evidence: 'Tài liệu kiểm chứng',
  explanation: 'Giải trình',
  code: 'Mã tiêu chí',
} as const;

/** Header labels accepted when reading (compared with matchKey), beyond the ones written. */
export const HEADER_ALIASES: Record<keyof typeof COL, string[]> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu', 'ma'],
  title: ['noi dung', 'tieu chi', 'noi dung tieu chi', 'linh vuc, tieu chi', 'ten tieu chi', 'tieu chi, tieu chi thanh phan'],
  max: ['diem toi da', 'toi da', 'diem chuan', 'thang diem'],
  self: ['diem tu cham', 'tu cham', 'diem tu danh gia', 'tu danh gia', 'diem tu cham cua don vi', 'diem don vi tu cham'],
  evidence: ['tai lieu kiem chung', 'tlkc', 'tai lieu kiem chung (so, ky hieu van ban)'],
  explanation: ['giai trinh', 'ghi chu', 'giai trinh, ghi chu'],
  code: ['ma tieu chi'],
};

/** Keys of the metadata sheet. */
export const META_KEYS = {
  format: 'format',
  formatVersion: 'formatVersion',
  year: 'year',
  unitCode: 'unitCode',
  unitName: 'unitName',
  blockCode: 'blockCode',
  fingerprint: 'frameworkFingerprint',
  leafCount: 'leafCount',
  generatedAt: 'generatedAt',
  headerRow: 'headerRow',
} as const;

/** First row of the yes/no value lists on the metadata sheet (0 in column B, the maximum in C). */
export const META_LIST_FIRST_ROW = 20;
