import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { callByline } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import type { BylineServer } from './support/bylineServer';

test.use({ bylineOptions: { fixtures: ['articles-e2e', 'encodings'] } });

test('a short Big5 file asks how to read it (謝謝 or 谅谅), opens as chosen and saves back in Big5', async ({
  app,
  byline,
}) => {
  await app.locator('.library-item[data-path="big5-short.md"]').click();
  const dialog = app.getByTestId('encoding-dialog');
  await expect(dialog).toContainText('謝謝');
  await expect(dialog).toContainText('谅谅');
  await dialog.getByRole('button', { name: 'Open as Big5' }).click();
  await expect(dialog).toHaveCount(0);
  const editor = app.locator('.cm-content');
  await expect(editor).toContainText('謝謝');
  await savesBackAsBig5(app, byline, 'big5-short.md');
});

/** Another program rewrites an open UTF-8 article as Big5 謝謝 (C1C2 C1C2, GB18030 谅谅), made by Python's cp950. */
function rewriteAsShortBig5(workspace: string): Buffer {
  const big5 = readFileSync(path.join(workspace, 'big5-short.md'));
  expect(big5.toString('hex')).toBe('c1c2c1c20a');
  writeFileSync(path.join(workspace, 'notes-en.md'), big5);
  return big5;
}

test('a saved article rewritten on disk as short Big5 is asked about, read as chosen, and never listed as 谅谅', async ({
  app,
  byline,
}) => {
  await openArticle(app, 'notes-en.md');
  rewriteAsShortBig5(byline.workspace);

  const dialog = app.getByTestId('encoding-dialog');
  await expect(dialog).toContainText('谅谅');
  await dialog.getByRole('button', { name: 'Open as Big5' }).click();
  await expect(app.locator('.cm-content')).toHaveText('謝謝');
  await expect(app.getByTestId('status-format')).toContainText('BIG5');
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  const row = app.locator('.library-item[data-path="notes-en.md"] .library-item-title');
  await expect(row).toHaveText('notes-en');
  await expect(app.locator('[role="tab"][data-tab-id]', { hasText: '谅谅' })).toHaveCount(0);
});

test('unsaved words over an article rewritten as short Big5: the version taken from disk saves back in Big5', async ({
  app,
  byline,
}) => {
  await callByline(byline, 'settings.update', { autosave: false });
  await openArticle(app, 'notes-en.md');
  const editor = app.locator('.cm-content');
  await editor.click();
  await app.keyboard.press('Control+End');
  await app.keyboard.insertText('MINE');
  rewriteAsShortBig5(byline.workspace);

  const dialog = app.getByTestId('encoding-dialog');
  await dialog.getByRole('button', { name: 'Open as Big5' }).click();
  const banner = app.getByTestId('conflict-banner');
  await expect(banner).toBeVisible();
  await expect(editor).toContainText('MINE');
  await banner.getByRole('button', { name: 'Take the version on disk' }).click();
  await expect(editor).toHaveText('謝謝');
  await savesBackAsBig5(app, byline, 'notes-en.md');
});

/** The article reads as Big5: one more character saved goes to disk as Big5 bytes (Python's cp950). */
async function savesBackAsBig5(app: Page, byline: BylineServer, file: string): Promise<void> {
  await expect(app.getByTestId('status-format')).toContainText('BIG5');
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.insertText('你');
  await app.keyboard.press('Control+s');
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(path.join(byline.workspace, file)).toString('hex')).toBe('c1c2c1c20aa741');
}
