import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openArticle, test } from './support/fixtures';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(import.meta.dirname, '__screenshots__');

test.describe('export dialog (browser mode)', () => {
  test.use({ bylineOptions: { fixtures: ['export/batch'] } });

  test('batch-exports 20 library articles: 19 succeed, the broken one is reported, the progress bar reaches the end', async ({
    app,
    byline,
  }) => {
    const out = path.join(byline.workspace, '..', 'batch-out');
    await expect(app.locator('.library-item')).toHaveCount(20);

    await app.locator('body').click({ position: { x: 5, y: 5 } });
    await app.keyboard.press('Control+e');
    const dialog = app.getByRole('dialog', { name: 'Export' });
    await expect(dialog).toBeVisible();

    await dialog.getByLabel('Choose from the library').check();
    await dialog.getByRole('button', { name: 'Select all' }).click();
    await expect(dialog.getByText('20 selected')).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'HTML page' }).check();
    await dialog.getByRole('checkbox', { name: 'Plain text', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Word (.docx)' }).check();
    await dialog.locator('input[name="outputDir"]').fill(out);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();

    await expect(dialog.getByTestId('export-progress-text')).toHaveText('19 exported, 1 failed', {
      timeout: 60_000,
    });
    const progress = dialog.getByTestId('export-progress');
    await expect(progress).toHaveAttribute('max', '20');
    await expect(progress).toHaveAttribute('value', '20');

    const results = dialog.getByTestId('export-results').locator('li');
    await expect(results).toHaveCount(20);
    await expect(dialog.locator('li[data-ok="true"]')).toHaveCount(19);
    const failed = dialog.locator('li[data-ok="false"]');
    await expect(failed).toHaveCount(1);
    await expect(failed).toHaveAttribute('data-path', 'posts/broken.md');
    await expect(failed.getByRole('alert')).toContainText('binary file');
    // Browser mode cannot open files: the dialog shows where they went.
    await expect(dialog.getByTestId('export-saved-to')).toContainText(out);

    const written = readdirSync(out);
    expect(written.filter((f) => f.endsWith('.html'))).toHaveLength(19);
    expect(written.filter((f) => f.endsWith('.txt'))).toHaveLength(19);
    expect(written.filter((f) => f.endsWith('.docx'))).toHaveLength(19);
    // The choices are remembered for this workspace.
    const remembered = JSON.parse(
      readFileSync(path.join(byline.workspace, '.byline', 'export.json'), 'utf8'),
    ) as { formats: string[]; outputDir: string };
    expect(remembered.formats.sort()).toEqual(['docx', 'html', 'txt']);
    expect(remembered.outputDir).toBe(out);
  });

  test('.byline/export.json cannot send exports outside or turn on remote images without the writer', async ({
    app,
    byline,
  }) => {
    const planted = path.join(byline.workspace, '..', 'planted-out');
    mkdirSync(path.join(byline.workspace, '.byline'), { recursive: true });
    writeFileSync(
      path.join(byline.workspace, '.byline', 'export.json'),
      JSON.stringify({
        formats: ['txt'],
        outputDir: planted,
        options: { allowRemoteImages: true },
      }),
    );
    await openArticle(app, 'posts/story-01.md');
    await app.keyboard.press('Control+e');
    const dialog = app.getByRole('dialog', { name: 'Export' });
    const confirm = dialog.getByTestId('export-confirm');
    await expect(confirm).toContainText(planted);
    await expect(confirm).toContainText('remote images');
    // Held back, not applied: the folder field shows the default until the writer allows it.
    await expect(dialog.locator('input[name="outputDir"]')).toHaveValue('');
    await confirm.getByRole('button', { name: 'Ignore' }).click();
    await expect(confirm).toBeHidden();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByTestId('export-progress-text')).toHaveText('1 exported, 0 failed');
    await expect(dialog.getByTestId('export-saved-to')).toContainText('Byline Exports');
    expect(existsSync(planted)).toBe(false);
  });

  test('copies the open article to the clipboard as rich text and plain text', async ({
    app,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openArticle(app, 'posts/story-03.md');
    await app.keyboard.press('Control+e');
    const dialog = app.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('button', { name: 'Copy as rich text (WeChat, CMS)' }).click();
    await expect(
      dialog.getByText('Copied. Paste it into the WeChat editor or your CMS.'),
    ).toBeVisible();
    const clipboard = await app.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const read = async (type: string): Promise<string> =>
        item && item.types.includes(type) ? (await item.getType(type)).text() : '';
      return { html: await read('text/html'), text: await read('text/plain') };
    });
    expect(clipboard.html).toContain('新能源汽车观察（第3篇）');
    expect(clipboard.html).toMatch(/<h1[^>]*style="/);
    expect(clipboard.html).not.toMatch(/<script|<style|\sclass=|<a\s/i);
    expect(clipboard.html).toContain('[1]');
    expect(clipboard.text.startsWith('新能源汽车观察（第3篇）')).toBe(true);
    expect(clipboard.text).not.toContain('**');
  });
});

test.describe('themed output and the command line', () => {
  let out: string;
  test.beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'byline-export-shots-'));
    mkdirSync(screenshots, { recursive: true });
  });
  test.afterAll(() => rmSync(out, { recursive: true, force: true }));

  for (const theme of ['classic', 'sans'] as const) {
    test(`byline export (bin) writes ${theme} HTML and PDF; screenshots of both`, async ({
      page,
    }) => {
      const target = path.join(out, theme);
      const run = spawnSync(
        process.execPath,
        [
          'bin/byline.mjs',
          'export',
          'tests/fixtures/export/sample/article.md',
          '--format',
          'html,pdf,wechat',
          '--theme',
          theme,
          '--out',
          target,
        ],
        { cwd: repoRoot, encoding: 'utf8', timeout: 90_000 },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('1 of 1 exported');

      await page.setViewportSize({ width: 1000, height: 1300 });
      await page.goto(`file://${path.join(target, 'article.html')}`);
      await expect(page.locator('h1.article-title')).toHaveText(
        'OpenAI与微软权力对弈：国防合约背后的大模型自主之路',
      );
      await page.screenshot({ path: path.join(screenshots, `export-html-${theme}.png`) });

      const pdfBase = path.join(target, 'page');
      const raster = spawnSync(
        'pdftoppm',
        ['-png', '-r', '110', '-f', '1', '-l', '2', path.join(target, 'article.pdf'), pdfBase],
        { encoding: 'utf8' },
      );
      expect(raster.status).toBe(0);
      for (const n of [1, 2]) {
        const png = [`${pdfBase}-${n}.png`, `${pdfBase}-0${n}.png`].find((p) => existsSync(p));
        expect(png).toBeDefined();
        copyFileSync(png as string, path.join(screenshots, `export-pdf-${theme}-page${n}.png`));
      }

      if (theme === 'classic') {
        await page.setViewportSize({ width: 620, height: 1300 });
        await page.goto(`file://${path.join(target, 'article.wechat.html')}`);
        await page.screenshot({ path: path.join(screenshots, 'export-wechat.png') });
      }
    });
  }
});
