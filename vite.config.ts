import { defineConfig } from 'vite';

// The renderer only: main, preload, browser-mode server and CLI are bundled by esbuild
// (scripts/build.mjs) because they target Node/Electron, not the browser.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
