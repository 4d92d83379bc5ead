// Lint keeps the rooms apart (see the architecture notes in README): shared/ runs anywhere,
// the renderer talks only to window.api, services never import Electron.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'worker_threads'];

function restrict(patterns, message) {
  return {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'tests/artifacts/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', 'electron'], message: 'shared/ imports nothing from electron/ or renderer/.' },
            { group: nodeBuiltins, message: 'shared/ runs anywhere: no Node built-ins.' },
            { group: ['react', 'react-dom', 'ag-grid-*'], message: 'shared/ has no DOM or UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict(['**/electron/**', 'electron', ...nodeBuiltins, 'better-sqlite3', 'exceljs'], 'The renderer talks only to window.api.'),
  },
  {
    files: ['electron/app/**/*.ts', 'electron/db/**/*.ts', 'electron/excel/**/*.ts', 'electron/print/**/*.ts', 'electron/features/**/*.ts', 'electron/cli/**/*.ts', 'electron/cli.ts'],
    rules: restrict(['electron', '**/renderer/**'], 'Services run under plain Node: never import electron or the renderer.'),
  },
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
