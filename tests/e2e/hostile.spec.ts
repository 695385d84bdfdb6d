import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openArticle, test } from './support/fixtures';

// deep-json.md: JSON front matter nested 20,000 levels deep (40 KB). It once threw a RangeError
// out of parseArticle: the panel threw while rendering, the window went blank, and it stayed
// blank on every reload because the session reopened the tab.
test.use({ bylineOptions: { fixtures: ['hostile-e2e'] } });
// Two page loads and a 40 KB line in Chromium on a shared two-core machine: more than the default.
test.setTimeout(180_000);

const panelOf = (page: Page) => page.getByTestId('front-matter-panel');

test('a workspace holding a deeply nested article opens; that tab shows the error; the rest works; a reload is not blank', async ({
  app,
  byline,
}) => {
  await expect(app.locator('.library-item[data-path="deep-json.md"]')).toBeVisible();
  await expect(app.locator('.library-item[data-path="ordinary.md"]')).toBeVisible();

  await openArticle(app, 'deep-json.md');
  const error = panelOf(app).getByTestId('front-matter-error');
  await expect(error).toContainText('nested more than 100 levels deep');

  // The rest works: another article opens, takes typing and saves.
  await openArticle(app, 'ordinary.md');
  await expect(panelOf(app).getByTestId('front-matter-error')).toHaveCount(0);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type('编辑已核。');
  await app.keyboard.press('Control+s');
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(path.join(byline.workspace, 'ordinary.md'), 'utf8')).toContain('编辑已核。');

  // A reload restores the session, both tabs included, and the window shows the app again.
  await openArticle(app, 'deep-json.md');
  await app.reload();
  await expect(app.locator('.library')).toBeVisible();
  await expect(app.locator('.cm-content')).toBeVisible();
  await expect(app.locator('[role="tab"][title$="deep-json.md"]')).toBeVisible();
  await app.locator('[role="tab"][title$="deep-json.md"]').click();
  await expect(panelOf(app).getByTestId('front-matter-error')).toContainText(
    'nested more than 100 levels deep',
  );
});
