import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built into dist/ and served to the window from app://parw/.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'chrome128',
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
  },
});
