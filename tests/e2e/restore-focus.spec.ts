import type { Page, Route } from '@playwright/test';
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

test('keys typed into a dialog stay there', async ({ page, byline }) => {
  const releaseSession = await loadWithSessionHeld(page, byline.url);
  await page.getByTestId('library-new').click();
  const title = page.getByRole('dialog').getByLabel('Title');
  await expect(title).toBeFocused();
  await page.keyboard.type('港口');
  releaseSession();
  const opened = await articleOpened(page);
  await page.keyboard.type('吞吐量');
  await expect(title).toHaveValue('港口吞吐量');
  await expect(title).toBeFocused();
  expect(await editorText(page)).toBe(opened);
});

test('keys typed into the library search stay there', async ({ page, byline }) => {
  const releaseSession = await loadWithSessionHeld(page, byline.url);
  const search = page.getByRole('searchbox', { name: 'Full-text search' });
  await search.click();
  await page.keyboard.type('芯片');
  releaseSession();
  const opened = await articleOpened(page);
  await page.keyboard.type('出口');
  await expect(search).toHaveValue('芯片出口');
  await expect(search).toBeFocused();
  expect(await editorText(page)).toBe(opened);
});
