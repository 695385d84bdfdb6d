import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openArticle, test } from './support/fixtures';

// A file outside the workspace opens in its own tab under a one-file grant; the workspace, its
// library and its other tabs stay. File request errors are shown from their codes in the UI language.

const chip = 'posts/chip-export-rules.md';
const activeTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]');

test.describe('standalone files', () => {
  test('Open File outside the workspace opens a standalone tab; the workspace and its tabs stay', async ({
    app,
  }) => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'byline-outside-'));
    const file = path.join(outside, 'letter.md');
    writeFileSync(file, '# 读者来信\n\n原文。\n');

    await openArticle(app, chip);
    await app.locator('.cm-content').click();
    await app.keyboard.press('Control+End');
    await app.keyboard.insertText('工作区里未保存的字。');

    const tabsBefore = await app.locator('[role="tab"]').count();
    app.once('dialog', (dialog) => void dialog.accept(file));
    await app.locator('.library').click({ position: { x: 5, y: 5 } });
    await app.keyboard.press('Control+o');

    await expect(activeTab(app)).toHaveAttribute('title', file);
    await expect(activeTab(app)).toHaveAttribute('data-standalone', 'true');
    await expect(app.locator('.cm-content')).toContainText('原文。');
    // The workspace did not switch: its library and its tab (with its unsaved words) are there.
    await expect(app.locator(`.library-item[data-path="${chip}"]`)).toBeVisible();
    await expect(app.locator('[role="tab"]')).toHaveCount(tabsBefore + 1);
    await expect(app.locator(`[role="tab"][title$="${chip}"]`)).toBeVisible();

    // Saving writes the standalone file itself, nothing in the workspace.
    await app.locator('.cm-content').click();
    await app.keyboard.press('Control+End');
    await app.keyboard.insertText('回信已寄出。');
    await app.keyboard.press('Control+s');
    await expect.poll(() => readFileSync(file, 'utf8')).toBe('# 读者来信\n\n原文。\n回信已寄出。');

    await app.locator(`[role="tab"][title$="${chip}"]`).click();
    await expect(app.locator('.cm-content')).toContainText('工作区里未保存的字。');
  });
});

test.describe('errors in the UI language', () => {
  test.use({ bylineOptions: { fixtures: ['articles-e2e'], locale: 'zh-CN' } });

  test('renaming onto an existing article or to an invalid name is explained in Chinese', async ({
    app,
    byline,
  }) => {
    writeFileSync(path.join(byline.workspace, 'posts', 'taken.md'), '# 已有的文章\n');
    const rename = async (name: string): Promise<void> => {
      await app
        .getByRole('button', { name: '“芯片出口新规落地：供应链重组背后的算力博弈”的操作' })
        .click();
      await app.getByRole('menuitem', { name: '重命名…' }).click();
      await app.getByTestId('rename-name').fill(name);
      await app.getByTestId('rename-dialog').getByRole('button', { name: '重命名' }).click();
    };

    await rename('taken');
    await expect(app.locator('body')).toContainText('无法重命名文章：那里已有名为“taken”的文章');
    await rename('.隐藏');
    await expect(app.locator('body')).toContainText('“.隐藏”不能用作文件名。');

    await expect(app.locator('body')).not.toContainText('already exists');
    await expect(app.locator('body')).not.toContainText('cannot be used as a file name');
    expect(readFileSync(path.join(byline.workspace, 'posts', 'taken.md'), 'utf8')).toBe(
      '# 已有的文章\n',
    );
  });
});
