// The desktop scenarios (tests/desktop-scenarios/) against the built Electron main bundle running
// under the Electron stand-in; tests/electron/ runs the same list on a real Electron binary.
import { test } from '@playwright/test';
import { desktopScenarios } from '../desktop-scenarios/desktopScenarios';
import { StandInLauncher } from './standInLauncher';

let launcher: StandInLauncher;
test.beforeEach(({ browser }) => {
  launcher = new StandInLauncher(browser);
});
test.afterEach(() => launcher.closeAll());

for (const scenario of desktopScenarios)
  test(scenario.title, async () => {
    // test.fail: the scenario must still fail, so a fix shows up as a failure to remove the mark.
    test.fail(scenario.knownBug !== undefined, scenario.knownBug);
    await scenario.run(launcher);
  });
