// Once a year is published by decision, its outputs carry the decision's number and date and
// nothing is marked provisional: the summary workbook, the scorecards, `results --json`, the
// decision's annex and the Kết quả screen's channel. Before, and again after reopening, they
// are provisional and name no decision. Real files: the demo workspace, the command line,
// the workbook read back, the PDF printed by Chromium and read with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { createDemoWorkspace } from '../../../electron/features/demo';
import { HEADER_ROW } from '../../../electron/features/print/summary';
import { resultsHandlers } from '../../../electron/features/results/handlers';
import type { HandlerContext } from '../../../electron/features/context';
import { readWorkbookFile, sheetGrid } from '../../../electron/excel/xlsx';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';

const DECISION_LINE = 'Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh Mẫu';
const ARTIFACTS = path.resolve('tests/artifacts/reports');

interface ResultsJson {
  year: number;
  publication: { decision: string; date: string } | null;
  blocks: { code: string; name: string; units: { code: string; name: string; provisional: boolean; submitted: boolean }[] }[];
}

async function resultsJson(file: string, year: number): Promise<ResultsJson> {
  const run = await cli('results', file, '--year', String(year), '--json');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ResultsJson;
}

/** The rows above the header of every sheet of the summary workbook, and the ranking sheets' Tình trạng column. */
async function summaryOf(file: string, out: string) {
  const run = await cli('export', file, '--year', '2025', '--out', out);
  expect(run.code).toBe(0);
  const wb = await readWorkbookFile(out);
  const heads = wb.worksheets.map((s) => [1, 2, 3].map((r) => s.getCell(r, 1).value));
  const status = wb.worksheets
    .filter((s) => s.name.endsWith('Xếp hạng'))
    .flatMap((s) => {
      const col = (s.getRow(HEADER_ROW).values as unknown[]).indexOf('Tình trạng');
      return sheetGrid(s).rows.filter((r) => r.rowNumber > HEADER_ROW && typeof r.values[0] === 'number').map((r) => r.values[col - 1]);
    });
  return { heads, status };
}

async function scorecardText(file: string, unit: string, out: string): Promise<string> {
  const run = await cli('scorecards', file, '--year', '2025', '--unit', unit, '--out', out);
  expect(run.code, run.stderr).toBe(0);
  const pdf = fs.readdirSync(out).find((f) => f.endsWith('.pdf') && f.includes(unit))!;
  return execFileSync('pdftotext', [path.join(out, pdf), '-']).toString('utf8').replace(/\s+/g, ' ');
}

async function channel(file: string, year: number) {
  const ws = Workspace.open(file);
  try {
    const handlers = resultsHandlers({ workspace: () => ws } as unknown as HandlerContext);
    return await handlers['results:get']({ year });
  } finally {
    ws.close();
  }
}

describe('the outputs of a published year', () => {
  const dir = tempDir('parw-published-outputs-');
  const file = path.join(dir, 'demo.parws');
  let unit = '';

  beforeAll(() => {
    createDemoWorkspace(file);
  });

  it('before publication: no decision anywhere, the summary and the scorecard say the results are provisional', async () => {
    const json = await resultsJson(file, 2025);
    expect(json.publication).toBeNull();
    expect(Object.keys(json)).toEqual(['year', 'publication', 'blocks']);
    unit = json.blocks[0].units.find((u) => u.submitted)!.code;
    expect(await channel(file, 2025)).toMatchObject({ publication: null });

    const { heads, status } = await summaryOf(file, path.join(dir, 'truoc.xlsx'));
    for (const [title, second, third] of heads) {
      expect(title).toMatch(/ \(TẠM TÍNH\)$/);
      expect(second).toMatch(/^Tỉnh Mẫu — /);
      expect(third).toBeNull();
    }
    expect(status.every((s) => typeof s === 'string' && (s.startsWith('Tạm tính') || s === 'Chưa nộp'))).toBe(true);

    const card = await scorecardText(file, unit, path.join(dir, 'phieu-truoc'));
    expect(card).toContain('Kết quả tạm tính: kết quả năm 2025 chưa được công bố.');
    expect(card).not.toContain('Quyết định số');
  }, 120_000);

  it('once published via the command line: the decision under every title, on the scorecard, in results --json, the channel and the annex', async () => {
    const published = await cli('publish', file, '--year', '2025', '--decision', '123/QĐ-UBND', '--date', '15/01/2026', '--force');
    expect(published.code, published.stderr).toBe(0);

    const json = await resultsJson(file, 2025);
    expect(json.publication).toEqual({ decision: '123/QĐ-UBND', date: '2026-01-15' });
    expect(json.blocks.flatMap((b) => b.units).every((u) => !u.provisional)).toBe(true);
    expect((await cli('results', file, '--year', '2025')).stdout).toContain('Đã công bố theo Quyết định số 123/QĐ-UBND ngày 15/01/2026.');
    expect((await channel(file, 2025)).publication).toEqual({ decision: '123/QĐ-UBND', date: '2026-01-15' });
    // an earlier year keeps its own decision
    expect((await resultsJson(file, 2024)).publication).toEqual({ decision: '287/QĐ-UBND', date: '2025-02-10' });

    const out = path.join(dir, 'sau.xlsx');
    const { heads, status } = await summaryOf(file, out);
    for (const [title, second, third] of heads) {
      expect(title).not.toMatch(/TẠM TÍNH/);
      expect(second).toBe(DECISION_LINE);
      expect(third).toMatch(/^Tỉnh Mẫu — Chỉ số CCHC năm 2025 — Bình quân khối: /);
    }
    expect(status.every((s) => s === 'Chính thức' || s === 'Chưa nộp')).toBe(true);
    expect(status).toContain('Chính thức');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.copyFileSync(out, path.join(ARTIFACTS, 'tong-hop-cong-bo.xlsx'));

    const cards = path.join(dir, 'phieu-sau');
    const card = await scorecardText(file, unit, cards);
    expect(card).toContain('Kết quả chính thức theo Quyết định số 123/QĐ-UBND ngày 15/01/2026.');
    expect(card).not.toContain('tạm tính');
    const pdf = fs.readdirSync(cards).find((f) => f.endsWith('.pdf'))!;
    fs.copyFileSync(path.join(cards, pdf), path.join(ARTIFACTS, 'phieu-cong-bo.pdf'));

    const annex = path.join(dir, 'phu-luc.docx');
    expect((await cli('annex', file, '--year', '2025', '--out', annex)).code).toBe(0);
    const xml = execFileSync('unzip', ['-p', annex, 'word/document.xml']).toString('utf8');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(`(${DECISION_LINE})`);
    // a decision typed for the draft does not override the one the year was published by
    const typed = await cli('annex', file, '--year', '2025', '--out', annex, '--decision', '999/QĐ-UBND ngày 1/1/2026');
    expect(typed.stderr).toContain('Năm 2025 đã công bố: phụ lục ghi Quyết định đã công bố (123/QĐ-UBND), không theo --decision.');
    expect(execFileSync('unzip', ['-p', annex, 'word/document.xml']).toString('utf8')).not.toContain('999/QĐ-UBND');
  }, 180_000);

  it('reopened: no decision again, provisional again, and the annex has blanks to fill', async () => {
    expect((await cli('unpublish', file, '--year', '2025', '--reason', 'Sai số quyết định')).code).toBe(0);
    expect((await resultsJson(file, 2025)).publication).toBeNull();
    const { heads } = await summaryOf(file, path.join(dir, 'mo-lai.xlsx'));
    expect(heads.every(([title, , third]) => /\(TẠM TÍNH\)$/.test(String(title)) && third === null)).toBe(true);
    const annex = path.join(dir, 'phu-luc-nhap.docx');
    expect((await cli('annex', file, '--year', '2025', '--out', annex)).code).toBe(0);
    const xml = execFileSync('unzip', ['-p', annex, 'word/document.xml']).toString('utf8');
    expect(xml).toContain('/QĐ-UBND ngày     tháng     năm');
    expect(xml).toContain('của Ủy ban nhân dân tỉnh Mẫu)');
  }, 120_000);
});
