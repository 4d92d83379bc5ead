// Charts as PNG images for documents that cannot hold SVG well (.docx for Word and
// LibreOffice): ECharts draws SVG without a browser, Chromium paints it at twice the pixels
// with the bundled fonts, offline and with script off.
import type { EChartsOption } from 'echarts';
import { UserError } from '../../shared/errors';
import { renderChartSvg } from './charts';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from './chromium';
import { printFontCss } from './fonts';
import { allowPrintRequest, withPrintPolicy } from './policy';

export interface ChartImage {
  option: EChartsOption;
  width: number;
  height: number;
}

/** Each chart as PNG bytes of 2 × width by 2 × height pixels, in order. */
export async function chartsAsPng(charts: ChartImage[], chromiumPath?: string): Promise<Buffer[]> {
  if (charts.length === 0) return [];
  const executablePath = findChromium(chromiumPath);
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: HEADLESS_CHROMIUM_ARGS });
  } catch (e) {
    throw new UserError(`Không khởi động được trình duyệt tại "${executablePath}" để vẽ biểu đồ: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, deviceScaleFactor: 2 });
    await context.route('**/*', (route) => (allowPrintRequest(route.request().url()) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const out: Buffer[] = [];
    for (const c of charts) {
      const svg = renderChartSvg(c.option, c.width, c.height);
      await page.setViewportSize({ width: c.width, height: c.height });
      await page.setContent(
        withPrintPolicy(`<!doctype html><html><head><meta charset="utf-8"><style>${printFontCss()} html,body{margin:0;background:#fff}</style></head><body>${svg}</body></html>`),
        { waitUntil: 'load' },
      );
      out.push(await page.screenshot({ clip: { x: 0, y: 0, width: c.width, height: c.height }, type: 'png' }));
    }
    return out;
  } finally {
    await browser.close();
  }
}
