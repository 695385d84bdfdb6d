import { mkdtempSync, renameSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openArticle, test } from './support/fixtures';

// Main answers with an error code and an English sentence; the Chinese UI shows its own sentence.

const chip = 'posts/chip-export-rules.md';

test.use({ bylineOptions: { fixtures: ['articles-e2e'], locale: 'zh-CN' } });

test('a save refused for a full disk is explained in Chinese, without main’s English sentence', async ({
  app,
}) => {
  const english =
    'The disk is full, so "posts/chip-export-rules.md" was not saved. Your text is still in Byline and the file on disk is unchanged. Free some space and save again.';
  // The disk cannot be filled here (tests run as root): main's answer to the save is injected.
  await app.route('**/api/article.save', (route) =>
    route.fulfill({
      json: { ok: true, value: { status: 'error', code: 'ENOSPC', message: english } },
    }),
  );
  await openArticle(app, chip);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.insertText('磁盘满了也不能丢。');
  await app.keyboard.press('Control+s');
  const banner = app.getByTestId('save-error-banner');
  await expect(banner).toContainText('磁盘已满');
  await expect(banner).toContainText(chip);
  await expect(app.locator('body')).not.toContainText('The disk is full');
  await expect(app.locator('body')).not.toContainText('was not saved');
  // The text is still there and still unsaved.
  await expect(app.locator('.cm-content')).toContainText('磁盘满了也不能丢。');
  await expect(app.getByTestId('tab-dirty')).toHaveCount(1);
});

test('a save main refuses is explained with its reason, not as a lost connection', async ({
  app,
  byline,
}) => {
  await openArticle(app, chip);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.insertText('文件夹被换成了链接。');
  // Another program moves the folder out of the workspace and leaves a symbolic link to it.
  const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'byline-moved-')), 'posts');
  renameSync(path.join(byline.workspace, 'posts'), elsewhere);
  symlinkSync(elsewhere, path.join(byline.workspace, 'posts'));
  await app.keyboard.press('Control+s');
  const banner = app.getByTestId('save-error-banner');
  await expect(banner).toContainText('指向工作区之外');
  await expect(banner).toContainText('文字仍在这里');
  await expect(banner).not.toContainText('无法连接到文件服务');
  await expect(app.locator('.cm-content')).toContainText('文件夹被换成了链接。');
  await expect(app.getByTestId('tab-dirty')).toHaveCount(1);
});
