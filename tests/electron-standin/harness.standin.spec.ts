// The harness tested on itself: with main broken on purpose (a contract request left without a
// handler, a window created without `sandbox`), the run-time security checks must fail.
import { expect, test } from '@playwright/test';
import { ipcRequestChannel } from '../../shared/ipc/channels';
import { missingHandlers, unreachableRequests, windowPreferenceProblems } from './securityChecks';
import type { StandInDesktop } from './standInLauncher';
import { StandInLauncher } from './standInLauncher';

let launcher: StandInLauncher | null = null;
test.afterEach(() => launcher?.closeAll());

test('a contract request without a handler is reported, from main and from the page', async ({
  browser,
}) => {
  launcher = new StandInLauncher(browser, { droppedChannels: [ipcRequestChannel('article.save')] });
  const desktop = (await launcher.launch()) as StandInDesktop;
  const page = await desktop.page();
  expect(missingHandlers(desktop.standIn)).toEqual(['article.save']);
  expect(await unreachableRequests(page)).toEqual([
    {
      name: 'article.save',
      answer: expect.stringContaining("No handler registered for 'byline:req:article.save'"),
    },
  ]);
});

test('a window created without sandbox is reported', async ({ browser }) => {
  launcher = new StandInLauncher(browser, { strippedPreferences: ['sandbox'] });
  const desktop = (await launcher.launch()) as StandInDesktop;
  await desktop.page();
  expect(windowPreferenceProblems(desktop.standIn)).toEqual([
    'Byline: sandbox is undefined, should be true',
  ]);
});
