// Builds the main process and the command line (ESM, split at their dynamic imports, so that
// Excel, printing and charts load only in the commands and screens that use them) and the
// preload (one CommonJS file, as the sandbox requires) into dist-electron/.
//   node electron/build.mjs                 everything
//   node electron/build.mjs --if-possible   the same, but a machine that cannot build (no
//                                           esbuild, as after `npm ci --omit=dev`) only says so;
//                                           `npm ci` runs this through the prepare script
//   node electron/build.mjs --out DIR       into another folder (tests)
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(root, 'dist-electron');
const ifPossible = process.argv.includes('--if-possible');

let build;
try {
  ({ build } = await import('esbuild'));
} catch (e) {
  if (!ifPossible) throw e;
  console.error('par-workbench: esbuild is not installed, so the command line runs from its TypeScript sources.');
  process.exit(0);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: ifPossible ? 'warning' : 'info',
  absWorkingDir: root,
  // the runtime dependencies of package.json are loaded from node_modules (packaged with the app), not bundled
  external: ['electron', 'better-sqlite3', 'exceljs', 'echarts', 'playwright-core', 'zod', 'yauzl', 'saxes', 'csv-parse', 'iconv-lite', 'docx'],
  // React renders the scorecards in the main process; bundled (it is a devDependency), in production mode
  define: { 'process.env.NODE_ENV': '"production"' },
};
const esm = {
  ...common,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: "import { createRequire as __parwCreateRequire } from 'node:module'; const require = __parwCreateRequire(import.meta.url);" },
};

try {
  fs.rmSync(out, { recursive: true, force: true });
  await Promise.all([
    build({ ...esm, entryPoints: { main: 'electron/main.ts', cli: 'electron/cli.ts' }, outdir: out }),
    // the sandboxed preload may require nothing but electron: everything else is bundled into it
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(out, 'preload.cjs'), format: 'cjs', external: ['electron'] }),
  ]);
} catch (e) {
  if (!ifPossible) throw e;
  console.error(`par-workbench: the command line was not built (${e.message.split('\n')[0]}); it runs from its TypeScript sources.`);
}
