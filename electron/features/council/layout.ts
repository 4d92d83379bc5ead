// The council package's layout, shared by its writer and its reader (which must not load the
// Excel library that writing needs).
export const PACKAGE_FORMAT = 'parw-council-package';
export const PACKAGE_SHEET = 'Thẩm định';
export const PACKAGE_HEADERS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã tiêu chí',
  'Nội dung',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Giải trình của đơn vị',
  'Tài liệu kiểm chứng',
  'Điểm thẩm định',
  'Ý kiến thẩm định',
] as const;
/** the header row of the visible sheet, under the title lines */
export const PACKAGE_HEADER_ROW = 4;
