// The year's round as a user waits for it through the command line, on the demo workspace:
// the 85 units of 2025 send back their forms (filled by a Python script, as a spreadsheet
// saves them), staff import them, look at the results, print the 85 scorecards and export
// the summary workbook. Each step is a separate `par-workbench` run, start-up included;
// aim: the whole round under 20 s. Beside it: `--help` (aim < 0.3 s) and
// `results --year 2025 --json` (aim < 0.5 s), the median of five runs each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoWorkspace, DEMO_OPEN_YEAR } from '../../electron/features/demo';
import { generateFormTemplates } from '../../electron/features/forms';
import { Workspace } from '../../electron/db/workspace';
import { filledFormJobs, fillXlsx } from '../integration/forms/helpers';
import type { BenchSuite } from './harness';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'electron', 'bin', 'par-workbench.mjs');

/** One command line run to its end, as a script runs it; refuses a failed run. */
function cli(args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`bench: par-workbench ${args.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return { ms, stdout: r.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function load(): string {
  return `load ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`;
}

export const roundSuite: BenchSuite = {
  name: 'round',
  async run(report) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-round-'));
    try {
      // what the units send back: made before the clock starts
      const file = path.join(dir, 'demo.parws');
      createDemoWorkspace(file);
      const year = DEMO_OPEN_YEAR;
      const ws = Workspace.open(file);
      const forms = await generateFormTemplates(ws, { year, outDir: path.join(dir, 'blank') });
      const filled = path.join(dir, 'filled');
      fs.mkdirSync(filled);
      fillXlsx(filledFormJobs(ws, year, forms, filled).jobs, dir);
      ws.close();

      const help = median(Array.from({ length: 5 }, () => cli(['--help']).ms));
      report.figure('par-workbench --help', help, `median of 5; aim < 300 ms; ${load()}`);
      const results = median(Array.from({ length: 5 }, () => cli(['results', file, '--year', String(year), '--json']).ms));
      report.figure(`par-workbench results --year ${year} --json`, results, `median of 5; aim < 500 ms; ${load()}`);

      const steps: [string, string[]][] = [
        [`import ${forms.length} returned forms`, ['import', file, filled, '--json']],
        ['results of the year', ['results', file, '--year', String(year), '--json']],
        [`${forms.length} scorecards (PDF)`, ['scorecards', file, '--year', String(year), '--all', '--out', path.join(dir, 'cards')]],
        ['summary workbook', ['export', file, '--year', String(year), '--out', path.join(dir, 'tong-hop.xlsx')]],
      ];
      let total = 0;
      for (const [what, args] of steps) {
        const run = cli(args);
        total += run.ms;
        if (args[0] === 'import') {
          const imported = (JSON.parse(run.stdout) as { status: string }[]).filter((r) => r.status === 'imported').length;
          if (imported !== forms.length) throw new Error(`bench: ${imported} of ${forms.length} forms imported`);
        }
        report.figure(`round: ${what}`, run.ms, load());
      }
      const cards = fs.readdirSync(path.join(dir, 'cards')).filter((f) => f.endsWith('.pdf')).length;
      if (cards !== forms.length) throw new Error(`bench: ${cards} scorecards for ${forms.length} units`);
      report.figure(`round of ${forms.length} units through the command line`, total, `import + results + scorecards + workbook; aim < 20,000 ms; ${load()}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
