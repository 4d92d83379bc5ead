// Staff copy the .parws file while the app holds it open: a few seconds after the last
// change, the main file alone holds that change (the -wal side file is folded in).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/db/workspace';
import { getScores } from '../../electron/features/appraisal/store';
import { createDemoWorkspace } from '../../electron/features/demo';
import { tempDir } from '../helpers/tmp';

describe('a copy of the workspace file', () => {
  it('taken with cp while another process holds it open, after its last write, opens with that write', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dang-mo.parws');
    await createDemoWorkspace(file);
    const ws = Workspace.open(file);
    const score = getScores(ws, 2025).find((s) => s.selfScore !== null && s.appraisedScore !== null)!;
    ws.close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/hold-workspace.ts', file, score.unitCode, score.criterionCode, '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('written') && resolve());
        child.on('exit', (code) => reject(new Error(`the second process ended (${code})`)));
      });
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 3000));
      // the copy a person makes: the main file only, as Explorer copies what is selected
      const copy = path.join(dir, 'ban-sao.parws');
      fs.copyFileSync(file, copy);
      const opened = Workspace.open(copy);
      const after = getScores(opened, 2025, { unitCode: score.unitCode }).find((s) => s.criterionCode === score.criterionCode)!;
      opened.close();
      expect(after.appraisedScore).toBe(0);
    } finally {
      child.kill();
    }
  }, 60_000);
});
