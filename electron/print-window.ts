// Scorecards printed by Electron's printToPDF in the desktop app (the command line and the tests
// print the same documents with Chromium through playwright-core, the same engine). Documents
// are served from memory as app://print/… in a session of their own, which refuses every other
// request and every permission; the hidden windows run no script. The documents are
// self-contained (fonts as data: URLs, inline styles, SVG charts) and carry the print policy.
import { BrowserWindow, session, type Session } from 'electron';
import type { PdfPrinter } from './print/chromium';
import { allowPrintRequest, PRINT_CONTENT_SECURITY_POLICY, withPrintPolicy } from './print/policy';
import { workerPool } from './print/pool';
import { APP_SCHEME } from './security';

/** Not the app's own host (app://parw/): a printed document is never taken for the app's page. */
const PRINT_ORIGIN = `${APP_SCHEME}://print`;
const PRINT_PARTITION = 'parw-print';
/** Two documents at once, as the command line prints them. */
const PRINT_WINDOWS = 2;

/** The documents being printed, by URL. */
const documents = new Map<string, string>();
let printed = 0;
let prepared: Session | null = null;

function printSession(): Session {
  if (prepared) return prepared;
  const ses = session.fromPartition(PRINT_PARTITION);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !(documents.has(details.url) || allowPrintRequest(details.url)) }),
  );
  ses.protocol.handle(APP_SCHEME, (request) => {
    const html = documents.get(request.url);
    if (html === undefined) return new Response('Không tìm thấy', { status: 404 });
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY },
    });
  });
  prepared = ses;
  return ses;
}

function printWindow(ses: Session): BrowserWindow {
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: ses,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  return win;
}

export async function openElectronPrinter(): Promise<PdfPrinter> {
  const ses = printSession();
  const windows = Array.from({ length: PRINT_WINDOWS }, () => printWindow(ses));
  const pool = workerPool(windows);
  return {
    lanes: windows.length,
    print: (html) =>
      pool.run(async (win) => {
        const url = `${PRINT_ORIGIN}/${++printed}.html`;
        documents.set(url, withPrintPolicy(html));
        try {
          // resolves on did-finish-load: after the load event, which Chromium holds back until the
          // fonts that layout asked for have loaded (no script is needed to wait for them)
          await win.loadURL(url);
          return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
        } finally {
          documents.delete(url);
        }
      }),
    async close() {
      for (const win of windows) if (!win.isDestroyed()) win.destroy();
    },
  };
}
