import type { Locator, Page } from '@playwright/test';
import { expect, openArticle, test } from './support/fixtures';

// Every panel and dialog is reachable by keyboard and shows where the focus is: Tab walks the
// main screen with each side panel shown, and each dialog; every control Tab reaches looks
// different focused than unfocused; dialogs keep the focus inside and give it back on close.
test.use({ bylineOptions: { fixtures: ['writing-e2e'] } });
test.describe.configure({ timeout: 600_000 });

const sample = 'posts/chip-export-rules.md';

/** What the focus indicator may change: outline, box shadow, border, background. */
interface FocusLook {
  key: string;
  name: string;
  look: string;
}

/** Marks the focused element (so it can be found again unfocused) and reads its look. */
function readFocused(page: Page): Promise<FocusLook | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    element.dataset.focusWalk ??= String(document.querySelectorAll('[data-focus-walk]').length);
    // The editor shows the focus on its frame, not on the text.
    const style = getComputedStyle(
      (element.classList.contains('cm-content') && element.closest('.cm-editor')) || element,
    );
    return {
      key: element.dataset.focusWalk,
      name: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`,
      look: [
        style.outlineStyle,
        style.outlineWidth,
        style.outlineColor,
        style.boxShadow,
        style.borderColor,
        style.backgroundColor,
      ].join('|'),
    };
  });
}

function lookOf(page: Page, key: string): Promise<string | null> {
  return page.evaluate((key) => {
    const element = document.querySelector<HTMLElement>(`[data-focus-walk="${key}"]`);
    if (!element) return null;
    const style = getComputedStyle(
      (element.classList.contains('cm-content') && element.closest('.cm-editor')) || element,
    );
    return [
      style.outlineStyle,
      style.outlineWidth,
      style.outlineColor,
      style.boxShadow,
      style.borderColor,
      style.backgroundColor,
    ].join('|');
  }, key);
}

/**
 * Presses Tab (or Shift+Tab) until the focus comes back to where the walk started (or `limit`
 * presses); asserts each control reached looks different focused than once the focus has left
 * it, and that the focus stays inside `within` when given (`until`: the walk ends once the focus
 * leaves it). Returns the controls reached.
 */
async function walk(
  page: Page,
  options: { within?: Locator; until?: Locator; limit?: number; key?: 'Tab' | 'Shift+Tab' } = {},
): Promise<string[]> {
  const { within, until, limit = 150, key = 'Tab' } = options;
  const reached: string[] = [];
  const seen = new Set<string>();
  // The control focused before the walk is checked once Tab comes back to it.
  await readFocused(page);
  let previous: FocusLook | null = null;
  let outside = 0;
  for (let i = 0; i < limit; i++) {
    // Tab indents in the editor; Escape and then Tab leaves it (CodeMirror's convention).
    if (previous?.name.includes('cm-content')) await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    // CodeMirror marks itself focused after the focus event: read the editor's look once it has.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const active = document.activeElement;
          if (!active?.classList.contains('cm-content')) return true;
          return active.closest('.cm-editor')?.classList.contains('cm-focused') === true;
        }),
      )
      .toBe(true);
    const now = await readFocused(page);
    if (previous && now?.key !== previous.key) {
      // CodeMirror drops its focused state after the blur event: wait for it to settle.
      const key = previous.key;
      await expect
        .poll(() => lookOf(page, key), { message: `no visible focus on ${previous.name}` })
        .not.toBe(previous.look);
    }
    // Past the page's last control the focus goes to the browser's own; the next Tab comes
    // back to the page's first.
    if (!now) {
      if (within || until || ++outside > 2) break;
      continue;
    }
    if (within) {
      const inside = await within.evaluate((root) => root.contains(document.activeElement));
      expect(inside, `the focus left the dialog for ${now.name}`).toBe(true);
    }
    if (until && !(await until.evaluate((root) => root.contains(document.activeElement)))) break;
    // A whole round, or a single control that keeps the focus (the palette's input).
    if (seen.has(now.key)) break;
    seen.add(now.key);
    reached.push(now.name);
    previous = now;
  }
  return reached;
}

/** No transitions: a focus ring must be read where it ends, not halfway. */
async function settleStyles(page: Page): Promise<void> {
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
}

test('Tab reaches library, tabs, toolbar, editor, preview and each side panel, all with visible focus', async ({
  app,
}) => {
  await app.setViewportSize({ width: 1600, height: 900 });
  await settleStyles(app);
  await openArticle(app, sample);
  for (const [shortcut, panel, control] of [
    ['Control+Shift+M', '.fm-panel', /fm-input/],
    ['Control+Shift+R', '.references-panel', /references/],
    ['Control+Shift+L', '.outline-panel', /outline/],
  ] as const) {
    await app.locator('.cm-content').click();
    if (!(await app.locator(panel).isVisible())) await app.keyboard.press(shortcut);
    await expect(app.locator(panel)).toBeVisible();
    // From the top of the page: a stand-in control before everything else.
    await app.evaluate(() => {
      const start = document.createElement('button');
      start.id = 'focus-walk-start';
      document.body.prepend(start);
      start.focus();
    });
    const reached = (await walk(app)).join('\n');
    await app.evaluate(() => document.getElementById('focus-walk-start')?.remove());
    expect(reached).toContain('library-item');
    expect(reached).toMatch(/tab-title/);
    expect(reached).toMatch(/toolbar|app-menu/);
    expect(reached).toContain('cm-content');
    expect(reached).toContain('preview-scroller');
    expect(reached).toMatch(control);
  }
});

const dialogs = [
  { name: 'export', open: 'Control+e', dialog: (page: Page) => page.getByRole('dialog') },
  { name: 'settings', open: 'Control+,', dialog: (page: Page) => page.getByRole('dialog') },
  { name: 'history', open: 'Control+Shift+H', dialog: (page: Page) => page.getByRole('dialog') },
  { name: 'palette', open: 'Control+Shift+P', dialog: (page: Page) => page.getByRole('dialog') },
] as const;

for (const { name, open, dialog } of dialogs) {
  test(`the ${name} dialog keeps the focus inside, shows it, and gives it back on close`, async ({
    app,
  }) => {
    await settleStyles(app);
    await openArticle(app, sample);
    await app.locator('.cm-content').click();
    await app.keyboard.press(open);
    const box = dialog(app);
    await expect(box).toBeVisible();
    await expect
      .poll(() => box.evaluate((root) => root.contains(document.activeElement)))
      .toBe(true);
    await walk(app, { within: box });
    await walk(app, { within: box, key: 'Shift+Tab' });
    await app.keyboard.press('Escape');
    await expect(box).toBeHidden();
    await expect(app.locator('.cm-content')).toBeFocused();
  });
}

test('the find panel is reachable by keyboard, shows the focus, and Escape returns to the text', async ({
  app,
}) => {
  await settleStyles(app);
  await openArticle(app, sample);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+f');
  const panel = app.locator('.cm-search');
  await expect(panel).toBeVisible();
  await expect(panel.locator('input[name="search"]')).toBeFocused();
  const reached = (await walk(app, { until: panel, limit: 12 })).join('\n');
  expect(reached).toContain('input');
  expect(reached).toContain('button');
  await panel.locator('input[name="search"]').focus();
  await app.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(app.locator('.cm-content')).toBeFocused();
});
