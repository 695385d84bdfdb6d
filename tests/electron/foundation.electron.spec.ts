import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchByline } from './launchByline';

test('starts, opens the workspace, edits and saves an article', async () => {
  const { app, workspace } = await launchByline();
  try {
    const window = await app.firstWindow();
    expect(window.url()).toMatch(/^byline:\/\/app\//);
    const file = path.join(workspace, 'posts/chip-export-rules.md');
    const original = readFileSync(file, 'utf8');
    await window.locator('.library-item[data-path="posts/chip-export-rules.md"]').click();
    await window.locator('.cm-content').click();
    await window.keyboard.press('Control+End');
    await window.keyboard.insertText('电子版补充。');
    await window.keyboard.press('Control+s');
    await expect(window.getByTestId('save-state')).toHaveText('Saved');
    expect(readFileSync(file, 'utf8')).toBe(original + '电子版补充。');
  } finally {
    await app.close();
  }
});

test('the window runs with the secure web preferences', async () => {
  const { app } = await launchByline();
  try {
    const window = await app.firstWindow();
    // Electron has no getter for a window's effective webPreferences; check their effects instead.
    const exposed = await window.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const api = w.byline as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        frozen: Object.isFrozen(api),
        onlyContractFunctions: Object.keys(api).every((k) => k === 'on' || k.includes('.')),
        ipcRenderer: 'ipcRenderer' in api || 'invoke' in api || 'send' in api,
      };
    });
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      frozen: true,
      onlyContractFunctions: true,
      ipcRenderer: false,
    });
    const sandboxed = await app.evaluate(({ app: electronApp }) =>
      electronApp
        .getAppMetrics()
        .filter((m) => m.type === 'Tab')
        .map((m) => m.sandboxed ?? true),
    );
    expect(sandboxed.every(Boolean)).toBe(true);
  } finally {
    await app.close();
  }
});
