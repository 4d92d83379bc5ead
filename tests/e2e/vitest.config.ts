import { defineConfig } from 'vitest/config';

// The built renderer in Debian's Chromium, with window.api bound to the real services.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
