export {};
import { createDemoWorkspace } from '../../electron/features/demo';
import { openWorkspace } from '../../electron/app/open';
import { printScorecards } from '../../electron/features/print/scorecards';
import { startPdfPrinter } from '../../electron/print/chromium';
import fs from 'node:fs';
async function main() {
const file = '/tmp/prof/demo.parws';
if (!fs.existsSync(file)) await createDemoWorkspace(file);
const ws = openWorkspace(file);
const t0 = Date.now();
const inner = await startPdfPrinter({}).ready;
let prints = 0, printMs = 0, measures = 0;
const printer = { ...inner, lanes: inner.lanes, print: async (h: string) => { prints++; const t = Date.now(); const r = await inner.print(h); printMs += Date.now() - t; return r; },
  measure: inner.measure ? async (...a: any[]) => { measures++; return (inner.measure as any)(...a); } : undefined, close: () => inner.close() };
console.log('start', Date.now() - t0, 'lanes', inner.lanes);
const t1 = Date.now();
const r = await printScorecards(ws, { year: 2025, selection: { all: true }, outDir: '/tmp/prof/out', printer: printer as any });
console.log('cards', r.units, 'ms', Date.now() - t1, 'prints', prints, 'printMs(sum)', printMs, 'measures', measures);
const pages = Object.values(r.pages); console.log('pages dist', pages.reduce((m: any, p) => (m[p] = (m[p] ?? 0) + 1, m), {}));
await inner.close();
}
void main();
