// Two programs writing one workspace: two `import` runs at once both finish (the later write
// waits for the earlier one), every form lands once; a write kept waiting too long says so in
// Vietnamese, exits 1 and leaves the file as it was.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { listSubmissions } from '../../../electron/features/forms/store';
import { tempDir } from '../../helpers/tmp';
import { dumpWorkspace } from '../forms/helpers';
import { workspaceWithFilledForms } from './forms-fixture';

const bin = path.join(import.meta.dirname, '..', '..', '..', 'electron', 'bin', 'par-workbench.mjs');

function run(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two writers on one workspace', () => {
  const dir = tempDir();

  it('two import runs at once both finish; each form is imported once', async () => {
    const { file, forms } = await workspaceWithFilledForms(dir, 24);
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    // both folders hold every form: the two runs race for the same units
    for (const f of forms) {
      fs.copyFileSync(f, path.join(a, path.basename(f)));
      fs.copyFileSync(f, path.join(b, path.basename(f)));
    }
    const [ra, rb] = await Promise.all([run('import', file, a, '--json'), run('import', file, b, '--json')]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const statuses = [...JSON.parse(ra.stdout), ...JSON.parse(rb.stdout)].map((r: { status: string }) => r.status);
    expect(statuses.filter((s) => s === 'imported')).toHaveLength(forms.length);
    expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(forms.length);
    const ws = Workspace.open(file);
    try {
      const subs = listSubmissions(ws, 2025);
      expect(subs).toHaveLength(forms.length);
      expect(new Set(subs.map((s) => s.unitCode)).size).toBe(forms.length);
    } finally {
      ws.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 180_000);

  it('a write kept waiting too long ends with a Vietnamese message, exit 1, nothing changed', async () => {
    const { file, forms } = await workspaceWithFilledForms(path.join(dir, 'wait'), 4);
    const ws = Workspace.open(file);
    const before = dumpWorkspace(ws);
    ws.close();
    // another program holds the write lock for longer than a write waits
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.exec('BEGIN IMMEDIATE');process.stdout.write('held\\n');setTimeout(()=>{d.exec('ROLLBACK');d.close();},20000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: path.join(import.meta.dirname, '..', '..', '..') },
    );
    await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve()));
    const started = Date.now();
    const r = await run('import', file, ...forms);
    const waited = Date.now() - started;
    expect(r.code, `${waited} ms: ${r.stderr}`).toBe(1);
    expect(r.stderr).toMatch(/chương trình khác đang ghi/);
    expect(r.stderr).not.toMatch(/database is locked|SqliteError|\n\s+at /);
    await new Promise((resolve) => holder.on('exit', resolve));
    const after = Workspace.open(file);
    try {
      expect(dumpWorkspace(after)).toEqual(before);
    } finally {
      after.close();
    }
  }, 120_000);
});
