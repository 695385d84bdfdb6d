import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { BylineServer, StartOptions } from './bylineServer';
import { startByline } from './bylineServer';

interface BylineFixtures {
  /** Options for the server; override per file with test.use({ bylineOptions: {...} }). */
  bylineOptions: StartOptions;
  byline: BylineServer;
  /** A page with Byline loaded and the library shown. */
  app: Page;
}

export const test = base.extend<BylineFixtures>({
  bylineOptions: [{ fixtures: ['articles-e2e'] }, { option: true }],
  byline: async ({ bylineOptions }, use) => {
    const server = await startByline(bylineOptions);
    await use(server);
    await server.close();
  },
  app: async ({ page, byline }, use) => {
    await page.goto(byline.url);
    await expect(page.locator('.library')).toBeVisible();
    await use(page);
  },
});

export { expect };

/** Open an article from the library by its workspace path and wait for the editor. */
export async function openArticle(page: Page, workspacePath: string): Promise<void> {
  await page.locator(`.library-item[data-path="${workspacePath}"]`).click();
  // The article's own tab, not the editor of the article shown before (it is visible already).
  const escaped = workspacePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(page.locator('[role="tab"][data-tab-id][aria-selected="true"]')).toHaveAttribute(
    'title',
    new RegExp(`(^|[\\/])${escaped}$`),
  );
  await expect(page.locator('.cm-content')).toBeVisible();
}
