// The shared desktop scenarios (tests/desktop-scenarios/) on the real Electron app: native menu,
// dialogs, the unsaved-changes prompt, command-line files, second instance, window state, PDF
// export. tests/electron-standin/ runs the same list under the Electron stand-in in `npm test`.
// Native dialogs are wrapped in the main process so they answer as a user would.
import { expect, test } from '@playwright/test';
import { desktopScenarios } from '../desktop-scenarios/desktopScenarios';
import { ElectronLauncher } from './electronLauncher';
import { launchByline, readyWindow } from './launchByline';

for (const scenario of desktopScenarios)
  test(scenario.title, async () => {
    test.fail(scenario.knownBug !== undefined, scenario.knownBug);
    await scenario.run(new ElectronLauncher());
  });

test('denies new windows, navigation away and permission requests at run time', async () => {
  const { app } = await launchByline();
  try {
    const page = await readyWindow(app);
    const before = page.url();
    const result = await page.evaluate(async () => {
      const opened = window.open('https://example.org/');
      const permission = await navigator.permissions
        .query({ name: 'notifications' as PermissionName })
        .then((s) => s.state);
      return { opened: opened === null, permission };
    });
    expect(result).toEqual({ opened: true, permission: 'denied' });
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
  }
});
