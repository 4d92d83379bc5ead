// The drafted report and annex: real .docx files, converted by LibreOffice to PDF, with A4
// pages, the margins of Nghị định 30/2020 (top 20, left 30, right 15 mm), Times New Roman named
// in the document, a header row that repeats, page numbers from page 2, and the figures of
// `results --json` and `analysis` in their text.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../../shared/format';
import { cli } from '../../helpers/cli';
import { writeCsv, writeXlsx } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { csvRows, MAXIMA, ROMANS, workbookRows } from './national-fixture';

const MM = 72 / 25.4;
/** Where the pages are kept to be looked at (absent on a fresh clone). */
const PAGES = path.resolve('tests/artifacts/screenshots');
let dir: string;
let ws: string;

const xmlOf = (docx: string) => execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString('utf8');
/** The text of the document's runs, in order. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

function toPdf(docx: string): string {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.dirname(docx), docx], { stdio: 'pipe', timeout: 120_000 });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  expect(fs.existsSync(pdf)).toBe(true);
  return pdf;
}

/** Words with their boxes on each page, from pdftotext -bbox. */
function words(pdf: string): { page: number; xMin: number; yMin: number; xMax: number; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-']).toString('utf8');
  const out: { page: number; xMin: number; yMin: number; xMax: number; text: string }[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] });
  }
  return out;
}

beforeAll(async () => {
  fs.mkdirSync(PAGES, { recursive: true });
  dir = tempDir();
  ws = path.join(dir, 'demo.parws');
  expect((await cli('demo', ws)).code).toBe(0);
  // the constructed national tables stand for 2024 and 2025 here
  const a = await writeXlsx(dir, 'n2024.xlsx', workbookRows(2020));
  const b = writeCsv(dir, 'n2025.csv', csvRows(2021));
  expect((await cli('national', 'import', ws, '--year', '2024', a, '--ours', 'Lạng Sơn')).code).toBe(0);
  const max = ROMANS.map((r, i) => `${r}=${String(MAXIMA[i]).replace('.', ',')}`).join(';');
  expect((await cli('national', 'import', ws, '--year', '2025', b, '--max', max)).code).toBe(0);
}, 120_000);

describe('report', () => {
  it('writes an A4 report in the official layout whose text holds the national and block figures', async () => {
    const out = path.join(dir, 'bao-cao.docx');
    const run = await cli('report', ws, '--year', '2025', '--out', out);
    expect(run.code).toBe(0);
    const xml = xmlOf(out);
    const text = textOf(xml);
    // the seed sentence, from the national tables
    expect(text).toContain('87,11%, xếp hạng 23/63, tăng 3,31% và tăng 13 bậc so với năm 2024');
    expect(text).toContain('có 5/8 lĩnh vực tăng điểm');
    // each block's average as results --json gives it
    const results = JSON.parse((await cli('results', ws, '--year', '2025', '--json')).stdout) as { blocks: { name: string; average: number }[] };
    for (const b of results.blocks) expect(text).toContain(`đạt ${formatPercent(b.average)}`);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Đề xuất, kiến nghị');
    // layout: A4, margins 20/20/30/15 mm, Times New Roman, header rows repeated, no page number on page 1
    expect(/<w:pgSz [^>]*>/.exec(xml)?.[0]).toBe('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(/<w:pgMar [^>]*>/.exec(xml)?.[0]).toMatch(/^<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(xml.includes('<w:titlePg/>')).toBe(true);
    expect(xml.includes('<w:tblHeader/>')).toBe(true);
    expect(xml.includes('<w:drawing>')).toBe(true);
    // every run names Times New Roman, body text 14 pt
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(xml.includes('<w:sz w:val="28"/>')).toBe(true);
    const pdf = toPdf(out);
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const w = words(pdf);
    const body = w.filter((x) => x.page === 1);
    expect(Math.min(...body.map((x) => x.xMin))).toBeGreaterThanOrEqual(30 * MM - 1);
    expect(Math.max(...body.map((x) => x.xMax))).toBeLessThanOrEqual(595.3 - 15 * MM + 1);
    expect(Math.min(...body.map((x) => x.yMin))).toBeGreaterThanOrEqual(20 * MM - 1);
    // page 2 carries its number at the top, page 1 none
    expect(w.some((x) => x.page === 2 && x.text === '2' && x.yMin < 20 * MM)).toBe(true);
    expect(w.some((x) => x.page === 1 && x.text === '1' && x.yMin < 20 * MM)).toBe(false);
    const pdfText = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(pdfText).toContain('xếp hạng 23/63');
    expect(execFileSync('pdffonts', [pdf]).toString()).toMatch(/Serif|Times|Tinos/);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdf, path.join(PAGES, 'analysis-report')]);
  }, 180_000);
});

describe('annex', () => {
  it('writes a landscape A4 annex with each block’s ranking table and field indices, as results --json has them', async () => {
    const out = path.join(dir, 'phu-luc.docx');
    const run = await cli('annex', ws, '--year', '2025', '--out', out, '--decision', '45/QĐ-UBND ngày 20/3/2026');
    expect(run.code).toBe(0);
    const xml = xmlOf(out);
    const text = textOf(xml);
    expect(text).toContain('Kèm theo Quyết định số 45/QĐ-UBND ngày 20/3/2026');
    const results = JSON.parse((await cli('results', ws, '--year', '2025', '--json')).stdout) as {
      blocks: { units: { name: string; index: number; fields: { index: number }[] }[] }[];
    };
    for (const b of results.blocks) {
      const first = b.units[0];
      expect(text).toContain(first.name);
      expect(text).toContain(formatPercent(first.index).replace('%', ''));
      expect(text).toContain(formatPercent(first.fields[0].index).replace('%', ''));
    }
    expect(/<w:pgSz [^>]*>/.exec(xml)?.[0]).toBe('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(xml.includes('<w:tblHeader/>')).toBe(true);
    const pdf = toPdf(out);
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, path.join(PAGES, 'analysis-annex')]);
  }, 180_000);
});
