import type { Page } from '@playwright/test';
import { expect, openArticle, test } from './support/fixtures';

// Tables in the editor: the Insert ▸ Table toolbar button, then Tab to move between cells with
// the columns aligned by display width.
test.use({ bylineOptions: { fixtures: ['writing-e2e'] } });

const sample = 'posts/chip-export-rules.md';

/** The editor's text, as CodeMirror holds it. */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\n'),
  );
}

test('insert a table, type Chinese and Latin cells with Tab, and the columns line up', async ({
  app,
}) => {
  await openArticle(app, sample);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  await app.keyboard.press('Enter');
  await app.locator('.toolbar-button[data-command="insert.table"]').click();

  // The cursor starts in the first header cell; Tab walks the cells, Tab at the end adds a row.
  await app.keyboard.insertText('公司');
  await app.keyboard.press('Tab');
  await app.keyboard.insertText('Amount');
  await app.keyboard.press('Tab');
  await app.keyboard.insertText('OpenAI');
  await app.keyboard.press('Tab');
  await app.keyboard.insertText('2亿美元');
  await app.keyboard.press('Tab');
  await app.keyboard.insertText('微软');
  await app.keyboard.press('Tab');

  const expected = [
    '| 公司   | Amount  |',
    '| ------ | ------- |',
    '| OpenAI | 2亿美元 |',
    '| 微软   |         |',
  ].join('\n');
  await expect.poll(() => editorText(app)).toContain(expected);
  // The cursor sits in the new row's last cell, not indented by the Tab; Shift-Tab aligns the
  // table again and goes back a cell; one undo takes back that layout and nothing more.
  await app.keyboard.insertText('30');
  await expect.poll(() => editorText(app)).toContain('| 微软   | 30        |');
  await app.keyboard.press('Shift+Tab');
  await expect.poll(() => editorText(app)).toContain('| 微软   | 30      |');
  await app.keyboard.insertText('微软公司');
  await expect.poll(() => editorText(app)).toContain('| 微软公司   | 30      |');
  await app.keyboard.press('Control+z');
  await expect.poll(() => editorText(app)).toContain('| 微软   | 30      |');
  await app.keyboard.press('Control+z');
  await expect.poll(() => editorText(app)).toContain('| 微软   | 30        |');

  // The preview shows it as a table.
  await expect(
    app.getByTestId('preview').locator('table td', { hasText: '2亿美元' }),
  ).toBeVisible();
});
