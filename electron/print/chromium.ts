// Printing HTML to PDF with a system Chromium through playwright-core: the same engine as
// Electron's printToPDF, which the app uses with the same HTML.
import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';

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
import { UserError } from '../../shared/errors';

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

export interface PdfPrinter {
  /** A4 PDF bytes of a self-contained HTML document, printed after its fonts have loaded. */
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Starts a headless Chromium that prints HTML documents, offline. */
export async function openPdfPrinter(options: { chromiumPath?: string } = {}): Promise<PdfPrinter> {
  const executablePath = findChromium(options.chromiumPath);
  // loaded on first use: the app prints with Electron and never needs it at start-up
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: HEADLESS_CHROMIUM_ARGS,
    });
  } catch (e) {
    throw new UserError(`Không khởi động được trình duyệt tại "${executablePath}" để in PDF: ${(e as Error).message.split('\n')[0]}`);
  }
  const context: BrowserContext = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled: true, offline: true });
  // the document is self-contained; nothing may be fetched
  await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  const page = await context.newPage();
  return {
    async print(html: string) {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => undefined)');
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    },
    async close() {
      await browser.close();
    },
  };
}
