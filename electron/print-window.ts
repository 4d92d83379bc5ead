// Scorecards printed by Electron's printToPDF: each document is loaded in one hidden,
// sandboxed window and printed once its fonts have loaded. The documents are self-contained
// (fonts as data: URLs, inline styles, SVG charts), so the window's policy allows only that.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from './print/chromium';

/** No script, no request: inline styles, fonts and images from data: URLs only. */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** The document with the print policy as the first thing in its head. */
export function withPrintPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + meta) : meta + html;
}

export async function openElectronPrinter(): Promise<PdfPrinter> {
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'parw-print-'));
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      partition: 'parw-print',
    },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  let printed = 0;
  return {
    async print(html) {
      // a file, not a data: URL: the inlined fonts make documents larger than a URL may be
      const file = path.join(folder, `phieu-${++printed}.html`);
      await fs.promises.writeFile(file, withPrintPolicy(html), 'utf8');
      try {
        await win.loadFile(file);
        await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
        return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await fs.promises.rm(file, { force: true });
      }
    },
    async close() {
      if (!win.isDestroyed()) win.destroy();
      await fs.promises.rm(folder, { recursive: true, force: true });
    },
  };
}
