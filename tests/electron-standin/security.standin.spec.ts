// The desktop app's security at run time, on the built main bundle under the Electron stand-in:
// IPC wiring and sender checks, window preferences, navigation, new windows, permissions and the
// byline:// protocol. harness.standin.spec.ts shows these checks fail when main is broken.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StandInDesktop } from './standInLauncher';
import { StandInLauncher } from './standInLauncher';
import { missingHandlers, unreachableRequests, windowPreferenceProblems } from './securityChecks';

// One launch shared by the checks, in one worker.
test.describe.configure({ mode: 'serial' });

let launcher: StandInLauncher;
let desktop: StandInDesktop;
test.beforeAll(async ({ browser }) => {
  launcher = new StandInLauncher(browser);
  desktop = (await launcher.launch()) as StandInDesktop;
  await desktop.page();
});
test.afterAll(() => launcher.closeAll());

const decisions = (api: string): string[] =>
  desktop.standIn.record.argsOf(api).map((args) => String(args.at(-1)));

test('every contract request has a handler, reachable from the app page through the preload', async () => {
  expect(missingHandlers(desktop.standIn)).toEqual([]);
  expect(await unreachableRequests(await desktop.page())).toEqual([]);
});

test('every window is created sandboxed and isolated, and the page has no Node', async () => {
  expect(windowPreferenceProblems(desktop.standIn)).toEqual([]);
  const exposed = await (
    await desktop.page()
  ).evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      frozen: Object.isFrozen(scope.byline),
      ipc: '__electronStandInIpc' in scope,
    };
  });
  expect(exposed).toEqual({ require: 'undefined', process: 'undefined', frozen: true, ipc: false });
});

test('a page from another origin is refused, the same request from the app answered', async () => {
  const page = await desktop.page();
  const answered = await page.evaluate(() =>
    (window as unknown as { byline: Record<string, () => Promise<{ root: string }>> }).byline[
      'workspace.current'
    ]?.(),
  );
  expect(answered?.root).toBe(desktop.profile.workspace);

  // A window with Byline's own preload showing someone else's page.
  const [main] = desktop.standIn.electron.BrowserWindow.getAllWindows();
  const foreign = new desktop.standIn.electron.BrowserWindow({
    show: false,
    webPreferences: { ...main?.options.webPreferences },
  });
  const foreignPage = await foreign.webContents.pageReady;
  await foreignPage.route('https://foreign.example/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>foreign</title>' }),
  );
  await foreign.loadURL('https://foreign.example/');
  const refusal = await foreignPage.evaluate(() =>
    (window as unknown as { byline: Record<string, () => Promise<unknown>> }).byline[
      'workspace.current'
    ]?.().then(
      () => 'answered',
      (error: Error) => error.name,
    ),
  );
  expect(refusal).toBe('forbidden-sender');
  // Main saw the foreign page's real address, not the app's.
  expect(desktop.standIn.record.argsOf('ipcRenderer.invoke').map((args) => args[1])).toContain(
    'https://foreign.example/',
  );
  foreign.destroy();
});

test('navigation away and new windows are denied; web links go to the system browser', async () => {
  const page = await desktop.page();
  const appUrl = page.url();
  await page.evaluate(() => window.open('https://example.org/news', '_blank'));
  await expect.poll(() => decisions('webContents.windowOpen.decision')).toEqual(['deny']);
  expect(desktop.standIn.record.argsOf('shell.openExternal').map(([url]) => url)).toContain(
    'https://example.org/news',
  );
  expect(desktop.standIn.electron.BrowserWindow.getAllWindows()).toHaveLength(1);

  for (const target of ['https://example.org/', '/asset/images/photo.png']) {
    const before = decisions('webContents.will-navigate.decision').length;
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await expect
      .poll(() => decisions('webContents.will-navigate.decision').length)
      .toBe(before + 1);
    expect(decisions('webContents.will-navigate.decision').at(-1)).toBe('deny');
  }
  // Still the app: its page answers and its address is unchanged.
  expect(await page.evaluate(() => document.querySelector('.library') !== null)).toBe(true);
  expect(page.url()).toBe(appUrl);
});

test('permission requests are denied by main’s session handlers', async () => {
  const page = await desktop.page();
  const states = await page.evaluate(async () => {
    const query = (name: string) =>
      navigator.permissions.query({ name: name as PermissionName }).then((status) => status.state);
    return {
      notifications: await query('notifications'),
      geolocation: await query('geolocation'),
      camera: await query('camera'),
      request: await Notification.requestPermission(),
    };
  });
  expect(states).toEqual({
    notifications: 'denied',
    geolocation: 'denied',
    camera: 'denied',
    request: 'denied',
  });
  const answers = desktop.standIn.record.argsOf('session.permission').map(([answer]) => answer);
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.filter((answer) => (answer as { granted: boolean }).granted)).toEqual([]);
});

test('byline:// serves only app files, with a CSP and nosniff, and answers 404 for anything else', async () => {
  const { fetchScheme } = desktop.standIn;
  const index = await fetchScheme('byline://app/index.html');
  expect(index.status).toBe(200);
  const html = await index.text();
  const script = /src="(?:\.?\/)?(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const served = await fetchScheme(`byline://app/${script}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toContain('javascript');
  expect(await served.text()).toBe(
    readFileSync(path.resolve(import.meta.dirname, '../../dist/renderer', script ?? ''), 'utf8'),
  );
  for (const response of [index, served]) {
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  }

  for (const url of [
    'byline://app/missing.js',
    'byline://app/assets',
    'byline://app/%2e%2e/package.json',
    'byline://app/..%2f..%2fpackage.json',
    'byline://other/index.html',
  ]) {
    const refused = await fetchScheme(url);
    expect(refused.status, url).toBe(404);
    expect(refused.headers.get('x-content-type-options'), url).toBe('nosniff');
    expect(refused.headers.get('content-security-policy'), url).toBeTruthy();
  }
  // Through Chromium too: the page gets a 404, and no handler ever threw.
  const status = await (
    await desktop.page()
  ).evaluate(() => fetch('/no-such-file.js').then((response) => response.status));
  expect(status).toBe(404);
  expect(desktop.standIn.record.has('protocol.handlerThrew')).toBe(false);
});
