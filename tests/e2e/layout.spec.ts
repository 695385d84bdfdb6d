import type { Page } from '@playwright/test';
import { callByline } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';

// The workbench's panes: resizable, docked side panels as tabs, remembered per workspace,
// collapsed when the window is narrow.
test.use({ bylineOptions: { fixtures: ['workbench-e2e'] } });

const sample = 'posts/article-zh-hugo.md';

/**
 * How many characters of the editor's font fit on one editor line: the line's text width over
 * the advance of "0" in the editor's own font (the CSS `ch`).
 */
function editorLineChars(page: Page): Promise<number> {
  return page.evaluate(() => {
    const line = document.querySelector('.editor-host .cm-line');
    const content = document.querySelector('.editor-host .cm-content');
    if (!line || !content) throw new Error('no editor line');
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    probe.style.font = getComputedStyle(content).font;
    probe.textContent = '0'.repeat(100);
    document.body.append(probe);
    const ch = probe.getBoundingClientRect().width / 100;
    probe.remove();
    const style = getComputedStyle(line);
    const text =
      line.getBoundingClientRect().width -
      parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight);
    return text / ch;
  });
}

const sidePanelTabs = (page: Page) => page.locator('.side-column [role="tab"]');

test('at 1280 px with both panels open the editor keeps 45 characters; panels are tabs of one column', async ({
  app,
}) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  await openArticle(app, sample);
  await expect(app.getByTestId('front-matter-panel')).toBeVisible();
  await app.keyboard.press('Control+Shift+R');
  await expect(sidePanelTabs(app)).toHaveText(['Front matter', 'References']);
  await expect(sidePanelTabs(app).nth(1)).toHaveAttribute('aria-selected', 'true');
  // One panel shown at a time, in one column.
  await expect(app.locator('.side-panel')).toHaveCount(1);
  await expect(app.locator('.side-panel')).toHaveAttribute('data-panel', 'references');
  await expect(app.getByTestId('split')).toHaveAttribute('data-layout', 'split');

  expect(await editorLineChars(app)).toBeGreaterThanOrEqual(45);
  // Nothing overlaps: library | editor | preview | side column, left to right, within the window.
  const boxes = await Promise.all(
    ['.pane-library', '.split-editor', '.split-preview', '.pane-side'].map(async (selector) => {
      const box = await app.locator(selector).boundingBox();
      if (!box) throw new Error(`${selector} has no box`);
      return box;
    }),
  );
  for (let i = 1; i < boxes.length; i++) {
    const [before, after] = [boxes[i - 1], boxes[i]];
    expect(after!.x).toBeGreaterThanOrEqual(before!.x + before!.width - 1);
  }
  expect(boxes[3]!.x + boxes[3]!.width).toBeLessThanOrEqual(1280);

  // The first tab again, by keyboard.
  await sidePanelTabs(app).nth(1).focus();
  await app.keyboard.press('ArrowLeft');
  await expect(app.getByTestId('front-matter-panel')).toBeVisible();
  await expect(sidePanelTabs(app).first()).toBeFocused();
});

test('at 1400 px with a side panel open editor and preview get fair shares', async ({ app }) => {
  await app.setViewportSize({ width: 1400, height: 900 });
  await openArticle(app, sample);
  await expect(app.getByTestId('front-matter-panel')).toBeVisible();
  await expect(app.locator('.pane-library')).toBeVisible();
  expect(await editorLineChars(app)).toBeGreaterThanOrEqual(45);
  const editor = await app.locator('.split-editor').boundingBox();
  const preview = await app.locator('.split-preview').boundingBox();
  if (!editor || !preview) throw new Error('no editor or preview');
  // The side column and the library narrow toward their minimums before the preview does.
  expect(preview.width).toBeGreaterThanOrEqual(editor.width * 0.7);
});

test('pane sizes and the closed front-matter panel persist across a reload', async ({
  app,
  byline,
}) => {
  await app.setViewportSize({ width: 1600, height: 900 });
  await openArticle(app, sample);
  const library = app.getByTestId('library-splitter');
  const side = app.getByTestId('side-splitter');
  await expect(library).toHaveAttribute('role', 'separator');
  await expect(library).toHaveAttribute('aria-valuenow', '264');
  await expect(side).toHaveAttribute('aria-valuenow', '380');

  await library.focus();
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('ArrowRight');
  await expect(library).toHaveAttribute('aria-valuenow', '296');
  await side.focus();
  await app.keyboard.press('Shift+ArrowLeft');
  await expect(side).toHaveAttribute('aria-valuenow', '444');
  expect((await app.locator('.pane-library').boundingBox())?.width).toBe(296);
  expect((await app.locator('.pane-side').boundingBox())?.width).toBe(444);
  // Open references, then close the front-matter panel: references stays docked.
  await app.keyboard.press('Control+Shift+R');
  await sidePanelTabs(app).first().click();
  await app.keyboard.press('Control+Shift+M');
  // A single panel needs no tab strip.
  await expect(sidePanelTabs(app)).toHaveCount(0);
  await expect(app.locator('.side-panel')).toHaveAttribute('data-panel', 'references');

  await expect
    .poll(() => callByline(byline, 'layout.get'))
    .toEqual({
      libraryWidth: 296,
      sideWidth: 444,
      openPanels: ['references'],
      activePanel: 'references',
    });
  await app.reload();
  await expect(app.locator('.cm-content')).toBeVisible();
  await expect(library).toHaveAttribute('aria-valuenow', '296');
  await expect(side).toHaveAttribute('aria-valuenow', '444');
  await expect(app.locator('.side-panel')).toHaveAttribute('data-panel', 'references');
  await expect(app.getByTestId('front-matter-panel')).toHaveCount(0);
});

test('a narrow window collapses the library and the side column, which open over the editor on request', async ({
  app,
}) => {
  await app.setViewportSize({ width: 1600, height: 860 });
  await openArticle(app, sample);
  await expect(app.locator('.pane-library')).toBeVisible();
  await expect(app.locator('.pane-side')).toBeVisible();

  await app.setViewportSize({ width: 900, height: 860 });
  await expect(app.locator('.pane-library')).toHaveCount(0);
  await expect(app.locator('.pane-side')).toHaveCount(0);
  expect(await editorLineChars(app)).toBeGreaterThanOrEqual(45);

  await app.getByTestId('rail-library').click();
  const peek = app.getByTestId('peek-library');
  await expect(peek.locator('.library-item')).toHaveCount(13);
  await app.keyboard.press('Escape');
  await expect(peek).toHaveCount(0);
  await app.getByTestId('rail-side').click();
  await expect(app.getByTestId('peek-side').getByTestId('front-matter-panel')).toBeVisible();
  await app.locator('.cm-content').click();
  await expect(app.getByTestId('peek-side')).toHaveCount(0);

  // Room again: both come back at the widths they had.
  await app.setViewportSize({ width: 1600, height: 860 });
  await expect(app.getByTestId('rail-library')).toHaveCount(0);
  await expect(app.getByTestId('library-splitter')).toHaveAttribute('aria-valuenow', '264');
  await expect(app.getByTestId('side-splitter')).toHaveAttribute('aria-valuenow', '380');
});

test('the workbench fills the window exactly: nothing makes the page itself scroll', async ({
  app,
}) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  await openArticle(app, sample);
  await expect(app.locator('.editor-host .cm-content')).toBeVisible();
  // The editor's tooltips live in <body> with the editor theme's classes; scrolling the whole
  // page would move the workbench under the writer.
  const extent = await app.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(extent).toEqual({ height: 800, width: 1280 });
});
