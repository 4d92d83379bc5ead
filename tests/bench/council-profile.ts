// Council import at provincial size, measured apart: prepares the workspace and the filled
// packages once (in the folder given), then times the import in this process and through the
// command line, each on a fresh copy of the workspace.
//   npx tsx tests/bench/council-profile.ts DIR [prepare|inprocess|cli] [node flags for the CLI…]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Workspace } from '../../electron/db/workspace';
import { importPackages } from '../../electron/features/council/package-import';
import { prepareCouncilBench } from './council';

const [dir, what = 'all', ...nodeFlags] = process.argv.slice(2);
const file = path.join(dir, 'bench.parws');
const back = path.join(dir, 'back');
if (!fs.existsSync(file)) {
  fs.mkdirSync(dir, { recursive: true });
  await prepareCouncilBench(dir);
  fs.copyFileSync(file, path.join(dir, 'pristine.parws'));
}
const fresh = () => {
  fs.copyFileSync(path.join(dir, 'pristine.parws'), file);
  return file;
};
if (what === 'inprocess' || what === 'all') {
  const ws = Workspace.open(fresh());
  const t = performance.now();
  const results = await importPackages(ws, [back]);
  const ms = performance.now() - t;
  ws.close();
  console.log(`in process: ${ms.toFixed(0)} ms, ${results.reduce((n, r) => n + r.changes, 0)} changes, ${results.map((r) => r.status).join(',')}`);
}
if (what === 'cli' || what === 'all') {
  const bin = path.resolve('electron/bin/par-workbench.mjs');
  fresh();
  const t = performance.now();
  const r = spawnSync(process.execPath, [...nodeFlags, bin, 'council', 'import', file, back, '--json'], { encoding: 'utf8' });
  const ms = performance.now() - t;
  const results = JSON.parse(r.stdout) as { changes: number }[];
  console.log(`CLI: ${ms.toFixed(0)} ms, exit ${r.status}, ${results.reduce((n, x) => n + x.changes, 0)} changes`);
}
