import { suites } from './suites';
import type { BenchReport } from './harness';

const only = process.argv.slice(2);
const lines: string[] = [];
for (const suite of suites) {
  if (only.length && !only.some((o) => suite.name.includes(o))) continue;
  process.stderr.write(`▶ ${suite.name}\n`);
  const report: BenchReport = {
    figure(name, ms, detail) {
      const line = `${suite.name} | ${name} | ${ms.toFixed(1)} ms${detail ? ` | ${detail}` : ''}`;
      lines.push(line);
      process.stdout.write(line + '\n');
    },
  };
  await suite.run(report);
}
process.stdout.write(`\n${lines.length} figures\n`);
