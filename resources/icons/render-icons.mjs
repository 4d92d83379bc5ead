// Renders icon.svg into the PNG sizes the installers use (electron-builder makes .ico and
// .icns from icon.png). Run with `node resources/icons/render-icons.mjs` after changing the SVG.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const svg = fs.readFileSync(path.join(here, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of [512, 256, 128, 64, 32, 16]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
    const file = size === 512 ? 'icon.png' : path.join('png', `${size}x${size}.png`);
    fs.mkdirSync(path.join(here, 'png'), { recursive: true });
    await page.screenshot({ path: path.join(here, file), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
