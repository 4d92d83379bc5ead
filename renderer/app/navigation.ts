// The pages of the sidebar, in its order.
export type PageKey = 'overview' | 'framework' | 'units' | 'forms' | 'appraisal' | 'progress' | 'council' | 'petitions' | 'results' | 'compare' | 'survey' | 'settings';

export const PAGES: { key: PageKey; label: string }[] = [
  { key: 'overview', label: 'Tổng quan' },
  { key: 'framework', label: 'Bộ chỉ số' },
  { key: 'units', label: 'Đơn vị' },
  { key: 'forms', label: 'Biểu mẫu' },
  { key: 'appraisal', label: 'Thẩm định' },
  { key: 'progress', label: 'Tiến độ' },
  { key: 'council', label: 'Hội đồng' },
  { key: 'petitions', label: 'Kiến nghị' },
  { key: 'results', label: 'Kết quả' },
  { key: 'compare', label: 'So sánh' },
  { key: 'survey', label: 'Khảo sát SIPAS' },
  { key: 'settings', label: 'Cài đặt' },
];
