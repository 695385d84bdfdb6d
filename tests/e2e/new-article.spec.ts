import { readFileSync } from 'node:fs';
import path from 'node:path';
import { editorCursor, editorText } from './support/editorView';
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
