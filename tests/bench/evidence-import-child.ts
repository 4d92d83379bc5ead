// The evidence import of the bench in a process of its own, as a script would run it: argv is
// the workspace, the year and the folders/.zip files; prints the time, the documents added and
// the process's peak memory (resident set) as JSON.
import { Workspace } from '../../electron/db/workspace';
import { importEvidence } from '../../electron/features/evidence/service';

async function main(): Promise<void> {
  const [file, year, ...sources] = process.argv.slice(2);
  const ws = Workspace.open(file);
  const started = performance.now();
  let added = 0;
  for (const source of sources) added += (await importEvidence(ws, source, { year: Number(year) })).added;
  const ms = performance.now() - started;
  ws.close();
  process.stdout.write(JSON.stringify({ ms, added, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

void main();
