import type { Locator, Page, Route } from '@playwright/test';
import { editorText } from './support/editorView';
import { expect, test } from './support/fixtures';

// At start the app opens last session's article (or the first one) by itself. A writer who has
// already begun typing elsewhere keeps their keys: the article never takes the focus from them.
test.use({ bylineOptions: { fixtures: ['schema-workspace'] } });

/** Loads the app with the saved session held back until the returned function is called. */
async function loadWithSessionHeld(page: Page, url: string): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/session.get', async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto(url);
  return release;
}

/** Waits until the app has opened an article into the editor. */
async function articleOpened(page: Page): Promise<string> {
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toBeAttached();
  await expect.poll(() => editorText(page)).not.toBe('');
  return editorText(page);
}

/** Types `before`, lets the app open its article, types `after`: every key must land in `field`. */
async function typeAcrossRestore(
  page: Page,
  releaseSession: () => void,
  field: Locator,
  [before, after]: [string, string],
): Promise<void> {
  await expect(field).toBeFocused();
  await page.keyboard.type(before);
  releaseSession();
  const opened = await articleOpened(page);
  await page.keyboard.type(after);
  await expect(field).toHaveValue(before + after);
  await expect(field).toBeFocused();
  expect(await editorText(page)).toBe(opened);
}

test('keys typed into a dialog stay there', async ({ page, byline }) => {
  const releaseSession = await loadWithSessionHeld(page, byline.url);
  await page.getByTestId('library-new').click();
  const title = page.getByRole('dialog').getByLabel('Title');
  await typeAcrossRestore(page, releaseSession, title, ['港口', '吞吐量']);
});

test('keys typed into the library search stay there', async ({ page, byline }) => {
  const releaseSession = await loadWithSessionHeld(page, byline.url);
  const search = page.getByRole('searchbox', { name: 'Full-text search' });
  await search.click();
  await typeAcrossRestore(page, releaseSession, search, ['芯片', '出口']);
});
