// The window's security settings, kept apart from Electron itself so that they are
// unit-tested without the Electron binary; main.ts applies exactly these.
import path from 'node:path';
import type { WebPreferences } from 'electron';

/** The renderer is served from app://parw/ (a privileged, standard, secure scheme), never from disk or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'parw';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** AG Grid and React set inline styles, so style-src allows them; scripts come only from the app itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** True only for pages of the app itself. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch (e) {
    // not a URL at all
    if (e instanceof TypeError) return false;
    throw e;
  }
}

/** Navigation away from the app's page is refused (links, drops, redirects, scripts). */
export function allowNavigation(currentUrl: string, targetUrl: string): boolean {
  if (!isAppUrl(targetUrl)) return false;
  return new URL(currentUrl).pathname === new URL(targetUrl).pathname;
}

/** New windows are never opened (window.open, target=_blank). */
export function windowOpenResponse(): { action: 'deny' } {
  return { action: 'deny' };
}

/** An IPC message is served only when it comes from the app's own top frame. */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return Boolean(frameUrl) && isMainFrame && isAppUrl(frameUrl!);
}

/** The file of the built renderer that an app:// URL names, or null when it points outside it. */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch (e) {
    // a broken escape such as %E0%A4%A
    if (e instanceof URIError) return null;
    throw e;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const resolved = path.resolve(root, '.' + pathname);
  const base = path.resolve(root);
  return resolved === base || !resolved.startsWith(base + path.sep) ? null : resolved;
}

/** Response headers of every app:// file. */
export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentType(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Permissions (camera, notifications, geolocation…) the app never needs: all refused. */
export function allowPermission(): boolean {
  return false;
}
