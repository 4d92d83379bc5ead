// What a printed scorecard may contain and do: typed text stays text (escaped by React, by
// ECharts in the chart), the printer runs no script and fetches nothing, and the fonts are in
// before the page is printed, with script off.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../electron/print/charts';
import { HEADLESS_CHROMIUM_ARGS, findChromium, openPdfPrinter } from '../../../electron/print/chromium';
import { printFontCss } from '../../../electron/print/fonts';
import { PRINT_CONTENT_SECURITY_POLICY, withPrintPolicy } from '../../../electron/print/policy';
import { printScorecards, scorecardDocuments } from '../../../electron/features/print/scorecards';
import type { Workspace } from '../../../electron/db/workspace';
import { scorecardFieldsOption } from '../../../shared/print';
import { tempDir } from '../../helpers/tmp';
import { createReportWorkspace, frameworkNodes } from './fixture';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { saveFramework } from '../../../electron/features/framework/service';
import { upsertUnits } from '../../../electron/features/units/service';
import { setSetting } from '../../../electron/features/workspace/store';
import { yearResults } from '../../../electron/features/results/service';

const EVIL_UNIT = '<img src=x onerror=alert(1)>';
const EVIL_TITLE = 'Tỷ lệ hồ sơ </style><script>alert(1)</script> đúng hạn';
const EVIL_NOTE = '"><svg onload=alert(2)> Còn hồ sơ trễ hạn & chưa xin lỗi';
const EVIL_PROVINCE = 'Tỉnh <b>Mẫu</b>';

function flatText(file: string): string {
  return execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

function fontsOf(file: string): string[] {
  return execFileSync('pdffonts', [file])
    .toString()
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: HEADLESS_CHROMIUM_ARGS });
});
afterAll(() => browser.close());

/** What Chromium's own parser makes of a document, read with script off in the page. */
async function parsed(html: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        live: all.filter((e) => ['script', 'img', 'iframe', 'object', 'embed'].includes(e.localName)).map((e) => e.localName),
        handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => name.startsWith('on')),
        svgs: document.querySelectorAll('svg').length,
        title: document.title,
        unitName: document.querySelector('.unit-name')?.textContent ?? null,
        agency: document.querySelector('.agency .upper')?.textContent ?? null,
        losses: document.querySelector('table.losses')?.textContent ?? '',
        notes: [...document.querySelectorAll('ul.notes li')].map((li) => li.textContent),
        chartTexts: [...document.querySelectorAll('.chart svg text')].map((t) => t.textContent),
      };
    });
  } finally {
    await context.close();
  }
}

describe('a scorecard whose names and notes hold markup', () => {
  const dir = tempDir('parw-scorecard-safety-');
  let ws: Workspace;
  beforeAll(() => {
    ws = createReportWorkspace(dir);
    setSetting(ws, 'province', EVIL_PROVINCE);
    upsertUnits(ws, [{ code: 'S02', name: EVIL_UNIT, blockCode: 'so' }]);
    saveFramework(ws, { year: 2025, blockCode: 'so', nodes: frameworkNodes().map((n) => (n.code === '2.2' ? { ...n, title: EVIL_TITLE } : n)) });
    applyScoreChanges(ws, 2025, [{ unitCode: 'S02', criterionCode: '2.2', patch: { note: EVIL_NOTE } }], { source: 'test' });
  });
  afterAll(() => ws.close());

  it('has ECharts escape the labels of the chart it draws', () => {
    const svg = renderChartSvg(
      scorecardFieldsOption(
        { ...yearResults(ws, 2025).blocks[0].units[0], name: EVIL_UNIT, fields: [{ code: '</text><script>', title: 't', score: 1, max: 2, index: 50, rank: null, previous: null, deltaIndex: null, deltaRank: null }] },
        new Map(),
        'Khối <b>sở</b>',
      ),
      620,
      185,
    );
    expect(svg).not.toMatch(/<(img|script|b)[\s>]/i);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
  });

  it('keeps every typed text as text: no element or handler of its own reaches the document', async () => {
    const [card] = scorecardDocuments(ws, 2025, { unitCode: 'S02' });
    // the typed text is there as text only ("onerror=" included, between &lt; and &gt;)
    expect(/<(img|script|iframe)[\s>]/i.test(card.html)).toBe(false);
    expect(card.html.includes('<b>Mẫu</b>')).toBe(false);
    expect(card.html.includes('&lt;img src=x onerror=alert(1)&gt;')).toBe(true);
    const doc = await parsed(withPrintPolicy(card.html));
    expect(doc.live).toEqual([]);
    expect(doc.handlers).toEqual([]);
    expect(doc.svgs).toBe(1);
    expect(doc.title).toBe(`Phiếu kết quả Chỉ số CCHC 2025 — ${EVIL_UNIT}`);
    expect(doc.unitName).toBe(EVIL_UNIT);
    expect(doc.agency).toBe(`Ủy ban nhân dân ${EVIL_PROVINCE}`);
    expect(doc.losses).toContain(EVIL_TITLE);
    expect(doc.notes).toContain(`2.2 ${EVIL_TITLE}: ${EVIL_NOTE}`);
    expect(doc.chartTexts).toContain(EVIL_UNIT);
  });

  it('prints those texts as they were typed', async () => {
    const printed = await printScorecards(ws, { year: 2025, selection: { unitCode: 'S02' }, outDir: path.join(dir, 'pdf') });
    const text = flatText(printed.files[0]);
    expect(text).toContain(EVIL_UNIT);
    expect(text).toContain(EVIL_NOTE);
    expect(text).toContain('Tỷ lệ hồ sơ </style><script>alert(1)</script>');
  });
});

describe('the Chromium printer', () => {
  const dir = tempDir('parw-print-sandbox-');
  let server: http.Server;
  const requests: string[] = [];
  let origin = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // the script and the image come before the head, so the policy in the head cannot stop them:
  // only the printer's own settings can
  const hostile = () =>
    `<!DOCTYPE html><script>document.write('<p>SCRIPT RAN</p>')</script><img src="${origin}/image.png">` +
    `<link rel="stylesheet" href="${origin}/style.css"><head></head><body><p>Trang in thử</p>` +
    `<iframe src="${origin}/frame.html"></iframe></body>`;

  it('runs no script and fetches nothing, even where the document does not forbid it', async () => {
    const printer = await openPdfPrinter();
    const file = path.join(dir, 'hostile.pdf');
    try {
      fs.writeFileSync(file, await printer.print(hostile()));
    } finally {
      await printer.close();
    }
    const text = flatText(file);
    expect(text).toContain('Trang in thử');
    expect(text).not.toContain('SCRIPT RAN');
    expect(requests).toEqual([]);
  });

  it('is what stops them: the same document with script on and the network open runs and fetches', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(hostile(), { waitUntil: 'load' });
      expect(await page.textContent('body')).toContain('SCRIPT RAN');
    } finally {
      await context.close();
    }
    expect(requests.length).toBeGreaterThan(0);
  });

  it('gives every document the print policy, first in its head', () => {
    expect(PRINT_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:");
    const html = withPrintPolicy('<!DOCTYPE html><html><head><style>p{}</style></head><body></body></html>');
    expect(html).toBe(
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}"><style>p{}</style></head><body></body></html>`,
    );
  });
});

describe('the fonts a document carries', () => {
  const faces = (css: string) => [...css.matchAll(/font-style: (\w+); font-weight: (\d+);[^}]*unicode-range: U\+(\w+)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

  it('are the faces Chromium would load for its text: Latin and Vietnamese, Latin Extended only when needed', () => {
    expect(faces(printFontCss()).length).toBe(12);
    // Vietnamese letters are in the Latin Extended file too; the Vietnamese face, declared last, is the one used
    const vietnamese = faces(printFontCss('Phiếu kết quả — Đồng Đăng, Ư Ơ ă'));
    expect(vietnamese).toHaveLength(8);
    expect(vietnamese.filter((f) => f.endsWith('0000'))).toHaveLength(4);
    expect(vietnamese.filter((f) => f.endsWith('0102'))).toHaveLength(4);
    expect(faces(printFontCss('Şırnak')).filter((f) => f.endsWith('0100'))).toHaveLength(4);
    expect(faces(printFontCss('abc'))).toHaveLength(4);
  });
});

describe('fonts with script off', () => {
  const dir = tempDir('parw-print-fonts-');
  let ws: Workspace;
  beforeAll(() => {
    ws = createReportWorkspace(dir);
  });
  afterAll(() => ws.close());

  it("are loaded once the load event has fired, without asking the page (as Electron's print window prints)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      for (const card of scorecardDocuments(ws, 2025, { blockCode: 'so' })) {
        await page.setContent(withPrintPolicy(card.html), { waitUntil: 'load' });
        const file = path.join(dir, card.fileName);
        fs.writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
        expect(flatText(file)).toContain(card.unitName);
        const fonts = fontsOf(file);
        expect(fonts.length).toBeGreaterThan(0);
        expect(fonts.every((f) => /^Tinos-(Regular|Bold|Italic|BoldItalic)$/.test(f))).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});
