import { readFileSync } from 'node:fs';
import path from 'node:path';
import { editorCursor, editorText } from './support/editorView';
import type { Route } from '@playwright/test';
import { expect, test } from './support/fixtures';

// A new article starts with the workspace's usual fields and the caret in its body.
test.use({ bylineOptions: { fixtures: ['schema-workspace'] } });

test('a new article has the usual fields, and typing goes into the body', async ({
  app,
  byline,
}) => {
  await app.getByTestId('library-new').click();
  const dialog = app.getByRole('dialog');
  await dialog.getByLabel('Title').fill('港口吞吐量回升');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.locator('[role="tab"][aria-selected="true"]')).toHaveAttribute(
    'title',
    /gang-kou-tun-tu-liang-hui-sheng\.md$/,
  );
  await expect.poll(() => editorText(app)).toContain('main_topics: []');
  const template = await editorText(app);
  expect(template).toContain('featured_image:');
  expect(await editorCursor(app)).toBe(template.length);
  await app.keyboard.type('第一段。');
  await expect.poll(() => editorText(app)).toBe(`${template}第一段。`);
  await app.keyboard.press('Control+s');
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  const shown =
    (await app.locator('[role="tab"][aria-selected="true"]').getAttribute('title')) ?? '';
  const relative = /([^\s]*gang-kou-tun-tu-liang-hui-sheng\.md)$/.exec(shown)?.[1] ?? '';
  const file = path.isAbsolute(relative) ? relative : path.join(byline.workspace, relative);
  expect(readFileSync(file, 'utf8')).toMatch(/\n---\n\n第一段。$/);
});

test('an article the app opens by itself does not take the keys typed into a dialog', async ({
  page,
  byline,
}) => {
  // Hold the saved session back, so the app opens its first article while the dialog is up.
  let releaseSession: () => void = () => undefined;
  const sessionHeld = new Promise<void>((resolve) => (releaseSession = resolve));
  await page.route('**/api/session.get', async (route: Route) => {
    await sessionHeld;
    await route.continue();
  });
  await page.goto(byline.url);
  await page.getByTestId('library-new').click();
  const title = page.getByRole('dialog').getByLabel('Title');
  await expect(title).toBeFocused();
  await page.keyboard.type('港口');
  releaseSession();
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toBeAttached();
  await expect(page.locator('.cm-content')).toBeAttached();
  await page.keyboard.type('吞吐量');
  await expect(title).toHaveValue('港口吞吐量');
  await expect(title).toBeFocused();
  const opened = await editorText(page);
  expect(opened).not.toContain('吞吐量');
});
