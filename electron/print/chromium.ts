// Printing HTML to PDF with a system Chromium through playwright-core: the command line, the
// tests and the browser-driven app tests print this way; the desktop app prints the same
// documents with Electron's printToPDF (electron/print-window.ts), the same engine.
// Script is off and every request but a data: URL is refused: a printed document only shows itself.
import fs from 'node:fs';
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { UserError } from '../../shared/errors';
import { allowPrintRequest, withPrintPolicy } from './policy';
import { workerPool } from './pool';

/** Chromium without a sandbox, GPU or any network chatter: it only renders local documents here. */
export const HEADLESS_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The Chromium to print with: the given path, else PAR_CHROMIUM, else a usual install location. */
export function findChromium(given?: string): string {
  if (given) {
    if (!fs.existsSync(given)) {
      throw new UserError(`Không tìm thấy trình duyệt Chromium tại "${given}"; hãy kiểm tra đường dẫn --chromium.`);
    }
    return given;
  }
  const fromEnv = process.env.PAR_CHROMIUM;
  const found = [fromEnv, ...CHROMIUM_CANDIDATES].find((p): p is string => !!p && fs.existsSync(p));
  if (!found) {
    throw new UserError(
      'Không tìm thấy trình duyệt Chromium/Chrome để in PDF; hãy cài Chromium hoặc chỉ đường dẫn bằng tùy chọn --chromium.',
    );
  }
  return found;
}

/** Counts the pages of a PDF written by Chromium (Skia writes each page dictionary in clear). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** An element of a laid-out document: its tag and where it starts and ends, in CSS pixels from the top. */
export interface MeasuredBox {
  tag: string;
  top: number;
  bottom: number;
}

/**
 * The page's globals that the functions run inside the page use. This file is typed for Node
 * (no DOM), and those functions are sent to Chromium as text, so they reach them this way.
 */
interface InPage {
  document: {
    fonts: { ready: Promise<unknown> };
    documentElement: { style: { width: string } };
    querySelectorAll(selector: string): Iterable<{ localName: string; getBoundingClientRect(): { top: number; bottom: number } }>;
  };
  scrollY: number;
}

export interface PdfPrinter {
  /** how many documents it works on at once: a batch keeps that many print() or measure() calls pending */
  readonly lanes: number;
  /** A4 PDF bytes of a self-contained HTML document, printed once its fonts have loaded. */
  print(html: string): Promise<Buffer>;
  /**
   * Lays the document out `width` CSS pixels wide (the printed width), without printing, and gives
   * the boxes of the elements `selector` matches, in document order. Absent from a printer that
   * cannot look into its page (Electron's print window runs with script off).
   */
  measure?(html: string, selector: string, width: number): Promise<MeasuredBox[]>;
  close(): Promise<void>;
}

/** Pages printing at once: two on two cores (one lays a card out while the other writes a PDF), three on more. */
const DEFAULT_LANES = Math.min(3, Math.max(2, os.availableParallelism()));

/** A printer on its way: Chromium starts while the caller prepares its documents. */
export interface StartingPdfPrinter {
  /** settles once Chromium is being launched (or could not be): work done then overlaps its start */
  launching: Promise<void>;
  /** the printer, once its first page is open (the other pages join as they open) */
  ready: Promise<PdfPrinter>;
}

/** Starts a headless Chromium that prints HTML documents, offline, with script off. */
export function startPdfPrinter(options: { chromiumPath?: string; lanes?: number } = {}): StartingPdfPrinter {
  let launched = () => {};
  const launching = new Promise<void>((resolve) => (launched = resolve));
  const ready = (async () => {
    try {
      const executablePath = findChromium(options.chromiumPath);
      // loaded on first use: the app prints with Electron and never needs it
      const { chromium } = await import('playwright-core');
      const starting = chromium.launch({ executablePath, headless: true, args: HEADLESS_CHROMIUM_ARGS });
      launched();
      let browser: Browser;
      try {
        browser = await starting;
      } catch (e) {
        throw new UserError(`Không khởi động được trình duyệt tại "${executablePath}" để in PDF: ${(e as Error).message.split('\n')[0]}`);
      }
      return await printerOn(browser, Math.max(1, options.lanes ?? DEFAULT_LANES));
    } finally {
      launched();
    }
  })();
  // the caller takes the outcome when it needs the printer, perhaps after a failure of its own
  ready.catch(() => undefined);
  return { launching, ready };
}

export function openPdfPrinter(options: { chromiumPath?: string; lanes?: number } = {}): Promise<PdfPrinter> {
  return startPdfPrinter(options).ready;
}

async function printerOn(browser: Browser, lanes: number): Promise<PdfPrinter> {
  const openPage = async (): Promise<Page> => {
    // one context per page: each document gets a renderer process of its own
    const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => (allowPrintRequest(route.request().url()) ? route.continue() : route.abort()));
    return context.newPage();
  };
  const pool = workerPool<Page>();
  try {
    pool.add(await openPage());
  } catch (e) {
    await browser.close();
    throw e;
  }
  // the first document prints while the other pages open; one that cannot open is done without
  for (let i = 1; i < lanes; i++) openPage().then(pool.add, () => undefined);
  const load = async (page: Page, html: string) => {
    await page.setContent(withPrintPolicy(html), { waitUntil: 'load' });
    // Playwright evaluates through the DevTools protocol, which the page's script switch does not
    // stop; the document itself runs nothing. The load event already waits for the fonts that
    // layout asked for (Electron's print window relies on that alone); this makes it certain here.
    await page.evaluate(() => (globalThis as unknown as InPage).document.fonts.ready.then(() => undefined));
  };
  return {
    lanes,
    print: (html) =>
      pool.run(async (page) => {
        await load(page, html);
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      }),
    measure: (html, selector, width) =>
      pool.run(async (page) => {
        await load(page, html);
        return page.evaluate(
          ({ selector, width }) => {
            const { document, scrollY } = globalThis as unknown as InPage;
            document.documentElement.style.width = `${width}px`;
            return [...document.querySelectorAll(selector)].map((element) => {
              const box = element.getBoundingClientRect();
              return { tag: element.localName, top: box.top + scrollY, bottom: box.bottom + scrollY };
            });
          },
          { selector, width },
        );
      }),
    async close() {
      await browser.close();
    },
  };
}
