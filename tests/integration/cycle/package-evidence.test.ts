// A council member reads the evidence in the package (and the unit in its preliminary notice): each row's "Tài liệu kiểm chứng" holds the
// unit's words, the names of the files received for the leaf, and "Thiếu tài liệu kiểm chứng"
// where a claimed, evidence-required leaf has none.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { assign, saveMember } from '../../../electron/features/council/service';
import { PACKAGE_HEADERS, PACKAGE_SHEET } from '../../../electron/features/council/packages';
import { importEvidence } from '../../../electron/features/evidence/service';
import { NOTICE_HEADER_ROW, NOTICE_SHEET } from '../../../electron/features/petitions/notices';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { makePdf, writeTree } from '../evidence/files';
import { createTestWorkspace } from '../forms/helpers';

describe('evidence in council packages', () => {
  it('names the files received per row and flags the claimed leaves without them', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.parws');
    const ws = createTestWorkspace(file);
    applyScoreChanges(
      ws,
      2025,
      [
        { unitCode: 'SNV', criterionCode: '1.1.1', patch: { selfScore: 1, evidence: 'Kế hoạch số 5/KH-SNV' } },
        { unitCode: 'SNV', criterionCode: '1.1.2', patch: { selfScore: 2 } },
      ],
      { source: 'form-import', actor: 'Biểu mẫu' },
    );
    await importEvidence(ws, writeTree(path.join(dir, 'SNV-2025'), { '1.1.2/Báo cáo kết quả.pdf': makePdf(1) }), { year: 2025 });
    saveMember(ws, { name: 'Nguyễn Văn An', organisation: 'Sở Tư pháp' });
    assign(ws, { year: 2025, blockCode: 'so', member: 'Nguyễn Văn An', criteria: ['I'], units: ['SNV'] });
    ws.close();
    const out = path.join(dir, 'goi');
    expect((await cli('council', 'packages', file, '--year', '2025', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '2025_hoi-dong_nguyen-van-an.xlsx'));
    const sheet = wb.getWorksheet(PACKAGE_SHEET)!;
    const header = sheet.getRows(1, 20)!.find((r) => r.getCell(1).value === PACKAGE_HEADERS[0])!;
    const evidenceCol = PACKAGE_HEADERS.indexOf('Tài liệu kiểm chứng') + 1;
    const cellOf = (code: string) => {
      for (let n = header.number + 1; n <= sheet.rowCount; n++) if (sheet.getRow(n).getCell(3).value === code) return sheet.getRow(n).getCell(evidenceCol).value;
      throw new Error(`no row ${code}`);
    };
    expect(cellOf('1.1.1')).toBe('Kế hoạch số 5/KH-SNV\nThiếu tài liệu kiểm chứng');
    expect(cellOf('1.1.2')).toBe('Tệp đã nhận: Báo cáo kết quả.pdf');
    expect(cellOf('1.2')).toBeNull();

    // the preliminary notice keeps its exact columns: the same words ride as a note on the criterion's text
    const notice = path.join(dir, 'SNV.xlsx');
    expect((await cli('notices', file, '--year', '2025', '--unit', 'SNV', '--out', notice)).code).toBe(0);
    const nb = new ExcelJS.Workbook();
    await nb.xlsx.readFile(notice);
    const ns = nb.getWorksheet(NOTICE_SHEET)!;
    const noteOf = (code: string) => {
      for (let n = NOTICE_HEADER_ROW + 1; n <= ns.rowCount; n++) {
        if (ns.getRow(n).getCell(1).value !== code) continue;
        const note = ns.getRow(n).getCell(2).note;
        return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      }
      throw new Error(`no row ${code}`);
    };
    expect(noteOf('1.1.1')).toBe('Thiếu tài liệu kiểm chứng');
    expect(noteOf('1.1.2')).toBe('Tài liệu kiểm chứng đã nhận: Báo cáo kết quả.pdf');
    expect(noteOf('1.2')).toBe('');
  });
});
