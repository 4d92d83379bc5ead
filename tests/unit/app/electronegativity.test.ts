import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

// The Electron security checklist scanner, run offline over the main process and preload.
it('electronegativity finds nothing of high severity in electron/', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-eneg-'));
  const out = path.join(dir, 'findings.csv');
  try {
    execFileSync(path.resolve('node_modules/.bin/electronegativity'), ['-i', 'electron/', '-o', out, '-r', '-e', '45.5.0'], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const rows = fs.readFileSync(out, 'utf8').trim().split('\n').slice(1);
    const findings = rows.map((r) => r.split(',').slice(0, 3).map((c) => c.trim().replace(/"/g, '')));
    const high = findings.filter((f) => f[1] === 'HIGH');
    expect(high, `high severity findings: ${high.map((f) => f[0]).join(', ')}`).toEqual([]);
    // the scanner did look at the window: a BrowserWindow without our settings is reported
    const probe = path.join(dir, 'probe');
    fs.mkdirSync(probe);
    fs.writeFileSync(path.join(probe, 'main.js'), "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });\n");
    execFileSync(path.resolve('node_modules/.bin/electronegativity'), ['-i', probe, '-o', path.join(dir, 'probe.csv'), '-e', '45.5.0'], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    expect(fs.readFileSync(path.join(dir, 'probe.csv'), 'utf8')).toMatch(/CONTEXT_ISOLATION_JS_CHECK,"HIGH"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);
