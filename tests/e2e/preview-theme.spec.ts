import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { callByline as request } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';

// The preview is typeset by the export theme's own stylesheet: headings, paragraphs and the
// title compute to the same fonts, sizes and line heights as in the exported HTML page.
test.use({ bylineOptions: { fixtures: ['schema-workspace'] } });

const sample = 'posts/chip-export-rules.md';

const typography = (locator: Locator) =>
  locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      lineHeight: style.lineHeight,
      fontWeight: style.fontWeight,
      textAlign: style.textAlign,
    };
  });

/** Heading, paragraph, quote and title typography of an article page (preview or export). */
async function typeset(page: Page, root: string) {
  return {
    h2: await typography(page.locator(`${root} h2`).first()),
    h3: await typography(page.locator(`${root} h3`).first()),
    paragraph: await typography(page.locator(`${root} p`).nth(2)),
    quote: await typography(page.locator(`${root} blockquote p`).first()),
    title: await typography(page.locator(`${root} .article-title`)),
  };
}

for (const theme of ['classic', 'sans'] as const) {
  test(`preview headings are the exported page's (${theme} theme)`, async ({
    app,
    byline,
    browser,
  }) => {
    const settings = (await request(byline, 'export.getSettings')) as {
      options: Record<string, unknown>;
    };
    await request(byline, 'export.saveSettings', {
      ...settings,
      options: { ...settings.options, theme },
    });
    await app.reload();
    await expect(app.locator('.library')).toBeVisible();
    await openArticle(app, sample);
    const preview = app.getByTestId('preview');
    await expect(preview.locator('h3').first()).toHaveText('供应链：从集中到分散');
    await expect(preview).toHaveAttribute('lang', 'zh-CN');
    await expect(app.locator(`style[data-article-theme="${theme}"]`)).toHaveCount(1);
    const shown = await typeset(app, '[data-testid="preview"]');

    const out = path.join(byline.workspace, '..', `theme-${theme}`);
    await request(byline, 'export.run', {
      jobId: `theme-${theme}`,
      paths: [sample],
      formats: ['html'],
      outputDir: out,
      options: { ...settings.options, theme },
    });
    const file = readdirSync(out).find((name) => name.endsWith('.html'));
    expect(file).toBeDefined();
    const exported = await browser.newPage({ viewport: app.viewportSize() });
    await exported.goto(pathToFileURL(path.join(out, file ?? '')).href);
    const published = await typeset(exported, 'article.article');
    await exported.close();

    expect(shown).toEqual(published);
    // Classic sets headings in the serif, sans in the sans: the preview follows the theme.
    expect(shown.h3.fontFamily).toMatch(theme === 'classic' ? /Georgia/ : /Helvetica|Arial|sans/);
  });
}

test('a theme chosen in the Export dialog retypesets the open preview once saved', async ({
  app,
  byline,
  browser,
}) => {
  await openArticle(app, sample);
  const preview = app.getByTestId('preview');
  await expect(preview.locator('h3').first()).toHaveText('供应链：从集中到分散');
  await expect(app.locator('style[data-article-theme="classic"]')).toHaveCount(1);
  expect((await typography(preview.locator('h3').first())).fontFamily).toMatch(/Georgia/);

  const out = path.join(byline.workspace, '..', 'theme-switch');
  await app.keyboard.press('Control+e');
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  for (const name of ['PDF', 'Word (.docx)', 'Hugo page bundle', 'WeChat HTML', 'Plain text'])
    await dialog.getByRole('checkbox', { name, exact: true }).uncheck();
  await dialog.getByRole('checkbox', { name: 'HTML page', exact: true }).check();
  await dialog.getByLabel('Theme').selectOption('sans');
  await dialog.locator('input[name="outputDir"]').fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-progress-text')).toHaveText('1 exported, 0 failed', {
    timeout: 60_000,
  });
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toHaveCount(0);

  await expect(app.locator('style[data-article-theme="sans"]')).toHaveCount(1);
  await expect(app.locator('style[data-article-theme="classic"]')).toHaveCount(0);
  const shown = await typeset(app, '[data-testid="preview"]');
  const file = readdirSync(out).find((name) => name.endsWith('.html'));
  const exported = await browser.newPage({ viewport: app.viewportSize() });
  await exported.goto(pathToFileURL(path.join(out, file ?? '')).href);
  const published = await typeset(exported, 'article.article');
  await exported.close();
  expect(shown).toEqual(published);
  expect(shown.h3.fontFamily).toMatch(/Helvetica|Arial|sans/);
});
