import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callByline } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';

// Tools around the editor: the outline, the target length, full screen, the library's ⋯ menu.
test.use({ bylineOptions: { fixtures: ['workbench-e2e'] } });

const sample = 'posts/article-zh-hugo.md';
const sampleText = readFileSync(
  path.join(import.meta.dirname, '../fixtures/workbench-e2e', sample),
  'utf8',
);

/** The editor document, read from CodeMirror itself. */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    type Viewish = { state: { doc: { toString(): string } } };
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: Viewish } } }) | null;
    const view = content?.cmTile?.root?.view;
    if (!view) throw new Error('no CodeMirror view on .cm-content');
    return view.state.doc.toString();
  });
}

const headingsOf = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => /^#{2,3} /.test(line))
    .map((line) => line.replace(/^#+ /, ''));
const frontMatterOf = (text: string): string => text.slice(0, text.indexOf('\n---\n', 4) + 5);

test('outline: headings of the article, click to jump, the current section follows the cursor', async ({
  app,
}) => {
  await openArticle(app, sample);
  await app.keyboard.press('Control+Shift+L');
  const outline = app.getByTestId('outline-panel');
  const items = outline.locator('.outline-link');
  await expect(items).toHaveText([
    'AI权力博弈：OpenAI与微软的冰点联盟',
    '从实验室到国防：AI军备竞赛的新前线',
    '技术自主与社会影响：AI未来的十字路口',
    'References',
  ]);
  const lineOf = (heading: string): number =>
    sampleText.split('\n').findIndex((line) => line.endsWith(heading)) + 1;

  await items.nth(2).click();
  await expect(app.getByTestId('status-cursor')).toContainText(
    `Ln ${lineOf('技术自主与社会影响：AI未来的十字路口')},`,
  );
  await expect(app.locator('.cm-content')).toBeFocused();
  await expect(items.nth(2)).toHaveAttribute('aria-current', 'location');

  // Moving the cursor up into the first section moves the mark with it.
  await app.keyboard.press('Control+Home');
  await expect(outline.locator('[aria-current="location"]')).toHaveCount(0);
  await app.locator('.cm-line', { hasText: 'OpenAI与微软的合作始于2019年' }).click();
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'location');
  await expect(outline.locator('[aria-current="location"]')).toHaveCount(1);
});

test('outline: dragging a heading moves its whole section in one undoable step, front matter untouched', async ({
  app,
}) => {
  await openArticle(app, sample);
  await app.keyboard.press('Control+Shift+L');
  const items = app.getByTestId('outline-panel').locator('.outline-item');
  await expect(items).toHaveCount(4);

  await items.nth(2).dragTo(items.nth(0), { targetPosition: { x: 20, y: 2 } });
  await expect
    .poll(async () => headingsOf(await editorText(app)))
    .toEqual([
      '技术自主与社会影响：AI未来的十字路口',
      'AI权力博弈：OpenAI与微软的冰点联盟',
      '从实验室到国防：AI军备竞赛的新前线',
      'References',
    ]);
  const moved = await editorText(app);
  expect(frontMatterOf(moved)).toBe(frontMatterOf(sampleText));
  const lines = (text: string): string[] => text.split('\n').filter(Boolean).sort();
  expect(lines(moved)).toEqual(lines(sampleText));
  await expect(app.getByTestId('outline-panel').locator('.outline-link').first()).toHaveText(
    '技术自主与社会影响：AI未来的十字路口',
  );

  // One undo step puts everything back.
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+z');
  await expect.poll(() => editorText(app)).toBe(sampleText);
});

test('target length: the workspace default or the article’s own, as progress in the status bar (English and Chinese)', async ({
  app,
  byline,
}) => {
  await openArticle(app, sample);
  const target = app.getByTestId('status-target');
  // The status bar counts once the article has been read: wait for its figure.
  let words = 0;
  await expect
    .poll(async () => {
      const shown = await app.getByTestId('status-words').innerText();
      words = Number(/([\d,]+) words/.exec(shown)?.[1]?.replaceAll(',', '') ?? 0);
      return words;
    })
    .toBeGreaterThan(1000);
  // .byline/schema.yml gives target_length a default of 2000.
  await expect(target).toContainText(`Target 2000 · ${Math.floor((words / 2000) * 100)}%`);
  await expect(target).toHaveAttribute('aria-valuemax', '2000');

  await openArticle(app, 'posts/note-02.md'); // target_length: 40
  await expect(target).toContainText(/^Target 40 · 1\d\d%$/);
  await expect(target).toHaveClass(/status-target-reached/);

  await callByline(byline, 'settings.update', { locale: 'zh-CN' });
  await app.reload();
  await expect(app.locator('.cm-content')).toBeVisible();
  await expect(app.getByTestId('status-target')).toContainText(/^目标 \d+ 字 · \d+%$/);
});

test('full screen toggles from its shortcut', async ({ app }) => {
  await openArticle(app, sample);
  await app.locator('.cm-content').click();
  await app.keyboard.press('F11');
  await expect.poll(() => app.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await app.keyboard.press('F11');
  await expect.poll(() => app.evaluate(() => document.fullscreenElement !== null)).toBe(false);
});

test('the ⋯ menu of the last article in the library opens inside the window', async ({ app }) => {
  await app.setViewportSize({ width: 1280, height: 700 });
  const rows = app.locator('.library-row');
  await expect(rows).toHaveCount(13);
  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  await last.hover();
  await last.locator('.library-item-menu-button').click();
  const menu = last.getByRole('menu');
  const trash = menu.getByRole('menuitem', { name: 'Move to trash' });
  await expect(trash).toBeVisible();
  const box = await menu.boundingBox();
  if (!box) throw new Error('menu has no box');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  // Nothing covers its last item: it is what is under the pointer there.
  const trashBox = await trash.boundingBox();
  if (!trashBox) throw new Error('no box');
  const hit = await app.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.textContent ?? null,
    [trashBox.x + trashBox.width / 2, trashBox.y + trashBox.height / 2],
  );
  expect(hit).toBe(await trash.textContent());
  await menu.getByRole('menuitem', { name: 'Version history…' }).click();
  await expect(app.getByRole('dialog')).toBeVisible();
});
