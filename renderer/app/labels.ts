// Vietnamese names of the things the workspace records in English codes.
const SOURCES: Record<string, string> = {
  appraisal: 'Thẩm định',
  paste: 'Dán từ Excel',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  import: 'Nhập bảng điểm',
  form: 'Biểu mẫu gửi về',
  forms: 'Biểu mẫu gửi về',
  'form-import': 'Biểu mẫu gửi về',
  'accept-self': 'Chấp nhận điểm tự chấm',
  council: 'Hội đồng thẩm định',
  petition: 'Kiến nghị',
  survey: 'Khảo sát',
  'survey-apply': 'Khảo sát',
  units: 'Danh sách đơn vị',
  demo: 'Dữ liệu mẫu',
  cli: 'Dòng lệnh',
};

/** The Vietnamese name of where a change came from; a source this version does not know is not shown as a code. */
export function sourceLabel(source: string): string {
  return SOURCES[source] ?? 'Nguồn khác';
}

const FIELDS: Record<string, string> = {
  selfScore: 'Điểm tự chấm',
  appraisedScore: 'Điểm thẩm định',
  appraisalRound: 'Lần thẩm định',
  notApplicable: 'Áp dụng',
  reportedValue: 'Số liệu báo cáo',
  evidence: 'TLKC',
  explanation: 'Giải trình',
  note: 'Ghi chú',
};

export function auditFieldLabel(field: string): string {
  return FIELDS[field] ?? field;
}

export const METHOD_LABELS: Record<string, string> = {
  free: 'Chấm điểm',
  yesno: 'Có/Không',
  tiers: 'Theo mức',
  ratio: 'Theo tỷ lệ',
  bonus: 'Điểm thưởng',
  deduction: 'Điểm trừ',
};

export const SOURCE_LABELS: Record<string, string> = {
  self: 'Tự chấm, thẩm định',
  survey: 'Điều tra XHH',
};

export const FORM_STATUS_LABELS: Record<string, string> = {
  imported: 'Đã nhập',
  refused: 'Bị từ chối',
  unchanged: 'Không thay đổi',
};
