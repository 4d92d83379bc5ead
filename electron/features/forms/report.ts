// The import report as a workbook that can be sent back to the units: one line per file (with
// the evidence received and the leaves still missing it), then every error and warning with its
// sheet and cell, and the documents tied to no leaf or named in the form but not received.
import { formatDate } from '../../../shared/format';
import { tableSheet, workbookBytes, writeWorkbook, type WorkbookSpec } from '../../excel/writer';
import type { FormImportResult, FormImportStatus } from './import';

export const STATUS_LABELS: Record<FormImportStatus, string> = {
  imported: 'Đã nhập',
  refused: 'Bị từ chối',
  unchanged: 'Đã nhập trước đó, không đổi',
};

/** The report of an import as a workbook description. */
export function importReportSpec(results: FormImportResult[], at = new Date()): WorkbookSpec {
  return {
    title: `Kết quả nhập biểu tự đánh giá ngày ${formatDate(at)}`,
    sheets: [
      tableSheet(
        'Tổng hợp',
        ['STT', 'Tệp', 'Đơn vị', 'Năm', 'Kết quả', 'Tiêu chí thay đổi', 'Số lỗi', 'Số cảnh báo', 'Cần thẩm định lại', 'Tài liệu kiểm chứng nhận được', 'Thiếu tài liệu kiểm chứng'],
        [6, 40, 36, 8, 26, 12, 10, 12, 24, 16, 30],
        results.map((r, i) => [
          i + 1,
          r.file,
          r.unitName ? `${r.unitName} (${r.unit})` : r.unit,
          r.year,
          STATUS_LABELS[r.status],
          r.changes,
          r.errors.length,
          r.warnings.length,
          r.flaggedForReappraisal.join(', ') || null,
          r.evidence ? r.evidence.files : null,
          r.missingEvidence.join(', ') || null,
        ]),
      ),
      tableSheet(
        'Chi tiết',
        ['Tệp', 'Đơn vị', 'Loại', 'Trang', 'Ô', 'Nội dung'],
        [34, 30, 12, 16, 8, 90],
        results.flatMap((r) => [
          ...r.errors.map((e) => [r.file, r.unitName, 'Lỗi', e.sheet ?? null, e.cell ?? null, e.message]),
          ...r.warnings.map((w) => [r.file, r.unitName, 'Cảnh báo', w.sheet ?? null, w.cell ?? null, w.message]),
          ...(r.evidence?.unassigned ?? []).map((name) => [r.file, r.unitName, 'Tài liệu', null, null, `Chưa gán tiêu chí: ${name}`]),
          ...(r.evidence?.notReceived ?? []).map((n) => [r.file, r.unitName, 'Tài liệu', null, null, `Tiêu chí ${n.criterion} ghi tài liệu "${n.name}" nhưng không nhận được tệp`]),
        ]),
      ),
    ],
  };
}

/** The report of an import as .xlsx bytes. */
export async function buildImportReport(results: FormImportResult[], at = new Date()): Promise<Buffer> {
  return workbookBytes(importReportSpec(results, at));
}

/** Writes the report of an import to `outFile` (.xlsx). */
export async function writeImportReport(results: FormImportResult[], outFile: string): Promise<string> {
  await writeWorkbook(importReportSpec(results), outFile);
  return outFile;
}
