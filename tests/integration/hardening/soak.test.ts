// Soak (run on purpose: PARW_SOAK=1 npx vitest run tests/integration/hardening/soak.test.ts):
// rounds of two concurrent `import` processes over the same freshly filled 85 forms, while a
// third process computes results in a loop and a `backup` is taken each round. At the end the
// file passes integrity_check, every form of every round was imported exactly once, the
// scores are the last round's, and every backup is a whole workspace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, fillXlsx, formCell } from '../forms/helpers';
import { workspaceWithFilledForms } from './forms-fixture';

const bin = path.join(import.meta.dirname, '..', '..', '..', 'electron', 'bin', 'par-workbench.mjs');
const ROUNDS = Number(process.env.PARW_SOAK_ROUNDS ?? 20);
const FORMS = 85;

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

describe.runIf(process.env.PARW_SOAK)('soak: two importers, a results loop and backups', () => {
  it(`${ROUNDS} rounds of ${FORMS} forms`, async () => {
    const dir = tempDir('parw-soak-');
    const { file, forms: blanks } = await workspaceWithFilledForms(dir, FORMS);
    const cell = formCell(TEST_NODES, '1.2', 'self');
    let reading = true;
    let resultsRuns = 0;
    const resultsLoop = (async () => {
      while (reading) {
        const r = await run('results', file, '--year', '2025', '--json');
        expect(r.code, r.stderr).toBe(0);
        resultsRuns++;
      }
    })();
    const value = (round: number, i: number) => ((round + i) % 7) * 0.25;
    for (let round = 1; round <= ROUNDS; round++) {
      const folder = path.join(dir, `round-${round}`);
      fs.mkdirSync(folder);
      fillXlsx(
        blanks.map((b, i) => ({ src: b, dst: path.join(folder, path.basename(b)), sheet: FORM_SHEET, cells: { [cell]: value(round, i) } })),
        dir,
      );
      const [a, b, backup] = await Promise.all([
        run('import', file, folder, '--year', '2025', '--json'),
        run('import', file, folder, '--year', '2025', '--json'),
        run('backup', file, path.join(dir, `backup-${round}.parws`)),
      ]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(backup.code, backup.stderr).toBe(0);
      const statuses = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)].map((r: { status: string }) => r.status);
      // a form whose score did not change since the previous round is "unchanged" for both
      expect(statuses.filter((s) => s === 'imported').length, `round ${round}`).toBeLessThanOrEqual(FORMS);
      expect(statuses.filter((s) => s === 'refused'), `round ${round}`).toEqual([]);
    }
    reading = false;
    await resultsLoop;
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const current = db.prepare("SELECT unit_code, sha256 FROM form_submissions WHERE year = 2025 AND status = 'current'").all() as { unit_code: string; sha256: string }[];
      expect(current).toHaveLength(FORMS);
      // every file imported at most once: no two submissions share one file's bytes for a unit
      const dupes = db.prepare('SELECT unit_code, sha256, COUNT(*) AS n FROM form_submissions GROUP BY unit_code, sha256 HAVING n > 1').all();
      expect(dupes).toEqual([]);
      // nothing lost: every unit holds the score of the last round's form
      const scores = db
        .prepare(
          `SELECT s.self_score AS score FROM scores s JOIN criteria c ON c.id = s.criterion_id JOIN frameworks f ON f.id = c.framework_id
           WHERE f.year = 2025 AND c.code = '1.2' ORDER BY s.unit_code`,
        )
        .all() as { score: number }[];
      const last = blanks.map((_, i) => value(ROUNDS, i)).sort();
      expect(scores.map((r) => r.score).sort()).toEqual(last);
    } finally {
      db.close();
    }
    for (let round = 1; round <= ROUNDS; round++) {
      const copy = new Database(path.join(dir, `backup-${round}.parws`), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
    }
    expect(resultsRuns).toBeGreaterThan(0);
  }, 3_600_000);
});
