import { callByline as request } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';

// A render error stays inside its pane: the pane says what failed, the rest of the window works,
// and the article it failed on is not reopened by the next start.

const chip = 'posts/chip-export-rules.md';

test('a side panel that throws shows its error; editor, preview and saving keep working', async ({
  page,
  byline,
}) => {
  // A broken answer from main (a schema whose fields are not a list) makes the front matter form
  // throw while rendering: the fault comes from outside the product, through the network.
  await page.route('**/api/workspace.schema', (route) =>
    route.fulfill({ json: { ok: true, value: { fields: 42 } } }),
  );
  await page.goto(byline.url);
  await expect(page.locator('.library')).toBeVisible();
  await openArticle(page, chip);

  const panel = page.locator('[data-panel="front-matter"]');
  await expect(panel.getByTestId('pane-error')).toContainText('not iterable');
  await expect(panel.getByTestId('pane-error')).toContainText('stopped working');

  // The rest of the window works: typing, the preview, saving.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n\n面板出错后继续写。');
  await expect(page.getByTestId('preview')).toContainText('面板出错后继续写。');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // The article the pane failed on is kept out of the session a restart reopens.
  await expect
    .poll(async () => ((await request(byline, 'session.get')) as { openTabs: string[] }).openTabs)
    .not.toContain(chip);

  // "Reopen as plain text" closes the failed panel; the article stays in the editor.
  await panel.getByRole('button', { name: 'Reopen as plain text' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.locator('.cm-content')).toContainText('面板出错后继续写。');
});
