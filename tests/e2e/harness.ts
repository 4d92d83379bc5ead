// Serves the built renderer (dist/) with vite's preview server, opens it in Debian's Chromium
// and, before the page loads, defines window.api from the contract: every function reaches
// the very handlers the main process binds, on a real workspace in a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { channels } from '../../shared/contract';
import { AppSession, dispatch, type DialogPurpose } from '../../electron/app';
import { HEADLESS_CHROMIUM_ARGS } from '../../electron/print/chromium';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('tests/artifacts/screenshots');

export interface AppUnderTest {
  page: Page;
  session: AppSession;
  /** what each file dialog answers next: the paths a person would pick, or null to cancel */
  dialogs: Partial<Record<DialogPurpose, string[] | null>>;
  dataDir: string;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

let server: PreviewServer | null = null;

async function serve(): Promise<string> {
  if (!fs.existsSync(path.resolve('dist/index.html'))) throw new Error('dist/ is missing: run `vite build` first');
  server ??= await preview({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  return server.resolvedUrls!.local[0];
}

export async function stopServer(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
  server = null;
}

export async function launchApp(options: { viewport?: { width: number; height: number } } = {}): Promise<AppUnderTest> {
  const url = await serve();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-app-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-e2e-'));
  const dialogs: AppUnderTest['dialogs'] = {};
  const session = new AppSession({
    dataDir,
    pickFiles: async (purpose) => {
      const answer = dialogs[purpose];
      return answer === undefined ? null : answer;
    },

  });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'vi-VN',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    args: HEADLESS_CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Payloads cross as JSON text: one string is what Electron's IPC copy costs, where
  // playwright's own serialiser of large objects is many times slower than either.
  await page.exposeFunction('__parwInvoke', async (channel: string, payload: string) =>
    JSON.stringify(await dispatch(session.handlers, channel, JSON.parse(payload))),
  );
  // What the preload does with a drop: the paths go to the main process, tokens come back.
  await page.exposeFunction('__parwDropped', async (paths: string[]) => JSON.stringify(session.issueTokens(paths)));
  // Functions sent to the page keep their names when this file runs under tsx (the bench):
  // the helper those names call must exist in the page too.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  await page.addInitScript((names: string[]) => {
    const invoke = (window as unknown as { __parwInvoke(c: string, p: string): Promise<string> }).__parwInvoke;
    (window as unknown as { api: unknown }).api = Object.fromEntries(
      names.map((name) => [name, async (input: unknown) => JSON.parse(await invoke(name, JSON.stringify(input ?? {})))]),
    );
    // The menu of the main process, played by the test through window.__parwMenu(command).
    const listeners = new Set<(command: string) => void>();
    (window as unknown as { appEvents: unknown }).appEvents = {
      onMenu: (listener: (command: string) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    (window as unknown as { __parwMenu: (command: string) => void }).__parwMenu = (command) => listeners.forEach((l) => l(command));
    // Electron's webUtils.getPathForFile has no browser equivalent: a dropped file is taken
    // from the folder the test names in window.__parwDropFolder.
    const dropped = (window as unknown as { __parwDropped(paths: string[]): Promise<string> }).__parwDropped;
    (window as unknown as { appFiles: unknown }).appFiles = {
      tokensOf: async (files: File[]) => {
        const folder = (window as unknown as { __parwDropFolder?: string }).__parwDropFolder ?? '';
        return JSON.parse(await dropped(files.map((file) => `${folder}/${file.name}`)));
      },
    };
  }, channels as string[]);
  await page.goto(url);
  return {
    page,
    session,
    dialogs,
    dataDir,
    async screenshot(name) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
    },
    async close() {
      await context.close();
      session.close();
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    },
  };
}
