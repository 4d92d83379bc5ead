// The file dialogs the app asks the person for. The main process shows them with Electron's
// dialog module; the browser test harness answers them with paths the test chooses.

export type DialogPurpose =
  | 'create-workspace'
  | 'open-workspace'
  | 'backup'
  | 'backup-source'
  | 'restore-source'
  | 'restore-target'
  | 'import-units'
  | 'units-template'
  | 'framework-template'
  | 'scores-template'
  | 'import-scores'
  | 'import-published'
  | 'import-framework'
  | 'export-framework'
  | 'forms-folder'
  | 'returned-forms'
  | 'export-report'
  | 'survey-file'
  | 'survey-export'
  | 'survey-template'
  | 'survey-definition-export'
  | 'survey-definition-import'
  | 'chart-png'
  | 'chart-svg'
  | 'scorecards-folder'
  | 'summary-workbook'
  | 'council-members'
  | 'council-packages-folder'
  | 'council-returned'
  | 'analysis-report'
  | 'analysis-annex'
  | 'national-table'
  | 'petition-decisions'
  | 'notices-folder'
  | 'petitions-returned';

export interface DialogSpec {
  mode: 'open' | 'save' | 'folder';
  multiple?: boolean;
  title: string;
  filter: 'workspace' | 'spreadsheet' | 'table' | 'survey' | 'png' | 'svg' | 'word' | null;
}

export const DIALOGS: Record<DialogPurpose, DialogSpec> = {
  'create-workspace': { mode: 'save', title: 'Tạo tệp dữ liệu mới', filter: 'workspace' },
  'open-workspace': { mode: 'open', title: 'Mở tệp dữ liệu', filter: 'workspace' },
  backup: { mode: 'save', title: 'Sao lưu tệp dữ liệu', filter: 'workspace' },
  'backup-source': { mode: 'open', title: 'Chọn tệp dữ liệu cần sao lưu', filter: 'workspace' },
  'restore-source': { mode: 'open', title: 'Chọn bản sao lưu cần khôi phục', filter: 'workspace' },
  'restore-target': { mode: 'save', title: 'Khôi phục thành tệp dữ liệu', filter: 'workspace' },
  'import-units': { mode: 'open', title: 'Nhập danh sách đơn vị từ Excel', filter: 'table' },
  'units-template': { mode: 'save', title: 'Lưu tệp mẫu danh sách đơn vị', filter: 'spreadsheet' },
  'framework-template': { mode: 'save', title: 'Lưu tệp mẫu bộ chỉ số', filter: 'spreadsheet' },
  'scores-template': { mode: 'save', title: 'Lưu tệp mẫu bảng điểm', filter: 'spreadsheet' },
  'import-scores': { mode: 'open', title: 'Nhập bảng điểm từ Excel', filter: 'table' },
  'import-published': { mode: 'open', title: 'Nhập bảng kết quả đã công bố', filter: 'table' },
  'import-framework': { mode: 'open', title: 'Nhập bộ chỉ số từ Excel', filter: 'table' },
  'export-framework': { mode: 'save', title: 'Xuất bộ chỉ số ra Excel', filter: 'spreadsheet' },
  'forms-folder': { mode: 'folder', title: 'Chọn thư mục lưu biểu mẫu', filter: null },
  'returned-forms': { mode: 'open', multiple: true, title: 'Chọn các biểu mẫu đơn vị gửi về', filter: 'spreadsheet' },
  'export-report': { mode: 'save', title: 'Xuất báo cáo nhập biểu mẫu', filter: 'spreadsheet' },
  'survey-file': { mode: 'open', title: 'Chọn tệp phiếu khảo sát SIPAS', filter: 'survey' },
  'survey-export': { mode: 'save', title: 'Xuất chỉ số hài lòng ra Excel', filter: 'spreadsheet' },
  'survey-template': { mode: 'save', title: 'Lưu phiếu nhập khảo sát mẫu', filter: 'spreadsheet' },
  'survey-definition-export': { mode: 'save', title: 'Xuất bộ câu hỏi khảo sát ra Excel', filter: 'spreadsheet' },
  'survey-definition-import': { mode: 'open', title: 'Nhập bộ câu hỏi khảo sát từ Excel', filter: 'spreadsheet' },
  'chart-png': { mode: 'save', title: 'Lưu biểu đồ thành ảnh PNG', filter: 'png' },
  'chart-svg': { mode: 'save', title: 'Lưu biểu đồ thành ảnh SVG', filter: 'svg' },
  'scorecards-folder': { mode: 'folder', title: 'Chọn thư mục lưu phiếu kết quả (PDF)', filter: null },
  'summary-workbook': { mode: 'save', title: 'Xuất bảng tổng hợp kết quả ra Excel', filter: 'spreadsheet' },
  'council-members': { mode: 'open', title: 'Nhập danh sách thành viên hội đồng (Họ và tên, Cơ quan)', filter: 'table' },
  'council-packages-folder': { mode: 'folder', title: 'Chọn thư mục lưu hồ sơ thẩm định của các thành viên', filter: null },
  'council-returned': { mode: 'open', multiple: true, title: 'Chọn các hồ sơ thẩm định thành viên gửi về', filter: 'spreadsheet' },
  'analysis-report': { mode: 'save', title: 'Lưu báo cáo phân tích kết quả (Word)', filter: 'word' },
  'analysis-annex': { mode: 'save', title: 'Lưu phụ lục xếp hạng kèm Quyết định công bố (Word)', filter: 'word' },
  'national-table': { mode: 'open', title: 'Nhập bảng xếp hạng toàn quốc (Chỉ số CCHC các tỉnh, thành phố do Bộ Nội vụ công bố)', filter: 'table' },
  'petition-decisions': { mode: 'save', title: 'Xuất bảng kiến nghị và quyết định ra Excel', filter: 'spreadsheet' },
  'notices-folder': { mode: 'folder', title: 'Chọn thư mục lưu thông báo kết quả thẩm định sơ bộ', filter: null },
  'petitions-returned': { mode: 'open', multiple: true, title: 'Chọn các thông báo đơn vị gửi lại có ý kiến giải trình, kiến nghị', filter: 'spreadsheet' },
};

export const FILE_FILTERS: Record<'workspace' | 'spreadsheet' | 'table' | 'survey' | 'png' | 'svg' | 'word', { name: string; extensions: string[] }> = {
  workspace: { name: 'Tệp dữ liệu PAR Workbench', extensions: ['parws'] },
  spreadsheet: { name: 'Bảng tính Excel', extensions: ['xlsx'] },
  table: { name: 'Bảng tính Excel hoặc CSV', extensions: ['xlsx', 'csv'] },
  survey: { name: 'Dữ liệu khảo sát (Excel, CSV)', extensions: ['xlsx', 'csv'] },
  png: { name: 'Ảnh PNG', extensions: ['png'] },
  svg: { name: 'Ảnh SVG', extensions: ['svg'] },
  word: { name: 'Văn bản Word', extensions: ['docx'] },
};

/** Shows the dialog of `purpose`; the chosen paths, or null when the person cancels. */
export type PickFiles = (purpose: DialogPurpose, defaultName?: string) => Promise<string[] | null>;
