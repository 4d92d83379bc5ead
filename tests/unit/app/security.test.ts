import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  allowPermission,
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  isTrustedSender,
  resolveAppFile,
  responseHeaders,
  webPreferences,
  windowOpenResponse,
} from '../../../electron/security';

describe('the window security settings', () => {
  it('isolates the page: context isolation, sandbox, no Node integration anywhere', () => {
    const prefs = webPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('denies navigation away from the app page and every new window', () => {
    expect(allowNavigation(APP_ENTRY, 'https://example.com/')).toBe(false);
    expect(allowNavigation(APP_ENTRY, 'file:///etc/passwd')).toBe(false);
    expect(allowNavigation(APP_ENTRY, 'app://other/index.html')).toBe(false);
    expect(allowNavigation(APP_ENTRY, 'app://parw/other.html')).toBe(false);
    expect(allowNavigation(APP_ENTRY, 'javascript:alert(1)')).toBe(false);
    expect(allowNavigation(APP_ENTRY, `${APP_ENTRY}#ket-qua`)).toBe(true);
    expect(windowOpenResponse()).toEqual({ action: 'deny' });
    expect(allowPermission()).toBe(false);
  });

  it('serves IPC only to the app top frame', () => {
    expect(isTrustedSender(APP_ENTRY, true)).toBe(true);
    expect(isTrustedSender(APP_ENTRY, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('file:///C:/x.html', true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
  });

  it('sends a strict CSP with every app file and serves nothing outside the built renderer', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(responseHeaders('/dist/index.html')).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    });
    const root = path.resolve('/srv/dist');
    expect(resolveAppFile(root, 'app://parw/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://parw/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'));
    // dot segments are resolved by the URL parser, encoded slashes after decoding: neither leaves the root
    for (const url of ['app://parw/%2e%2e/%2e%2e/etc/passwd', 'app://parw/../../etc/passwd']) {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(root + path.sep)).toBe(true);
    }
    expect(resolveAppFile(root, 'app://parw/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile(root, 'https://parw/index.html')).toBeNull();
  });

  it('is what main.ts applies: the window, navigation, new windows, permissions and single instance', () => {
    const main = fs.readFileSync(path.resolve('electron/main.ts'), 'utf8');
    expect(main).toContain('...webPreferences(');
    expect(main).toContain("'will-navigate'");
    expect(main).toContain('setWindowOpenHandler(windowOpenResponse)');
    expect(main).toContain('setPermissionRequestHandler');
    expect(main).toContain('requestSingleInstanceLock()');
    expect(main).toContain('protocol.handle(APP_SCHEME');
    expect(main).toContain('loadURL(APP_ENTRY)');
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/);
    const ipc = fs.readFileSync(path.resolve('electron/ipc.ts'), 'utf8');
    expect(ipc).toContain('isTrustedSender(');
  });
});
