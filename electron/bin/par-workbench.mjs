#!/usr/bin/env node
// Runs the command line: from the TypeScript sources (through tsx) in a checkout, else from
// the bundled build that packaging produces.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = path.join(root, 'electron', 'cli.ts');
let tsx = null;
if (existsSync(source)) {
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    tsx = null;
  }
}
if (tsx) {
  tsx.register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(path.join(root, 'dist-electron', 'cli.js')).href);
}
