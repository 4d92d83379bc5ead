// Texts the sample units and the appraisal council write beside their scores.

/** Why the council gave fewer points than the unit claimed. */
export const LOWERED_NOTES = [
  'Trừ điểm: tài liệu kiểm chứng chưa chứng minh đầy đủ kết quả thực hiện.',
  'Trừ điểm: văn bản ban hành chậm so với thời hạn quy định.',
  'Trừ điểm: báo cáo gửi chậm, thiếu số liệu theo đề cương.',
  'Trừ điểm: chưa có văn bản chỉ đạo xử lý các tồn tại sau kiểm tra.',
  'Trừ điểm: số liệu tự đánh giá chưa khớp với số liệu trên hệ thống.',
  'Trừ điểm: kế hoạch chưa xác định rõ sản phẩm, thời hạn hoàn thành.',
];

/** Why the council gave more points than the unit claimed. */
export const RAISED_NOTES = [
  'Cộng điểm: đơn vị tự chấm thấp hơn kết quả thực tế theo tài liệu kiểm chứng.',
  'Cộng điểm: số liệu trên hệ thống cao hơn số liệu đơn vị báo cáo.',
];

export const DEDUCTION_NOTE = 'Điểm trừ: theo quyết định xử lý kỷ luật công chức, viên chức trong năm.';

/** What a unit wrote when it asked for a second look. */
export const EXPLANATIONS = [
  'Đơn vị bổ sung văn bản chỉ đạo và báo cáo kết quả thực hiện kèm theo.',
  'Đơn vị đã gửi bổ sung tài liệu kiểm chứng qua Hệ thống quản lý văn bản và điều hành.',
  'Văn bản được ban hành đúng hạn; ngày trên tài liệu gửi thẩm định bị ghi nhầm.',
  'Số liệu được trích xuất lại từ Hệ thống thông tin giải quyết thủ tục hành chính ngày 15/01.',
];

export const REAPPRAISAL_ACCEPTED = 'Phúc tra: chấp nhận giải trình và tài liệu kiểm chứng bổ sung.';
export const REAPPRAISAL_KEPT = 'Phúc tra: giữ nguyên kết quả thẩm định do tài liệu bổ sung không đáp ứng yêu cầu.';

export const NOT_APPLICABLE_EXPLANATION = 'Trong năm đánh giá đơn vị không phát sinh nhiệm vụ này.';
export const MISSING_EVIDENCE_EXPLANATION = 'Tài liệu kiểm chứng đang được lưu trữ tại bộ phận chuyên môn, sẽ gửi bổ sung.';
export const AWAITING_APPRAISAL_NOTE = 'Chưa thẩm định: đơn vị đang hoàn thiện hồ sơ giải trình sau sáp nhập.';

/** Kinds of documents cited as evidence, with the abbreviation of their number. */
export const EVIDENCE_KINDS: { keyword: string; name: string; abbreviation: string }[] = [
  { keyword: 'kế hoạch', name: 'Kế hoạch', abbreviation: 'KH' },
  { keyword: 'báo cáo', name: 'Báo cáo', abbreviation: 'BC' },
  { keyword: 'ban hành', name: 'Quyết định', abbreviation: 'QĐ' },
];
export const EVIDENCE_FALLBACK = [
  { name: 'Báo cáo', abbreviation: 'BC' },
  { name: 'Quyết định', abbreviation: 'QĐ' },
  { name: 'Công văn', abbreviation: 'CV' },
];

export const ACTORS = {
  council: 'Hội đồng thẩm định Chỉ số CCHC tỉnh',
  survey: 'Tổ điều tra xã hội học',
  /** the reform focal point of a unit */
  unit: (unitName: string) => `Đầu mối CCHC - ${unitName}`,
};

export const REASONS = {
  selfAssessment: 'Đơn vị tự đánh giá, chấm điểm',
  appraisal: 'Thẩm định lần 1',
  survey: 'Kết quả điều tra xã hội học',
  explanation: 'Giải trình kết quả thẩm định',
  reappraisal: 'Phúc tra (thẩm định lần 2)',
};
