import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { editorText } from './support/editorView';
import { expect, openArticle, test } from './support/fixtures';

// Workspace images are watched like articles: an image copied into the workspace folder while
// Byline runs shows up in the picker and in the preview without a reload, and the picker can
// import an image from anywhere on the computer.
test.use({ bylineOptions: { fixtures: ['schema-workspace'] } });

const sample = 'posts/chip-export-rules.md';
const fixtureImage = path.resolve(
  import.meta.dirname,
  '../fixtures/schema-workspace/images/chip wafer.png',
);

const featuredImage = (page: Page) =>
  page.getByTestId('front-matter-panel').locator('[data-field-key="featured_image"]');

async function openPicker(page: Page) {
  await openArticle(page, sample);
  await expect(page.getByTestId('front-matter-panel')).toHaveAttribute('data-schema', 'loaded');
  await featuredImage(page)
    .getByRole('button', { name: /^Choose an image/ })
    .click();
  return featuredImage(page).getByRole('dialog');
}

test('an image copied into the workspace appears in the picker without a reload', async ({
  app,
  byline,
}) => {
  const picker = await openPicker(app);
  await expect(picker.getByRole('button', { name: 'images/chip wafer.png' })).toBeVisible();
  await expect(picker.getByRole('button', { name: 'images/港口 夜景.png' })).toHaveCount(0);
  copyFileSync(fixtureImage, path.join(byline.workspace, 'images/港口 夜景.png'));
  await expect(picker.getByRole('button', { name: 'images/港口 夜景.png' })).toBeVisible();
});

test('a missing image in the preview names its path, and shows once the file is copied in', async ({
  app,
  byline,
}) => {
  await openArticle(app, sample);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.insertText('\n\n![港口夜景](../images/later.png)\n');
  const image = app.locator('[data-testid="preview"] img[alt="港口夜景"]');
  await expect(image).toHaveClass(/image-broken/);
  await expect(image).toHaveAttribute(
    'data-broken-label',
    'Image not found: images/later.png · 港口夜景',
  );
  copyFileSync(fixtureImage, path.join(byline.workspace, 'images/later.png'));
  await expect(image).not.toHaveClass(/image-broken/);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
});

test('the picker imports an image from elsewhere into the workspace images folder', async ({
  app,
  byline,
}) => {
  const elsewhere = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'byline-photos-')),
    '现场照片.png',
  );
  copyFileSync(fixtureImage, elsewhere);
  await openPicker(app);
  await featuredImage(app).getByTestId('image-import-input').setInputFiles(elsewhere);
  await expect(featuredImage(app).getByRole('textbox')).toHaveValue(/现场照片\.png$/);
  expect(existsSync(path.join(byline.workspace, 'images/现场照片.png'))).toBe(true);
  expect(
    (await editorText(app)).split('\n').find((line) => line.startsWith('featured_image:')),
  ).toMatch(/现场照片\.png$/);
  await expect(featuredImage(app).getByTestId('image-thumbnail')).toBeVisible();
});

test.describe('raw HTML images, on a site that publishes raw HTML', () => {
  test.use({ bylineOptions: { fixtures: ['export/raw-html'] } });

  test('a local one loads from the workspace and a remote one is a placeholder, as in Markdown', async ({
    app,
  }) => {
    await openArticle(app, 'article.md');
    const local = app.locator('[data-testid="preview"] img[alt="渔港夜景"]');
    await expect
      .poll(() => local.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(local).toHaveAttribute('width', '320');

    await app.locator('.cm-content').click();
    await app.keyboard.press('Control+End');
    await app.keyboard.insertText(
      '\n\n<img src="https://cdn.example.com/港口.png" alt="远程照片">\n',
    );
    await expect(
      app.locator('[data-testid="preview"] .image-placeholder-remote', { hasText: '远程照片' }),
    ).toBeVisible();
    await expect(app.locator('[data-testid="preview"] img[alt="远程照片"]')).toHaveCount(0);
  });
});
