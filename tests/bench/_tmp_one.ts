export {};
import { openWorkspace } from '../../electron/app/open';
import { scorecardDocuments } from '../../electron/features/print/scorecards';
import { HEADLESS_CHROMIUM_ARGS } from '../../electron/print/chromium';
import { withPrintPolicy } from '../../electron/print/policy';
async function main() {
  const ws = openWorkspace('/tmp/prof/demo.parws');
  let t = Date.now();
  const docs = scorecardDocuments(ws, 2025, { all: true });
  console.log('docs', docs.length, 'ms', Date.now() - t, 'html KB', Math.round(docs[0].html.length / 1024));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: HEADLESS_CHROMIUM_ARGS });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  const page = await context.newPage();
  for (const d of docs.slice(0, 6)) {
    t = Date.now();
    await page.setContent(withPrintPolicy(d.html), { waitUntil: 'load' });
    const a = Date.now() - t;
    t = Date.now();
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    console.log('setContent', a, 'pdf', Date.now() - t, 'bytes', pdf.length);
  }
  await browser.close();
}
void main();
