import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/framework';
import { openPdfPrinter, type PdfPrinter } from '../../../electron/print/chromium';
import { printScorecardFitted } from '../../../electron/features/print/fit';
import { printFontCss } from '../../../electron/print/fonts';
import { loadScorecardData, printScorecards, scorecardDocuments, scorecardPage } from '../../../electron/features/print/scorecards';
import type { Workspace } from '../../../electron/db/workspace';
import { formatPercent } from '../../../shared/format';
import { tempDir } from '../../helpers/tmp';
import { createReportWorkspace, LEAVES, UNIT_NAMES } from './fixture';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { yearResults } from '../../../electron/features/results/service';

const ARTIFACTS = path.resolve('tests/artifacts/reports');

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
}

/** The words of a PDF's text as one line: columns and wrapped lines joined by single spaces. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, commands, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('unit scorecards printed by Chromium', () => {
  const dir = tempDir('parw-scorecards-');
  let ws: Workspace;
  beforeAll(() => {
    ws = createReportWorkspace(dir);
  });
  afterAll(() => ws.close());

  it('prints one PDF per unit with its name, index, rank and band, one or two pages each', async () => {
    const results = yearResults(ws, 2025).blocks[0];
    const progress: string[] = [];
    const out = path.join(dir, 'per-unit');
    const printed = await printScorecards(ws, {
      year: 2025,
      selection: { blockCode: 'so' },
      outDir: out,
      issuedOn: new Date(2026, 0, 5),
      onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.unitCode}`),
    });
    expect(progress).toEqual(['1/5 S01', '2/5 S03', '3/5 S02', '4/5 S08', '5/5 S07']);
    expect(printed.files.map((f) => path.basename(f))).toEqual(results.units.map((u) => `Phieu-ket-qua-2025-so-${u.code}.pdf`));
    for (const [i, unit] of results.units.entries()) {
      const file = printed.files[i];
      const pages = pdfPages(file);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      expect(printed.pages[unit.code]).toBe(pages);
      const text = squeeze(pdfText(file));
      expect(text).toContain(unit.name);
      // printed in one batch and cut per card: titled for its unit, without the batch's marks
      expect(execFileSync('pdfinfo', [file]).toString()).toContain(`Title:           Phiếu kết quả Chỉ số CCHC 2025 — ${unit.name}`);
      const links = (await PDFDocument.load(fs.readFileSync(file))).getPages().flatMap((p) => p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []);
      expect(links).toEqual([]);
      expect(text).toContain(formatPercent(unit.index));
      expect(text).toContain(unit.band!);
      expect(text).toContain(unit.rank === null ? 'Không xếp hạng' : `${unit.rank}/4 trong khối sở`);
      expect(text).toContain('PHIẾU KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025');
      expect(text).toContain(`Trang 1/${pages}`);
    }
    const tuPhap = squeeze(pdfText(printed.files[2]));
    expect(tuPhap).toContain('Sở Tư pháp');
    expect(tuPhap).toContain('83,50%');
    expect(tuPhap).toContain('3/4 trong khối sở');
    expect(tuPhap).toContain('So với năm 2024: tăng 4,75% và tăng 1 bậc.');
    expect(tuPhap).toContain('Còn 12 hồ sơ trễ hạn chưa có văn bản xin lỗi người dân.');
    expect(tuPhap).toContain('Mẫu, ngày 05 tháng 01 năm 2026');
    // the merged department compares with the mean of its two predecessors
    expect(squeeze(pdfText(printed.files[3]))).toContain(UNIT_NAMES.S08);
    const fonts = execFileSync('pdffonts', [printed.files[2]]).toString();
    expect(fonts).toMatch(/Tinos-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/Tinos-Bold/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', printed.files[2], path.join(ARTIFACTS, 'scorecard-so-S02')]);
    expect(fs.readdirSync(ARTIFACTS).some((f) => f.startsWith('scorecard-so-S02'))).toBe(true);
  });

  it('prints one combined PDF in which every card starts a page and is numbered on its own', async () => {
    const out = path.join(dir, 'combined');
    const printed = await printScorecards(ws, { year: 2025, selection: { all: true }, outDir: out, combined: true });
    expect(printed.files).toHaveLength(1);
    const total = Object.values(printed.pages).reduce((s, n) => s + n, 0);
    expect(pdfPages(printed.files[0])).toBe(total);
    const pages = pdfText(printed.files[0]).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(total);
    const expected = yearResults(ws, 2025).blocks[0].units.flatMap((u) =>
      Array.from({ length: printed.pages[u.code] }, (_, k) => `Trang ${k + 1}/${printed.pages[u.code]}`),
    );
    expect(pages.map((p) => /Trang \d+\/\d+/.exec(p)![0])).toEqual(expected);
    const starts = pages.filter((p) => p.includes('PHIẾU KẾT QUẢ'));
    expect(starts.map((p) => yearResults(ws, 2025).blocks[0].units.find((u) => squeeze(p).includes(`NĂM 2025 ${u.name} Khối sở`))?.code)).toEqual(
      yearResults(ws, 2025).blocks[0].units.map((u) => u.code),
    );
  });

  it('sets a card with very long appraisal notes tighter until it fits on two pages', async () => {
    const crowded = createReportWorkspace(dir, 'crowded.parws');
    const longNote = (code: string) =>
      `Tiêu chí ${code}: ` + 'hồ sơ kiểm chứng chưa đầy đủ, văn bản ban hành chậm, số liệu báo cáo chưa khớp với hệ thống; '.repeat(9);
    applyScoreChanges(crowded, 
      2025,
      LEAVES.map((code) => ({ unitCode: 'S03', criterionCode: code, patch: { note: longNote(code) } })),
      { source: 'test' },
    );
    try {
      const printed = await printScorecards(crowded, { year: 2025, selection: { unitCode: 'S03' }, outDir: path.join(dir, 'crowded') });
      expect(pdfPages(printed.files[0])).toBeLessThanOrEqual(2);
      const text = squeeze(pdfText(printed.files[0]));
      expect(text).toContain('Sở Xây dựng');
      expect(text).toContain('Tiêu chí 1.1: hồ sơ kiểm chứng');
      expect(text).toMatch(/Còn \d+ ý kiến thẩm định khác không in hết trên phiếu/);
    } finally {
      crowded.close();
    }
  });

  it('measures a crowded card once and prints it with as many notes as halving by printing finds', async () => {
    const crowded = createReportWorkspace(dir, 'crowded-measured.parws');
    const note = (code: string, i: number) =>
      `Tiêu chí ${code}: ` + 'hồ sơ kiểm chứng chưa đầy đủ, văn bản ban hành chậm, số liệu báo cáo chưa khớp với hệ thống; '.repeat(6 + (i % 4));
    applyScoreChanges(crowded, 
      2025,
      LEAVES.map((code, i) => ({ unitCode: 'S03', criterionCode: code, patch: { note: note(code, i) } })),
      { source: 'test' },
    );
    const printer = await openPdfPrinter();
    try {
      const [data] = loadScorecardData(crowded, 2025, { unitCode: 'S03' });
      const calls: string[] = [];
      const counted = (measuring: boolean): PdfPrinter => ({
        lanes: 1,
        print: (html) => (calls.push('print'), printer.print(html)),
        ...(measuring ? { measure: (html, selector, width) => (calls.push('measure'), printer.measure!(html, selector, width)) } : {}),
        close: async () => {},
      });
      const assets = { fontCss: printFontCss };
      const measured = await printScorecardFitted(scorecardPage(data), assets, counted(true));
      const measuredCalls = calls.splice(0);
      const halved = await printScorecardFitted(scorecardPage(data), assets, counted(false));
      expect(measured.pages).toBeLessThanOrEqual(2);
      expect(measured.page.layout).toEqual(halved.page.layout);
      expect(measured.page.layout).toMatchObject({ compact: true, noteLimit: expect.any(Number) });
      expect(measuredCalls.filter((c) => c === 'measure')).toHaveLength(1);
      expect(measuredCalls.filter((c) => c === 'print').length).toBeLessThanOrEqual(3);
      expect(calls.length).toBeGreaterThan(measuredCalls.length);
    } finally {
      await printer.close();
      crowded.close();
    }
  });

  it('stops at a card that fails to print, with its error, whichever card of the lanes it is', async () => {
    let printed = 0;
    const failing: PdfPrinter = {
      lanes: 2,
      async print() {
        const n = ++printed;
        // the third card fails at once while the first two are still printing
        if (n === 3) throw new Error('Máy in hỏng');
        await new Promise((resolve) => setTimeout(resolve, 50));
        return Buffer.from('/Type /Page\n');
      },
      close: async () => {},
    };
    const progress: string[] = [];
    await expect(
      printScorecards(ws, {
        year: 2025,
        selection: { blockCode: 'so' },
        outDir: path.join(dir, 'failing'),
        printer: failing,
        onProgress: (p) => progress.push(p.unitCode),
      }),
    ).rejects.toThrow('Máy in hỏng');
    // the cards told as printed are the first of the ranking, each with its file; none after the failure
    const ranking = ['S01', 'S03', 'S02', 'S08', 'S07'];
    expect(progress).toEqual(ranking.slice(0, progress.length));
    expect(progress.length).toBeLessThan(ranking.length);
    const written = fs.existsSync(path.join(dir, 'failing')) ? fs.readdirSync(path.join(dir, 'failing')) : [];
    expect(written.filter((f) => !f.startsWith('.'))).toHaveLength(progress.length);
  });

  it('prints with a printer the caller owns and leaves it open for the next batch', async () => {
    const printer = await openPdfPrinter();
    try {
      const first = await printScorecards(ws, { year: 2025, selection: { unitCode: 'S01' }, outDir: path.join(dir, 'own'), printer });
      const second = await printScorecards(ws, { year: 2024, selection: { unitCode: 'S05' }, outDir: path.join(dir, 'own'), printer });
      expect(squeeze(pdfText(first.files[0]))).toContain('Sở Tài chính');
      const old = squeeze(pdfText(second.files[0]));
      expect(old).toContain('Sở Nông nghiệp và Phát triển nông thôn');
      expect(old).toContain('PHIẾU KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024');
      expect(old).toContain('Chưa có kết quả năm trước để so sánh.');
    } finally {
      await printer.close();
    }
  });

  it('gives the app one self-contained HTML document per unit', () => {
    const docs = scorecardDocuments(ws, 2025, { unitCode: 'S02' });
    expect(docs).toHaveLength(1);
    expect(docs[0].fileName).toBe('Phieu-ket-qua-2025-so-S02.pdf');
    expect(docs[0].html).toContain('url(data:font/woff2;base64,');
    expect(docs[0].html).toContain('<svg');
    expect(docs[0].html).not.toMatch(/(src|href)="(https?:|file:|\/)/);
  });

  it('runs from the command line and refuses what it cannot print', async () => {
    const file = ws.file;
    const out = path.join(dir, 'cli');
    const ok = await cli(['scorecards', file, '--year', '2025', '--unit', 'S01', '--out', out, '--chromium', '/usr/bin/chromium']);
    expect(ok.code).toBe(0);
    expect(ok.out).toBe(path.join(out, 'Phieu-ket-qua-2025-so-S01.pdf'));
    expect(ok.err).toContain('Đã in 1 phiếu kết quả');
    expect(squeeze(pdfText(ok.out))).toContain('Sở Tài chính');

    expect((await cli(['scorecards', file, '--year', '2025', '--out', out])).code).toBe(2);
    expect((await cli(['scorecards', file, '--year', '2025', '--all', '--unit', 'S01', '--out', out])).code).toBe(2);
    const unknown = await cli(['scorecards', file, '--year', '2025', '--unit', 'S99', '--out', out]);
    expect([unknown.code, unknown.err]).toEqual([1, 'Lỗi: Không có đơn vị mã "S99" trong tệp dữ liệu reports.parws.']);
    const noScores = await cli(['scorecards', file, '--year', '2024', '--unit', 'S08', '--out', out]);
    expect(noScores.code).toBe(1);
    expect(noScores.err).toContain('Sở Nông nghiệp và Môi trường (mã S08) chưa có điểm năm 2024');
    const noYear = await cli(['scorecards', file, '--year', '2019', '--all', '--out', out]);
    expect([noYear.code, noYear.err]).toEqual([1, 'Lỗi: Chưa có kỳ đánh giá năm 2019 trong tệp dữ liệu reports.parws.']);
    const badChromium = await cli(['scorecards', file, '--year', '2025', '--all', '--out', out, '--chromium', path.join(dir, 'no-chromium')]);
    expect(badChromium.code).toBe(1);
    expect(badChromium.err).toContain('Không tìm thấy trình duyệt Chromium');
    const outIsFile = path.join(dir, 'a-file.pdf');
    fs.writeFileSync(outIsFile, 'x');
    const notDir = await cli(['scorecards', file, '--year', '2025', '--all', '--out', outIsFile]);
    expect(notDir.code).toBe(1);
    expect(notDir.err).toContain('là một tệp, không phải thư mục');
  });
});
