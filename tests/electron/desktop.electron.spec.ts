import { expect, test } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clickMenuItem, launchByline, readyWindow } from './launchByline';

// Desktop integration (issue 9) against the real Electron app: native menu, dialogs, the
// unsaved-changes prompt, command-line files, window state. Native dialogs are replaced in the
// main process with stubs that record what Byline asked and answer like a user would.

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const article = 'posts/chip-export-rules.md';

test('starts with the native menu built from the command registry', async () => {
  const { app } = await launchByline();
  try {
    await readyWindow(app);
    const menu = await app.evaluate(({ Menu }) => {
      const top = Menu.getApplicationMenu()?.items ?? [];
      const save = Menu.getApplicationMenu()?.getMenuItemById('file.save');
      return {
        titles: top.map((item) => item.label),
        save: save?.accelerator ?? null,
        platform: process.platform,
      };
    });
    const expected = ['File', 'Edit', 'View', 'Format', 'Insert', 'Window', 'Help'];
    expect(menu.titles).toEqual(menu.platform === 'darwin' ? ['Byline', ...expected] : expected);
    expect(menu.save).toBe(menu.platform === 'darwin' ? 'Cmd+S' : 'Ctrl+S');
  } finally {
    await app.close();
  }
});

test('File > Open Workspace… shows a folder dialog and opens the chosen folder', async () => {
  const { app, base } = await launchByline();
  try {
    const other = path.join(base, 'other-workspace');
    cpSync(path.join(fixtures, 'writing-e2e'), other, { recursive: true });
    await readyWindow(app);
    await app.evaluate(({ dialog }, folder) => {
      const calls: unknown[] = [];
      (globalThis as Record<string, unknown>).dialogCalls = calls;
      dialog.showOpenDialog = (async (...args: unknown[]) => {
        calls.push(args.at(-1));
        return { canceled: false, filePaths: [folder] };
      }) as typeof dialog.showOpenDialog;
    }, other);
    await clickMenuItem(app, 'file.openWorkspace');
    // The renderer reloads onto the new workspace.
    const window = await app.firstWindow();
    await expect(window.locator('.library-item[data-path="long/scroll-sync.md"]')).toBeVisible({
      timeout: 15_000,
    });
    await expect
      .poll(() =>
        app.evaluate(
          () =>
            ((globalThis as Record<string, unknown>).dialogCalls as { properties?: string[] }[])[0]
              ?.properties,
        ),
      )
      .toContain('openDirectory');
    const recent = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.getMenuItemById('file.openRecent')?.submenu?.items ?? []).map(
        (item) => item.label,
      ),
    );
    expect(recent.join('\n')).toContain('workspace');
  } finally {
    await app.close();
  }
});

test('edits and saves; closing with unsaved changes asks Save / Don’t Save / Cancel', async () => {
  const { app, workspace } = await launchByline();
  const file = path.join(workspace, article);
  const original = readFileSync(file, 'utf8');
  try {
    const window = await readyWindow(app);
    await window.locator(`.library-item[data-path="${article}"]`).click();
    await window.locator('.cm-content').click();
    await window.keyboard.press('Control+End');
    await window.keyboard.insertText('电子版补充。');
    await window.keyboard.press('Control+s');
    await expect(window.getByTestId('save-state')).toHaveText('Saved');
    expect(readFileSync(file, 'utf8')).toBe(original + '电子版补充。');

    await window.keyboard.insertText('未保存的一句。');
    await expect(window.getByTestId('save-state')).toHaveText('Unsaved changes');

    // First answer Cancel: the window stays open and nothing is written.
    const ask = async (
      answer: 'Save' | 'Cancel' | 'Don’t Save',
    ): Promise<{ message: string; buttons: string[] }> => {
      await app.evaluate(({ dialog }, wanted) => {
        const g = globalThis as Record<string, unknown>;
        dialog.showMessageBox = (async (...args: unknown[]) => {
          const options = args.at(-1) as { message: string; buttons: string[] };
          g.lastPrompt = { message: options.message, buttons: options.buttons };
          return { response: options.buttons.indexOf(wanted), checkboxChecked: false };
        }) as typeof dialog.showMessageBox;
        g.lastPrompt = null;
      }, answer);
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await expect
        .poll(() => app.evaluate(() => (globalThis as Record<string, unknown>).lastPrompt))
        .not.toBeNull();
      return (await app.evaluate(() => (globalThis as Record<string, unknown>).lastPrompt)) as {
        message: string;
        buttons: string[];
      };
    };

    const prompt = await ask('Cancel');
    expect(prompt.message).toContain('Do you want to save the changes');
    expect([...prompt.buttons].sort()).toEqual(['Cancel', 'Don’t Save', 'Save']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    // Then Save: the article is written and the window closes.
    const closed = app.waitForEvent('close');
    await ask('Save');
    await closed;
    expect(readFileSync(file, 'utf8')).toBe(original + '电子版补充。未保存的一句。');
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
});

test('a Markdown file on the command line opens in its folder as the workspace', async () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'byline-electron-'));
  const elsewhere = path.join(base, 'elsewhere');
  mkdirSync(elsewhere);
  const file = path.join(base, 'workspace', article);
  const { app } = await launchByline({ base, startWorkspace: elsewhere, args: [file] });
  try {
    const window = await readyWindow(app);
    await expect(window.locator('.library-item[data-path="chip-export-rules.md"]')).toBeVisible();
    await expect(window.locator('.cm-content')).toContainText('供应链');
    const recent = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.getMenuItemById('file.openRecent')?.submenu?.items ?? []).map(
        (item) => item.toolTip,
      ),
    );
    expect(recent).toContain(file);
  } finally {
    await app.close();
  }
});

test('window size and open tabs come back after a restart', async () => {
  const first = await launchByline();
  let size: number[] | undefined;
  try {
    const window = await readyWindow(first.app);
    await window.locator(`.library-item[data-path="${article}"]`).click();
    await expect(window.locator('.cm-content')).toContainText('供应链');
    size = await first.app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0];
      w?.setSize(1000, 700);
      return w?.getSize() ?? [];
    });
    await window.waitForTimeout(800);
  } finally {
    await first.app.close();
  }
  expect(existsSync(path.join(first.userData, 'window-state.json'))).toBe(true);
  const second = await launchByline({ base: first.base, userData: first.userData });
  try {
    const window = await readyWindow(second.app);
    const restored = await second.app.evaluate(
      ({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getSize() ?? [],
    );
    expect(restored).toEqual(size);
    await expect(window.locator('.cm-content')).toContainText('供应链');
  } finally {
    await second.app.close();
  }
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
