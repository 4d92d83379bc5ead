// The columns of each table the app imports, as its template writes them and the empty screens
// list them: the window and the main process read the same lists.

/** Đơn vị: `units import` and "Nhập từ Excel" on Đơn vị. */
export const UNITS_COLUMNS = ['Mã', 'Tên đơn vị', 'Khối', 'Kế thừa từ', 'Xếp hạng', 'Từ năm', 'Đến năm'];

/** Bộ chỉ số: the framework import (STT, Nội dung, Điểm tối đa required). */
export const FRAMEWORK_COLUMNS = ['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Tài liệu kiểm chứng'];

/** Bảng điểm: the scores import; the name columns are there to read by, the import skips them. */
export const SCORES_COLUMNS = ['Mã đơn vị', 'Tên đơn vị', 'Mã tiêu chí', 'Nội dung tiêu chí', 'Điểm tự chấm', 'Điểm thẩm định', 'Không áp dụng', 'Ghi chú'];
