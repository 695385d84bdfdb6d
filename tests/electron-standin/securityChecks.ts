/**
 * Run-time security checks of the desktop app under the stand-in, as functions that report
 * problems: the security spec expects none, the harness's self-test breaks main on purpose and
 * expects them to be found.
 */
import type { Page } from 'playwright-core';
import { ipcRequestChannel } from '../../shared/ipc/channels';
import { requests } from '../../shared/ipc/contract';
import type { ElectronStandIn } from './electronStandIn';

/** Every request of the contract, read from the contract itself (so new entries are covered). */
export const contractRequestNames = (): string[] => Object.keys(requests);

/** Contract requests without an ipcMain.handle registration. */
export function missingHandlers(standIn: ElectronStandIn): string[] {
  const handled = new Set(standIn.handledChannels());
  return contractRequestNames().filter((name) => !handled.has(ipcRequestChannel(name)));
}

/** Input no request accepts: each handler that is reachable answers 'invalid-input'. */
const unacceptableInput = [[['not an input']]];

/**
 * Calls every contract request from the page through the preload's API with an input its schema
 * refuses: a request whose answer is anything but `invalid-input` is not wired end to end.
 */
export async function unreachableRequests(page: Page): Promise<{ name: string; answer: string }[]> {
  const answers = await page.evaluate(
    async ({ names, input }) => {
      const api = (
        window as unknown as { byline: Record<string, (input: unknown) => Promise<unknown>> }
      ).byline;
      return Promise.all(
        names.map(async (name) => {
          const call = api[name];
          if (typeof call !== 'function') return { name, answer: 'not exposed by the preload' };
          return call(input).then(
            () => ({ name, answer: 'accepted' }),
            (error: Error) => ({ name, answer: `${error.name}: ${error.message}` }),
          );
        }),
      );
    },
    { names: contractRequestNames(), input: unacceptableInput },
  );
  return answers.filter(({ answer }) => !answer.startsWith('invalid-input:'));
}

/** What Electron's security checklist asks of every window, explicitly set (not left to defaults). */
const requiredPreferences: Partial<Record<keyof Electron.WebPreferences, unknown>> = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
};

/** Windows main created whose web preferences fall short, one line per shortfall. */
export function windowPreferenceProblems(standIn: ElectronStandIn): string[] {
  const problems: string[] = [];
  for (const [options] of standIn.record.argsOf('new BrowserWindow')) {
    const preferences = ((options as Electron.BrowserWindowConstructorOptions).webPreferences ??
      {}) as Record<string, unknown>;
    const title = (options as Electron.BrowserWindowConstructorOptions).title ?? 'untitled window';
    for (const [key, wanted] of Object.entries(requiredPreferences)) {
      // The hidden PDF window runs no script at all; its preferences need not repeat the Node ones.
      if (preferences.javascript === false && key !== 'sandbox' && preferences[key] === undefined)
        continue;
      if (preferences[key] !== wanted)
        problems.push(
          `${title}: ${key} is ${String(preferences[key])}, should be ${String(wanted)}`,
        );
    }
  }
  if (!standIn.record.has('app.enableSandbox')) problems.push('app.enableSandbox() was not called');
  return problems;
}
