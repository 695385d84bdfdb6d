import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openArticle, test } from './support/fixtures';

// Screenshots of the export dialog for review (light, dark, zh-CN), made while checking that it
// shows only the ticked formats' options and lists each article's files to open.
const screenshots = path.join(import.meta.dirname, '__screenshots__');

async function openDialog(app: Page, name: string): Promise<ReturnType<Page['getByRole']>> {
  await openArticle(app, 'article-zh-hugo.md');
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+e');
  const dialog = app.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('export dialog look (browser mode)', () => {
  test.use({ bylineOptions: { fixtures: ['export/zh-hugo'] } });

  test('light and dark: options follow the ticked formats, results list their files', async ({
    app,
    byline,
  }) => {
    test.setTimeout(240_000); // one export and two looks at the dialog on a busy machine
    mkdirSync(screenshots, { recursive: true });
    const dialog = await openDialog(app, 'Export');
    for (const format of ['HTML page', 'PDF', 'Word (.docx)', 'Hugo page bundle', 'Plain text'])
      await dialog.getByRole('checkbox', { name: format, exact: true }).uncheck();
    await dialog.getByRole('checkbox', { name: 'WeChat HTML' }).uncheck();
    await expect(dialog.getByText('The ticked formats have no options.')).toBeVisible();

    await dialog.getByRole('checkbox', { name: 'Word (.docx)' }).check();
    await expect(dialog.getByLabel('Page size')).toBeVisible();
    await expect(dialog.getByLabel('Theme')).toBeHidden();
    await expect(dialog.getByLabel('Margins (mm)')).toBeHidden();
    await dialog.getByRole('checkbox', { name: 'Plain text', exact: true }).check();
    await expect(dialog.getByLabel('Wrap plain text at (0 = no wrapping)')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toHaveClass(
      /export-primary/,
    );

    await dialog
      .locator('input[name="outputDir"]')
      .fill(path.join(byline.workspace, '..', 'dialog-out'));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByTestId('export-progress-text')).toHaveText('1 exported, 0 failed', {
      timeout: 60_000,
    });
    const result = dialog.locator('li[data-path="article-zh-hugo.md"]');
    await expect(result.getByRole('button', { name: 'Open article-zh-hugo.docx' })).toBeVisible();
    await expect(result.getByRole('button', { name: 'Open article-zh-hugo.txt' })).toBeVisible();
    // Browser mode cannot open files: it says where the file is.
    await result.getByRole('button', { name: 'Open article-zh-hugo.docx' }).click();
    await expect(dialog.getByText(/Open it from .*article-zh-hugo\.docx/)).toBeVisible();
    await app.mouse.move(0, 0);
    await dialog.screenshot({ path: path.join(screenshots, 'export-dialog-light.png') });

    await dialog.locator('.export-dialog-footer').getByRole('button', { name: 'Close' }).click();
    await app.locator('[data-command="view.toggleTheme"]').click();
    await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
    await app.keyboard.press('Control+e');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'PDF' }).check();
    await expect(dialog.getByLabel('Margins (mm)')).toBeVisible();
    const background = await dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await app.mouse.move(0, 0);
    await dialog.screenshot({ path: path.join(screenshots, 'export-dialog-dark.png') });
  });
});

test.describe('export dialog in Chinese (browser mode)', () => {
  test.use({ bylineOptions: { fixtures: ['export/zh-hugo'], locale: 'zh-CN' } });

  test('zh-CN', async ({ app }) => {
    mkdirSync(screenshots, { recursive: true });
    const dialog = await openDialog(app, '导出');
    await dialog.getByRole('checkbox', { name: 'PDF' }).check();
    await expect(dialog.getByLabel('页边距（毫米）')).toBeVisible();
    await expect(dialog.getByRole('button', { name: '导出', exact: true })).toBeVisible();
    await app.mouse.move(0, 0);
    await dialog.screenshot({ path: path.join(screenshots, 'export-dialog-zh-CN.png') });
  });
});
