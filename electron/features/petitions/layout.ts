// The preliminary notice's layout, shared by its writer and its reader (which must not load the
// Excel library that writing needs).
export const NOTICE_FORMAT = 'parw-notice';
export const NOTICE_SHEET = 'Kết quả thẩm định';
export const NOTICE_HEADERS = [
  'Mã tiêu chí',
  'Nội dung',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Điểm thẩm định',
  'Ý kiến thẩm định',
  'Ý kiến giải trình, kiến nghị',
  'Tài liệu bổ sung',
] as const;
/** the header row of the visible sheet, under the title lines */
export const NOTICE_HEADER_ROW = 7;
