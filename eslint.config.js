// Lint keeps the house standing (see the layout in README): shared/ runs anywhere, the
// renderer talks only to window.api, Electron stays in the thin glue, SQL stays in stores,
// each heavy library stays behind its adapter, features never import each other in a loop,
// and no promise is left floating.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'worker_threads'];

/** Import fences: each entry names the modules a folder may not import, and why. */
const fence = {
  electronGlue: { group: ['electron'], message: 'Only main.ts, preload.ts, ipc.ts, security.ts and print-window.ts use Electron; the rest runs under plain Node.' },
  renderer: { group: ['**/renderer/**'], message: 'The main process never imports the renderer.' },
  sql: { group: ['better-sqlite3', '**/db/connection'], message: 'SQL lives in stores (electron/features/*/store.ts) and electron/db.' },
  excel: { group: ['exceljs'], message: 'exceljs is used only in electron/excel/ (describe workbooks with electron/excel/writer.ts).' },
  chromium: { group: ['playwright-core'], message: 'Chromium is driven only from electron/print/.' },
  charts: { group: ['echarts', 'echarts/*'], allowTypeImports: true, message: 'ECharts renders only in electron/print/ (and the renderer); elsewhere its types only.' },
};

function restrict(...groups) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns: groups.map((g) => ({ ...g })) }] };
}

const mainProcess = ['electron/app/**/*.ts', 'electron/db/**/*.ts', 'electron/excel/**/*.ts', 'electron/print/**/*.ts', 'electron/files/**/*.ts', 'electron/features/**/*.ts', 'electron/cli/**/*.ts', 'electron/cli.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'tests/artifacts/**', 'tests/fixtures/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      // the TypeScript parser for the files an import leads to, and Node's resolution with TS extensions
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      // type-only imports cannot make a loop at run time
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }],
    },
  },
  {
    // floating promises: every promise is awaited, returned, or handed to `void` on purpose
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: restrict(
      { group: ['**/electron/**', '**/renderer/**', 'electron'], message: 'shared/ imports nothing from electron/ or renderer/.' },
      { group: nodeBuiltins, message: 'shared/ runs anywhere: no Node built-ins.' },
      { group: ['react-dom/client', 'ag-grid-*'], message: 'shared/ has no DOM or UI code.' },
      { group: ['better-sqlite3', 'exceljs', 'playwright-core'], message: 'shared/ holds rules and models, not adapters.' },
      fence.charts,
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict({
      group: ['**/electron/**', 'electron', ...nodeBuiltins, 'better-sqlite3', 'exceljs', 'playwright-core', 'docx'],
      message: 'The renderer talks only to window.api.',
    }),
  },
  { files: mainProcess, rules: restrict(fence.electronGlue, fence.renderer, fence.sql, fence.excel, fence.chromium, fence.charts) },
  { files: ['electron/db/**/*.ts', 'electron/features/*/store.ts'], rules: restrict(fence.electronGlue, fence.renderer, fence.excel, fence.chromium, fence.charts) },
  { files: ['electron/excel/**/*.ts'], rules: restrict(fence.electronGlue, fence.renderer, fence.sql, fence.chromium, fence.charts) },
  { files: ['electron/print/**/*.ts'], rules: restrict(fence.electronGlue, fence.renderer, fence.sql, fence.excel) },
  {
    // React's rules for the renderer: eslint-plugin-react-hooks' recommended set. Besides the
    // rules of hooks it carries the React Compiler's checks; the renderer is not built with the
    // compiler, but those checks catch what breaks plain React too (a ref read or written while
    // rendering, state set in an effect where it could be derived, props or state mutated, a
    // component made during render), so all of them are on. A missing effect dependency is an
    // error rather than a warning: one left out on purpose says why on its line.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
