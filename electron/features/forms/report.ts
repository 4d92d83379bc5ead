// The import report as a workbook that can be sent back to the units: one line per file,
// then every error and warning with its sheet and cell.
import fs from 'node:fs';
import path from 'node:path';
import { formatDate } from '../../../shared/format';
import { ExcelJS } from '../../excel/xlsx';
import type { FormImportResult, FormImportStatus } from './import';

const FONT = 'Times New Roman';

export const STATUS_LABELS: Record<FormImportStatus, string> = {
  imported: 'Đã nhập',
  refused: 'Bị từ chối',
  unchanged: 'Đã nhập trước đó, không đổi',
};

function addTable(sheet: ExcelJS.Worksheet, headers: string[], widths: number[], rows: (string | number | null)[][]): void {
  sheet.columns = headers.map((h, i) => ({ header: h, width: widths[i] }));
  for (const r of rows) sheet.addRow(r);
  sheet.eachRow((row, n) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 12, bold: n === 1 };
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
}

/** The report of an import as .xlsx bytes. */
export async function buildImportReport(results: FormImportResult[], at = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Workbench';
  wb.title = `Kết quả nhập biểu tự đánh giá ngày ${formatDate(at)}`;
  const summary = wb.addWorksheet('Tổng hợp');
  addTable(
    summary,
    ['STT', 'Tệp', 'Đơn vị', 'Năm', 'Kết quả', 'Số thay đổi', 'Số lỗi', 'Số cảnh báo', 'Cần thẩm định lại'],
    [6, 40, 36, 8, 26, 12, 10, 12, 24],
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
    ]),
  );
  const details = wb.addWorksheet('Chi tiết');
  addTable(
    details,
    ['Tệp', 'Đơn vị', 'Loại', 'Trang', 'Ô', 'Nội dung'],
    [34, 30, 12, 16, 8, 90],
    results.flatMap((r) => [
      ...r.errors.map((e) => [r.file, r.unitName, 'Lỗi', e.sheet ?? null, e.cell ?? null, e.message]),
      ...r.warnings.map((w) => [r.file, r.unitName, 'Cảnh báo', w.sheet ?? null, w.cell ?? null, w.message]),
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the report of an import to `outFile` (.xlsx). */
export async function writeImportReport(results: FormImportResult[], outFile: string): Promise<string> {
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  fs.writeFileSync(outFile, await buildImportReport(results));
  return outFile;
}
