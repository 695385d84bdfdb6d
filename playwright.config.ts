import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium when present (Playwright cannot download browsers on offline machines).
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testMatch: '**/*.spec.ts',
  projects: [
    // Browser mode: the renderer against the loopback server.
    { name: 'e2e', testDir: 'tests/e2e' },
    // The built Electron main bundle under the Electron stand-in, the renderer in Chromium.
    { name: 'electron-standin', testDir: 'tests/electron-standin', fullyParallel: true },
  ],
  fullyParallel: false,
  // One worker on CI: on two cores a second worker bought no time in a full run (the suite is
  // CPU-bound), only load.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  // Bounds for a hung test, not speed checks: the suite alone loads two cores to 10-15.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter:
    process.env.BYLINE_PW_REPORTER === 'json'
      ? [['json', { outputFile: 'test-reports/e2e.json' }], ['line']]
      : 'list',
  use: {
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-features=Translate,MediaRouter,OptimizationHints',
      ],
    },
    trace: 'retain-on-failure',
  },
});
