// Kiến nghị on screen: the demo's pending petitions side by side with the scores and remarks,
// one accepted with a new score (checked against the maximum first), one kept, both recorded,
// and the decisions sheet exported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getScores } from '../../electron/features/appraisal/store';
import { petitionViews } from '../../electron/features/petitions/service';
import { makePdf, writeTree } from '../integration/evidence/files';
import { fillXlsx } from '../integration/forms/helpers';
import { launchApp, stopServer, type AppUnderTest } from './harness';

describe('petitions on screen', () => {
  let app: AppUnderTest;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-petitions-e2e-'));
  const nav = (name: string) => app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();
  beforeAll(async () => {
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists pending petitions, accepts one with a new score and keeps another, each with a reason', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    await nav('Kiến nghị');
    await page.getByRole('heading', { name: 'Kiến nghị năm 2025' }).waitFor();
    const pending = page.getByTestId('pending-petitions').locator('section.petition');
    await pending.first().waitFor();
    expect(await pending.count()).toBe(5);
    await page.getByText('5 kiến nghị chờ quyết định · 0 đã quyết định').waitFor();
    await app.screenshot('petitions-pending');

    const [first, second] = petitionViews(ws, 2025);
    const card = page.getByTestId(`petition-${first.unitCode}-${first.criterionCode}`);
    await card.getByText(first.text).waitFor();
    // above the maximum: refused on screen, nothing sent
    await card.getByLabel('Điểm mới').fill('999');
    await card.getByLabel('Lý do').fill('Tài liệu bổ sung hợp lệ');
    await card.getByRole('button', { name: 'Chấp nhận' }).click();
    await card.getByText(/Điểm phải từ 0 đến/).waitFor();
    expect(petitionViews(ws, 2025)[0].decision).toBeNull();
    const score = String(first.selfScore).replace('.', ',');
    await card.getByLabel('Điểm mới').fill(score);
    await card.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByTestId('message').filter({ hasText: `Đã chấp nhận kiến nghị của ${first.unitName} về tiêu chí ${first.criterionCode}` }).waitFor();
    expect(getScores(ws, 2025, { unitCode: first.unitCode }).find((s) => s.criterionCode === first.criterionCode)!.appraisedScore).toBe(first.selfScore);

    const other = page.getByTestId(`petition-${second.unitCode}-${second.criterionCode}`);
    await other.getByLabel('Lý do').fill('Tài liệu không chứng minh được kết quả');
    await other.getByRole('button', { name: 'Giữ nguyên' }).click();
    await page.getByTestId('message').filter({ hasText: `Đã giữ nguyên điểm tiêu chí ${second.criterionCode}` }).waitFor();
    await page.getByText('3 kiến nghị chờ quyết định · 2 đã quyết định').waitFor();
    const decided = petitionViews(ws, 2025).filter((p) => p.decision !== null);
    expect(decided.map((p) => [p.decision, p.reason])).toEqual([
      ['accept', 'Tài liệu bổ sung hợp lệ'],
      ['keep', 'Tài liệu không chứng minh được kết quả'],
    ]);
    expect(await page.getByTestId('decided-petitions').locator('tbody tr').count()).toBe(2);
    await app.screenshot('petitions-decided');

    // the decisions sheet: every petition with its decision
    const out = path.join(dir, 'quyet-dinh');
    app.dialogs['petition-decisions'] = [out];
    await page.getByRole('button', { name: 'Xuất bảng quyết định (.xlsx)…' }).click();
    await page.getByTestId('message').filter({ hasText: `Đã xuất 5 kiến nghị và quyết định ra ${out}.xlsx.` }).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${out}.xlsx`);
    const sheet = wb.getWorksheet('Kiến nghị')!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).getCell(12).value).toBe(`Chấp nhận, điểm thẩm định mới ${String(first.selfScore).replace('.', ',')}`);
    expect(sheet.getRow(2).getCell(13).value).toBe('Tài liệu bổ sung hợp lệ');
    expect(sheet.getRow(3).getCell(12).value).toBe('Giữ nguyên điểm thẩm định');
    expect(sheet.getRow(4).getCell(12).value).toBe('Chưa quyết định');
  });

  it('writes the notices into a folder and takes a returned one back as a petition', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const folder = path.join(dir, 'thong-bao');
    fs.mkdirSync(folder);
    app.dialogs['notices-folder'] = [folder];
    await page.getByRole('button', { name: 'Lập thông báo sơ bộ…' }).click();
    await page.getByTestId('message').filter({ hasText: /Đã lập \d+ thông báo kết quả thẩm định sơ bộ/ }).waitFor({ timeout: 60_000 });
    // a department's notice, its first open row filled the way a spreadsheet program saves it
    const notice = path.join(folder, '2025_thong-bao_SYT.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(notice);
    const sheet = wb.getWorksheet('Kết quả thẩm định')!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (!row && r.getCell(7).protection?.locked === false) row = n;
    });
    expect(row).toBeGreaterThan(7);
    const criterion = String(sheet.getRow(row).getCell(1).value);
    const filled = path.join(dir, 'SYT-tra-loi.xlsx');
    fillXlsx([{ src: notice, dst: filled, sheet: 'Kết quả thẩm định', cells: { [`G${row}`]: 'Đơn vị đề nghị xem xét lại', [`H${row}`]: 'Báo cáo bổ sung.pdf' } }], dir);
    // the document it names, in a folder beside the returned notice
    writeTree(path.join(dir, 'SYT-tra-loi'), { 'Báo cáo bổ sung.pdf': makePdf(2, 'Bao cao bo sung') });
    app.dialogs['petitions-returned'] = [filled];
    await page.getByRole('button', { name: 'Nhận kiến nghị…' }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã xử lý 1 thông báo: 1 kiến nghị, 1 tài liệu bổ sung.' }).waitFor();
    await page.getByTestId('petition-report').getByText('Đã nhận').waitFor();
    const card = page.getByTestId(`petition-SYT-${criterion}`);
    await card.getByText('Đơn vị đề nghị xem xét lại').waitFor();
    expect(petitionViews(ws, 2025).find((p) => p.unitCode === 'SYT' && p.criterionCode === criterion)).toMatchObject({ evidence: 'Báo cáo bổ sung.pdf', decision: null });
    // the document is read beside the petition, page by page
    await card.getByTestId('petition-documents').getByRole('button', { name: 'Báo cáo bổ sung.pdf' }).click();
    const viewer = page.getByTestId('evidence-viewer');
    await viewer.getByTestId('evidence-page').filter({ hasText: 'Trang 1 / 2' }).waitFor();
    await viewer.getByRole('button', { name: 'Trang sau' }).click();
    await viewer.getByTestId('evidence-page').filter({ hasText: 'Trang 2 / 2' }).waitFor();
    await app.screenshot('petitions-imported');
  });
});
