// Builds the main process (ESM), the preload (one CommonJS file, as the sandbox requires)
// and the command line into dist-electron/.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
  // the runtime dependencies of package.json are loaded from node_modules (packaged with the app), not bundled
  external: ['electron', 'better-sqlite3', 'exceljs', 'echarts', 'playwright-core', 'zod'],
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist-electron/main.js',
    format: 'esm',
    banner: { js: "import { createRequire as __parwCreateRequire } from 'node:module'; const require = __parwCreateRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist-electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/cli.ts'],
    outfile: 'dist-electron/cli.js',
    format: 'esm',
    banner: { js: "import { createRequire as __parwCreateRequire } from 'node:module'; const require = __parwCreateRequire(import.meta.url);" },
  }),
]);
