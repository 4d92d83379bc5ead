#!/usr/bin/env node
// Runs the command line: from the prebuilt bundle (dist-electron/cli.js, made by `npm ci` or
// `npm run build`) when it is newer than every source file, else from the TypeScript sources
// through tsx (a checkout being edited), else from the bundle as packaged.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..', '..');
const bundle = path.join(root, 'dist-electron', 'cli.js');
const source = path.join(root, 'electron', 'cli.ts');

/** The newest modification time of the sources the bundle is made from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mjs)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'electron'));
  walk(path.join(root, 'shared'));
  return newest;
}

const hasBundle = fs.existsSync(bundle);
const hasSources = fs.existsSync(source);
if (hasBundle && (!hasSources || fs.statSync(bundle).mtimeMs >= newestSource())) {
  await import(pathToFileURL(bundle).href);
} else if (hasSources) {
  const tsx = await import('tsx/esm/api');
  tsx.register();
  await import(pathToFileURL(source).href);
} else {
  console.error('par-workbench: không tìm thấy chương trình (dist-electron/cli.js); hãy chạy npm run build.');
  process.exitCode = 3;
}
