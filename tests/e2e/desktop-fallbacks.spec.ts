import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openArticle, test } from './support/fixtures';

// Browser mode has no native dialogs: Byline asks for a typed path instead, and guards unsaved
// changes with the browser's own "Leave site?" prompt.

const article = 'posts/chip-export-rules.md';

test('File › Open Workspace asks for a folder path and reopens on that workspace', async ({
  app,
}) => {
  const other = mkdtempSync(path.join(os.tmpdir(), 'byline-other-'));
  mkdirSync(path.join(other, 'desk'));
  writeFileSync(path.join(other, 'desk', 'brief.md'), '---\ntitle: 简讯\n---\n\n今日要闻。\n');
  app.once('dialog', (dialog) => {
    expect(dialog.type()).toBe('prompt');
    void dialog.accept(other);
  });
  await app.locator('.library').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+Shift+O');
  await expect(app.locator('.library-item[data-path="desk/brief.md"]')).toBeVisible();
  await expect(app.locator(`.library-item[data-path="${article}"]`)).toHaveCount(0);
});

test('Save As asks for a workspace path and writes a copy there', async ({ app, byline }) => {
  await openArticle(app, article);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.insertText('副本补充。');
  app.once('dialog', (dialog) => void dialog.accept('posts/copy.md'));
  await app.keyboard.press('Control+Shift+S');
  await expect(app.locator('.library-item[data-path="posts/copy.md"]')).toBeVisible();
  expect(readFileSync(path.join(byline.workspace, 'posts/copy.md'), 'utf8')).toMatch(/副本补充。$/);
});

test('leaving the page with unsaved changes asks first (beforeunload)', async ({ app }) => {
  await openArticle(app, article);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.insertText('未保存。');
  await expect(app.getByTestId('save-state')).toHaveText('Unsaved changes');
  const asked = new Promise<string>((resolve) => {
    app.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    });
  });
  await app.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});
