import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openArticle, test } from './support/fixtures';

// Issue 5 (writing experience): editor, live preview, scroll sync, layouts, themes, languages,
// IME, images. Runs against browser mode on tests/fixtures/writing-e2e.
test.use({ bylineOptions: { fixtures: ['writing-e2e'] } });

const repoRoot = path.resolve(import.meta.dirname, '../..');
const sample = 'posts/chip-export-rules.md';
const long = 'long/scroll-sync.md';
const longLines = readFileSync(
  path.join(repoRoot, 'tests/fixtures/writing-e2e', long),
  'utf8',
).split('\n');

const preview = (page: Page) => page.getByTestId('preview');

/** Opens an article and waits until the preview shows it. */
async function open(page: Page, workspacePath: string): Promise<void> {
  await openArticle(page, workspacePath);
  await expect(preview(page)).toHaveAttribute(
    'data-version',
    new RegExp(`^${workspacePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`),
  );
}

/** Puts the cursor at the end of the document. */
async function cursorToEnd(page: Page): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
}

/** 0-based line of the first editor line visible at the top (lines of the long fixture are unique). */
function editorTopLine(page: Page): Promise<number> {
  return page.evaluate((lines) => {
    const scroller = document.querySelector('.cm-scroller') as HTMLElement;
    const top = scroller.getBoundingClientRect().top;
    for (const line of document.querySelectorAll<HTMLElement>('.cm-line')) {
      if (line.getBoundingClientRect().bottom > top + 4)
        return lines.indexOf(line.textContent ?? '');
    }
    return -1;
  }, longLines);
}

/** data-line of the first preview block visible at the top. */
function previewTopLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.preview-scroller') as HTMLElement;
    const top = scroller.getBoundingClientRect().top;
    for (const block of document.querySelectorAll<HTMLElement>('.preview-article [data-line]')) {
      if (block.getBoundingClientRect().bottom > top + 4) return Number(block.dataset.line);
    }
    return -1;
  });
}

test('typing updates the preview, and the status bar counts words and shows the cursor', async ({
  app,
}) => {
  await open(app, sample);
  await expect(preview(app).locator('.article-title')).toHaveText(
    '芯片出口新规落地：供应链重组背后的算力博弈',
  );
  await cursorToEnd(app);
  await app.keyboard.press('Enter');
  await app.keyboard.type('## 新的小节');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await app.keyboard.insertText('记者补充：截至发稿，多家企业尚未回应置评请求。');
  await expect(preview(app).locator('h2', { hasText: '新的小节' })).toBeVisible();
  await expect(preview(app)).toContainText('记者补充：截至发稿');
  await expect(app.getByTestId('save-state')).toHaveText('Unsaved changes');
  await expect(app.getByTestId('status-words')).toContainText('words');
  await expect(app.getByTestId('status-cursor')).toContainText(/Ln \d+, Col 24/);
  await expect(
    app.locator('[role="tab"][aria-selected="true"] [data-testid="tab-dirty"]'),
  ).toBeVisible();
});

test('the status bar counts the article shown, also after switching tabs', async ({ app }) => {
  const countOf = async (workspacePath: string): Promise<string> => {
    const item = app.locator(`.library-item[data-path="${workspacePath}"]`);
    // The library lists the files first and fills in their counts after.
    await expect(item).toContainText(/[\d,]+ words/);
    return /([\d,]+) words/.exec(await item.innerText())?.[1] ?? 'missing';
  };
  const words = app.getByTestId('status-words');
  await open(app, sample);
  await expect(words).toContainText(`${await countOf(sample)} words`);
  await open(app, long);
  await expect(words).toContainText(`${await countOf(long)} words`);
  await app.locator('[role="tab"]', { hasText: '芯片出口新规落地' }).click();
  await expect(preview(app)).toHaveAttribute('data-version', /^posts\/chip-export-rules\.md:/);
  await expect(words).toContainText(`${await countOf(sample)} words`);
});

test('the preview header comes from the front matter, with footnote back-links and the featured image', async ({
  app,
}) => {
  await open(app, sample);
  const header = preview(app).locator('header.article-header');
  await expect(header.locator('.article-lead')).toContainText('新一轮芯片出口管制规则正式生效');
  await expect(header.locator('time')).toHaveText('2025-06-18 11:20');
  await expect(header.locator('.article-tag')).toHaveText([
    '芯片',
    '出口管制',
    '供应链',
    '数据中心',
  ]);
  const featured = header.locator('.article-featured-image img');
  await expect
    .poll(() => featured.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  // Five definitions, four of them cited: only cited notes are listed.
  await expect(preview(app).locator('section.footnotes li')).toHaveCount(4);
  await preview(app).locator('.footnote-ref a').first().click();
  await expect(preview(app).locator('.footnote-backref').first()).toBeInViewport();
});

test('scrolling the editor scrolls the preview to the matching block, and back', async ({
  app,
}) => {
  await open(app, long);
  await expect(preview(app)).toContainText('第60节第二段');

  await app.locator('.cm-scroller').hover();
  await app.mouse.wheel(0, 2400);
  await expect.poll(() => editorTopLine(app)).toBeGreaterThan(40);
  const editorLine = await editorTopLine(app);
  await expect
    .poll(async () => Math.abs((await previewTopLine(app)) - (await editorTopLine(app))))
    .toBeLessThanOrEqual(2);
  expect(await previewTopLine(app)).toBeGreaterThan(30);

  await app.locator('.preview-scroller').hover();
  // Far enough for 20 more source lines even in a narrow preview, where each block is taller.
  await app.mouse.wheel(0, 5000);
  await expect.poll(() => previewTopLine(app)).toBeGreaterThan(editorLine + 20);
  await expect
    .poll(async () => Math.abs((await editorTopLine(app)) - (await previewTopLine(app))))
    .toBeLessThanOrEqual(2);
});

test('clicking a preview paragraph puts the editor cursor on its source line', async ({ app }) => {
  await open(app, long);
  const target = '第12节第二段';
  const line = longLines.findIndex((text) => text.startsWith(target));
  await preview(app).locator('p', { hasText: target }).click();
  await expect(app.getByTestId('status-cursor')).toHaveText(`Ln ${line + 1}, Col 1`);
  await expect(app.locator('.cm-content')).toBeFocused();
  await app.keyboard.type('【补】');
  await expect(preview(app).locator('p', { hasText: target })).toContainText('【补】第12节第二段');
});

test('layouts switch between editor only, split and preview only', async ({ app }) => {
  await open(app, sample);
  const split = app.getByTestId('split');
  const editorPane = split.locator('> .split-editor');
  const previewPane = split.locator('> .split-preview');
  await expect(split).toHaveAttribute('data-layout', 'split');
  const divider = app.locator('.split-divider');
  await expect(divider).toBeVisible();

  await app.locator('[data-command="view.layoutEditor"]').click();
  await expect(split).toHaveAttribute('data-layout', 'editor');
  await expect(editorPane).toBeVisible();
  await expect(previewPane).toBeHidden();
  await expect(app.locator('[data-command="view.layoutEditor"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await app.locator('[data-command="view.layoutPreview"]').click();
  await expect(split).toHaveAttribute('data-layout', 'preview');
  await expect(editorPane).toBeHidden();
  await expect(previewPane).toBeVisible();

  await app.locator('[data-command="view.layoutSplit"]').click();
  await expect(split).toHaveAttribute('data-layout', 'split');
  // The divider is keyboard adjustable.
  await divider.focus();
  await app.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '52');
});

test('theme and language switch in the settings panel', async ({ app }) => {
  await open(app, sample);
  await app.locator('[data-command="window.settings"]').click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('Theme').selectOption('dark');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByLabel('Theme').selectOption('light');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');

  await dialog.getByLabel('Language').selectOption('zh-CN');
  await expect(app.getByRole('dialog', { name: '设置' })).toBeVisible();
  await app.getByRole('button', { name: '完成' }).click();
  await expect(app.locator('[data-command="format.bold"]')).toHaveAttribute('aria-label', '加粗');
  await expect(app.getByTestId('save-state')).toHaveText('已保存');
  await expect(app.getByTestId('status-words')).toContainText('字');
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // The theme command toggles too, and settings persist across a reload (once main has them:
  // the page shows the new theme before the request returns).
  const saved = app.waitForResponse((response) => response.url().includes('/api/settings.update'));
  await app.locator('[data-command="view.toggleTheme"]').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await saved).ok()).toBe(true);
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.locator('[data-command="format.bold"]')).toHaveAttribute('aria-label', '加粗');
});

test('editor: CJK bracket pairing, list continuation, formatting shortcut, search panel', async ({
  app,
  byline,
}) => {
  const file = path.join(byline.workspace, sample);
  const original = readFileSync(file, 'utf8');
  await open(app, sample);
  await cursorToEnd(app);
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await app.keyboard.insertText('「'); // pairs: 「|」
  await app.keyboard.insertText('引语');
  await app.keyboard.insertText('」'); // steps over the closing quote
  await app.keyboard.insertText('《'); // pairs: 《|》
  await app.keyboard.press('End');
  await app.keyboard.press('Enter');
  await app.keyboard.insertText('- 第一项');
  await app.keyboard.press('Enter'); // continues the list
  await app.keyboard.insertText('第二项');
  for (let i = 0; i < 3; i++) await app.keyboard.press('Shift+ArrowLeft');
  await app.keyboard.press('Control+b');
  await app.keyboard.press('Control+s');
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe(original + '\n\n「引语」《》\n- 第一项\n- **第二项**');
  await expect(preview(app).locator('li strong')).toHaveText('第二项');

  await app.keyboard.press('Control+f');
  await expect(app.locator('.cm-search input[name="search"]')).toBeFocused();
  await expect(app.locator('.cm-search [name="re"]')).toBeVisible();
  await expect(app.locator('.cm-search [name="case"]')).toBeVisible();
  await expect(app.locator('.cm-search input[name="replace"]')).toBeVisible();
});

test('IME: Chinese composition through CDP commits exactly the text, cursor after it', async ({
  app,
  byline,
}) => {
  const file = path.join(byline.workspace, sample);
  const original = readFileSync(file, 'utf8');
  await open(app, sample);
  await cursorToEnd(app);
  const cdp = await app.context().newCDPSession(app);
  for (const text of ['z', 'zh', 'zhong', 'zhongw', 'zhongwen']) {
    await cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  }
  await cdp.send('Input.imeSetComposition', { text: '中文', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '中文' });
  await app.keyboard.type('X');
  await app.keyboard.press('Control+s');
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe(original + '中文X');
});

test('IME: a toolbar command issued during composition waits for the composition to end', async ({
  app,
  byline,
}) => {
  const file = path.join(byline.workspace, sample);
  const original = readFileSync(file, 'utf8');
  await open(app, sample);
  await cursorToEnd(app);
  const cdp = await app.context().newCDPSession(app);
  await cdp.send('Input.imeSetComposition', { text: 'bao', selectionStart: 3, selectionEnd: 3 });
  // A programmatic click: no pointer events, so the composition stays open.
  await app
    .locator('[data-command="format.bold"]')
    .evaluate((button: HTMLButtonElement) => button.click());
  await cdp.send('Input.imeSetComposition', { text: '报道', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '报道' });
  await app.keyboard.type('X');
  await app.keyboard.press('Control+s');
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe(original + '报道**X**');
});

/** A real PNG made in the page (canvas), as a File. */
async function dispatchImage(page: Page, kind: 'paste' | 'drop', fileName: string): Promise<void> {
  await page.locator('.cm-content').evaluate(
    async (content, { kind, fileName }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 40;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.fillStyle = '#b3261e';
      g.fillRect(0, 0, 64, 40);
      const blob = await new Promise<Blob>((resolve) =>
        canvas.toBlob((b) => resolve(b as Blob), 'image/png'),
      );
      const data = new DataTransfer();
      data.items.add(new File([blob], fileName, { type: 'image/png' }));
      if (kind === 'paste') {
        content.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      } else {
        const box = content.getBoundingClientRect();
        const at = {
          clientX: box.left + 40,
          clientY: box.bottom - 10,
          dataTransfer: data,
          bubbles: true,
          cancelable: true,
        };
        content.dispatchEvent(new DragEvent('dragover', at));
        content.dispatchEvent(new DragEvent('drop', at));
      }
    },
    { kind, fileName },
  );
}

test("pasting an image copies it into the workspace's images folder and the preview shows it", async ({
  app,
  byline,
}) => {
  await open(app, sample);
  await cursorToEnd(app);
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await dispatchImage(app, 'paste', 'Pasted Photo.png');
  const copied = path.join(byline.workspace, 'images/Pasted-Photo.png');
  await expect.poll(() => existsSync(copied)).toBe(true);
  await expect(app.locator('.cm-content')).toContainText(
    '![Pasted Photo](../images/Pasted-Photo.png)',
  );
  const img = preview(app).locator('img[src*="Pasted-Photo.png"]');
  await expect(img).toHaveAttribute('src', /^\/asset\/images\/Pasted-Photo\.png$/);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(64);
});

test('dropping an image on a page-bundle article copies it beside index.md', async ({
  app,
  byline,
}) => {
  await open(app, 'bundles/dc-power/index.md');
  await dispatchImage(app, 'drop', 'grid chart.png');
  const copied = path.join(byline.workspace, 'bundles/dc-power/grid-chart.png');
  await expect.poll(() => existsSync(copied)).toBe(true);
  await expect(app.locator('.cm-content')).toContainText('![grid chart](grid-chart.png)');
  const img = preview(app).locator('img[src*="grid-chart.png"]');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(64);
});

test('a missing image shows a visible placeholder', async ({ app }) => {
  await open(app, sample);
  await cursorToEnd(app);
  await app.keyboard.insertText('\n\n![缺失的图](images/missing.png)\n');
  const img = preview(app).locator('img[src*="missing.png"]');
  await expect(img).toHaveClass(/image-broken/);
  await expect(img).toHaveAttribute(
    'data-broken-label',
    /^Image not found: posts\/images\/missing\.png/,
  );
});

test('screenshots of the split view in light and dark themes', async ({ app }) => {
  await app.setViewportSize({ width: 1440, height: 900 });
  await open(app, sample);
  // Just the split view: side panels (front matter form, references) closed.
  for (const panel of await app.locator('.side-panel').all()) {
    const id = await panel.getAttribute('data-panel');
    const command = id === 'front-matter' ? 'Control+Shift+M' : 'Control+Shift+R';
    await app.keyboard.press(command);
  }
  await expect(app.locator('.side-panel')).toHaveCount(0);
  const item = app.locator(`.library-item[data-path="${sample}"]`);
  await expect(item).toContainText(/[\d,]+ words/);
  await expect(app.getByTestId('status-words')).toContainText(
    /[\d,]+ words/.exec(await item.innerText())?.[0] ?? '?',
  );
  const featured = preview(app).locator('.article-featured-image img');
  await expect
    .poll(() => featured.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+Home');
  await app.mouse.move(0, 0);
  const dir = path.join(repoRoot, 'tests/e2e/__screenshots__');
  mkdirSync(dir, { recursive: true });
  await app.screenshot({ path: path.join(dir, 'split-light.png') });

  await app.locator('[data-command="view.toggleTheme"]').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.mouse.move(0, 0);
  await app.screenshot({ path: path.join(dir, 'split-dark.png') });

  mkdirSync(path.join(repoRoot, 'docs/images'), { recursive: true });
  copyFileSync(
    path.join(dir, 'split-light.png'),
    path.join(repoRoot, 'docs/images/byline-split.png'),
  );
});

test('focus mode, typewriter mode, line numbers, and no spellcheck in front matter or code', async ({
  app,
}) => {
  await open(app, sample);
  // Spellcheck: on for prose, off on front matter lines.
  await expect(app.locator('.cm-content')).toHaveAttribute('spellcheck', 'true');
  await expect(app.locator('.cm-line', { hasText: 'featured_image:' })).toHaveAttribute(
    'spellcheck',
    'false',
  );
  await expect(app.locator('.cm-line', { hasText: '在全球算力竞争日益激烈' })).not.toHaveAttribute(
    'spellcheck',
    'false',
  );

  await preview(app).locator('p', { hasText: '在全球算力竞争日益激烈' }).click();
  await app.locator('[data-command="view.focusMode"]').click();
  await expect(app.locator('.cm-editor')).toHaveClass(/cm-focus-mode/);
  await expect(app.locator('.cm-line.cm-focus-current')).toHaveCount(1);
  await expect(app.locator('.cm-line.cm-focus-current')).toContainText('在全球算力竞争日益激烈');
  await expect(app.locator('[data-command="view.focusMode"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await app.locator('[data-command="view.typewriterMode"]').click();
  await expect(app.locator('.cm-editor')).toHaveClass(/cm-typewriter/);

  await app.locator('[data-command="window.settings"]').click();
  await app.getByRole('dialog').getByLabel('Show line numbers').check();
  await app.getByRole('button', { name: 'Done' }).click();
  await expect(app.locator('.cm-lineNumbers')).toBeVisible();
});

test('one cursor is the native caret; several are drawn, solid while typing and blinking by a timer, with no CSS animation', async ({
  app,
}) => {
  await open(app, sample);
  await cursorToEnd(app);
  const layer = app.locator('.cm-scroller > .cm-cursorLayer');
  // One cursor: the browser's caret in the theme's colour, and no drawn layer to redraw per key.
  await app.keyboard.type(' 补充一句 caret caret', { delay: 20 });
  await expect(layer).toHaveCount(0);
  await expect(app.locator('.cm-content')).not.toHaveCSS('caret-color', 'rgba(0, 0, 0, 0)');

  // CodeMirror restarts its CSS blink on every selection change; each restart is a style
  // recalculation and a stream of compositor frames in the keystroke path.
  await app.evaluate(() => {
    const w = window as unknown as { caretAnimations: number };
    w.caretAnimations = 0;
    document.addEventListener('animationstart', (event) => {
      if ((event.target as Element).classList.contains('cm-cursorLayer')) w.caretAnimations++;
    });
  });
  // Two cursors: the word before the caret and its earlier occurrence (Mod-d).
  await app.keyboard.press('Shift+Control+ArrowLeft');
  await app.keyboard.press('Control+d');
  await expect(layer).toHaveCount(1);
  await app.keyboard.press('ArrowRight');
  await expect(layer.locator('.cm-cursor')).toHaveCount(2);
  await app.keyboard.type('s', { delay: 20 });
  await expect(app.locator('.cm-content')).toContainText('补充一句 carets carets');
  await expect(layer).toHaveCSS('animation-name', 'none');
  await expect(layer).toHaveCSS('visibility', 'visible');
  expect(
    await app.evaluate(() => (window as unknown as { caretAnimations: number }).caretAnimations),
  ).toBe(0);
  // Idle: the timer hides and shows the drawn cursors.
  await expect(layer).toHaveCSS('visibility', 'hidden', { timeout: 5000 });
  await expect(layer).toHaveCSS('visibility', 'visible', { timeout: 5000 });

  // Back to one cursor: the native caret again.
  await app.keyboard.press('Escape');
  await expect(layer).toHaveCount(0);
});

test('with reduced motion the native caret keeps still', async ({ app }) => {
  await app.emulateMedia({ reducedMotion: 'reduce' });
  await open(app, sample);
  await cursorToEnd(app);
  await expect(app.locator('.cm-content')).toHaveCSS('caret-animation', 'manual');
  await app.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(app.locator('.cm-content')).toHaveCSS('caret-animation', 'auto');
});
