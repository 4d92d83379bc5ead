// Runs the bundled main process (dist-electron/main.js) against the stand-in, then plays what a
// user's first start does to it, printing what it saw as JSON:
//   node run-main.mjs MAIN_JS   (env STAND_IN_USER_DATA, argv after it as the app's)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);
const [main, ...appArgv] = process.argv.slice(2);
process.argv = [process.argv[0], main, ...appArgv];
await import(pathToFileURL(main).href);
const r = globalThis.electronRecord;
const until = async (ok) => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((res) => setTimeout(res, 25));
};
const report = { quit: r.quit, schemes: r.schemes, ipcChannels: r.ipcChannels, errors: r.errors };
if (process.env.STAND_IN_SECOND_INSTANCE !== '1') {
  await until(() => r.windows.length > 0);
  const win = r.windows[0];
  const wc = win.webContents;
  report.window = { webPreferences: win.options.webPreferences, url: wc.url };
  const serve = async (url) => {
    const res = await r.protocolHandlers.app({ url });
    return { status: res.status, type: res.headers.get('content-type'), length: (await res.arrayBuffer()).byteLength };
  };
  report.served = {
    entry: await serve(wc.url),
    outside: await serve('app://parw/../../../../etc/passwd'),
    encoded: await serve('app://parw/%2e%2e/%2e%2e/package.json'),
  };
  const prevented = (name, url) => {
    let stopped = false;
    wc.emit(name, { preventDefault: () => (stopped = true) }, url);
    return stopped;
  };
  report.navigation = {
    external: prevented('will-navigate', 'https://example.com/'),
    file: prevented('will-navigate', 'file:///etc/passwd'),
    redirect: prevented('will-redirect', 'https://example.com/'),
    webview: prevented('will-attach-webview'),
  };
  report.newWindow = wc.windowOpenHandler({ url: 'https://example.com/' });
  let granted = null;
  r.permissionRequest(wc, 'media', (ok) => (granted = ok));
  report.permission = { request: granted, check: r.permissionCheck(wc, 'geolocation') };
  let headers = null;
  r.headers({ responseHeaders: {} }, (h) => (headers = h));
  report.csp = headers.responseHeaders['Content-Security-Policy'];
  const trusted = { sender: wc, senderFrame: wc.mainFrame };
  const get = async (event) => r.ipcHandlers[Object.keys(r.ipcHandlers).find((k) => k.endsWith('session:get'))](event, {});
  const before = (await get(trusted)).value?.workspace;
  report.sessionBefore = before?.file ?? null;
  report.notice = before?.notice ?? null;
  // a change asked of the file opened at start (a unit removed), when the test says which
  if (process.env.STAND_IN_TRY_DELETE) report.tryDelete = await r.ipcHandlers['parw:units:delete'](trusted, { code: process.env.STAND_IN_TRY_DELETE });
  report.untrusted = await get({ sender: wc, senderFrame: { url: 'https://example.com/' } });
  // a second instance started with another file hands it to this one
  const { app } = await import('electron');
  if (process.env.STAND_IN_SECOND_FILE) app.emit('second-instance', {}, ['PAR Workbench', process.env.STAND_IN_SECOND_FILE]);
  report.sessionAfter = (await get(trusted)).value?.workspace?.file ?? null;
  report.reloaded = wc.reloaded ?? 0;

  // the bundled preload, as the sandbox runs it: CommonJS that may require only electron
  const electron = await import('electron');
  const preload = { exports: {} };
  new Function('require', 'module', 'exports', fs.readFileSync(win.options.webPreferences.preload, 'utf8'))(
    (name) => {
      if (name === 'electron') return electron;
      throw new Error(`the preload requires ${name}`);
    },
    preload,
    preload.exports,
  );
  const { api, appFiles } = r.exposed;
  // a folder a person drops, and a File the page made up: only the first becomes a token
  const dropped = await appFiles.tokensOf([{ dropPath: process.env.STAND_IN_DROP_FOLDER }, { name: 'bia.xlsx' }]);
  report.drop = { dropped, expanded: await api['forms:expand']({ tokens: dropped.map((d) => d.token) }) };
  // what a compromised page may try: a path of its own, a token it made up, the drop channel from elsewhere
  report.pagePath = await api['survey:preview']({ year: 2025, file: '/etc/passwd', profile: null, unitCode: null });
  report.pageFormPath = await api['forms:expand']({ paths: ['/etc'] });
  report.madeUpToken = await api['forms:importOne']({ year: 2025, token: randomUUID() });
  if (process.env.STAND_IN_SECOND_FILE) report.pageRecent = await api['workspace:openRecent']({ file: process.env.STAND_IN_SECOND_FILE.replace(/hai/, 'ba') });
  report.untrustedDrop = await r.ipcHandlers['parw:files:dropped']({ sender: wc, senderFrame: { url: 'https://example.com/' } }, { paths: ['/etc/passwd'] });
}
process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
// STAND_IN_HOLD=1: the app stays open with its file until stdin ends (or it is killed)
if (process.env.STAND_IN_HOLD === '1') {
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on('end', resolve));
}
process.exit(0);
