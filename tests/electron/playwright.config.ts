import { defineConfig } from '@playwright/test';

// Runs only where an Electron binary exists: `npm run test:electron`. Not part of `npm test`.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.electron.spec.ts',
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
});
