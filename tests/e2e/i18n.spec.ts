import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { englishInUi, latinWords } from './support/englishInUi';
import { expect, openArticle, test } from './support/fixtures';

test.use({ bylineOptions: { fixtures: ['palette-e2e'], locale: 'zh-CN' } });

const fixture = path.resolve(import.meta.dirname, '../fixtures/palette-e2e');
const zhArticle = 'article-zh-hugo.md';

test('the Chinese UI shows no English, with every panel and dialog open', async ({
  app,
  byline,
}) => {
  test.setTimeout(420_000); // a dozen screens walked on a busy machine
  // Words of the articles and the workspace are data, shown as written.
  const dataWords = latinWords(
    readFileSync(path.join(fixture, zhArticle), 'utf8'),
    readFileSync(path.join(fixture, 'notes-en.md'), 'utf8'),
    path.basename(byline.workspace),
    zhArticle,
    'notes-en.md',
    // The export folder main creates in the writer's documents (a path, shown as it is on disk).
    'Byline Exports',
  );
  const found: string[] = [];
  const check = async (step: string): Promise<void> => {
    for (const { text, words } of await englishInUi(app, dataWords))
      found.push(`${step}: "${text}" [${words.join(', ')}]`);
  };
  const editor = app.locator('.cm-content');
  const dialog = (name: string) => app.getByRole('dialog', { name });

  await openArticle(app, zhArticle);
  await expect(app.locator('[data-panel="front-matter"]')).toBeVisible();
  await editor.click();
  await app.keyboard.press('Control+Shift+R');
  await expect(app.locator('[data-panel="references"]')).toBeVisible();
  await check('main screen, both panels');

  await app.getByRole('button', { name: '菜单' }).click();
  await expect(app.getByRole('menu', { name: '菜单' })).toBeVisible();
  await check('app menu');
  await app.keyboard.press('Escape');

  await editor.click();
  await app.keyboard.press('F1');
  await expect(dialog('命令面板')).toBeVisible();
  await check('palette');
  await app.keyboard.press('Escape');

  await editor.click();
  await app.keyboard.press('Control+h');
  // Typed key by key: CodeMirror's panel takes the query on keyup.
  await app.locator('.cm-search input[name="search"]').pressSequentially('OpenAI');
  await expect(app.locator('.cm-search-count')).toHaveText(/共 \d+ 处|\d+ 处匹配/);
  await expect(app.locator('.cm-search button[name="next"]')).toHaveText('下一个');
  await check('find and replace panel');
  await app.locator('.cm-search input[name="search"]').press('Escape');

  await editor.click();
  await app.keyboard.press('Control+e');
  await expect(dialog('导出')).toBeVisible();
  await check('export dialog');
  await app.keyboard.press('Escape');

  await editor.click();
  await app.keyboard.press('Control+,');
  await expect(dialog('设置')).toBeVisible();
  await check('settings');
  await app.keyboard.press('Escape');

  await editor.click();
  await app.keyboard.press('Control+Shift+H');
  await expect(app.getByTestId('history-dialog')).toBeVisible();
  await check('history');
  await app.keyboard.press('Escape');

  await editor.click();
  await app.keyboard.press('Control+Shift+C');
  await expect(app.locator('.citation-form, [data-panel="references"] form').first()).toBeVisible();
  await check('citation form');
  await app.keyboard.press('Escape');

  await editor.click();
  await app.keyboard.press('Control+n');
  await expect(app.getByTestId('new-article-dialog')).toBeVisible();
  await check('new article dialog');
  await app.keyboard.press('Escape');

  // The references status speaks Chinese, and stays with its article.
  const references = app.locator('[data-panel="references"]');
  await references.getByRole('combobox', { name: '引用格式' }).selectOption('apa');
  const status = references.locator('.references-status');
  await expect(status).toBeVisible();
  await check('references status');
  await openArticle(app, 'notes-en.md');
  await expect(status).toHaveCount(0);
  await openArticle(app, zhArticle);

  // The compare view: the file changes on disk under unsaved words.
  await editor.click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type('补充一句。');
  writeFileSync(
    path.join(byline.workspace, zhArticle),
    `${readFileSync(path.join(fixture, zhArticle), 'utf8')}\n外部修改。\n`,
  );
  const conflict = app.getByTestId('conflict-banner');
  await expect(conflict).toBeVisible();
  await check('conflict banner');
  await conflict.getByRole('button', { name: '并排比较' }).click();
  await expect(app.getByTestId('compare-dialog')).toBeVisible();
  await check('compare view');
  await app.keyboard.press('Escape');
  await conflict.getByRole('button', { name: /保留我的版本/ }).click();
  await expect(conflict).toBeHidden();

  // The start screen, with every tab closed.
  for (const title of ['Newsroom notes', 'OpenAI']) {
    await app.getByRole('tab', { name: new RegExp(title) }).click();
    await app.locator('.workbench').press('Control+w');
  }
  await expect(app.getByTestId('start-screen')).toBeVisible();
  await check('start screen');

  expect(found).toEqual([]);
});

test('the page has a favicon', async ({ app }) => {
  const href = await app.locator('link[rel="icon"]').first().getAttribute('href');
  const response = await app.request.get(new URL(href ?? '', app.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
});

test.describe('English UI', () => {
  test.use({ bylineOptions: { fixtures: ['palette-e2e'] } });

  test('the Find panel capitalises its buttons and counts matches; Settings names WeChat and the citation styles as the panel does', async ({
    app,
  }) => {
    await openArticle(app, zhArticle);
    const editor = app.locator('.cm-content');
    await editor.click();
    await app.keyboard.press('Control+h');
    const panel = app.locator('.cm-search');
    await panel.locator('input[name="search"]').pressSequentially('OpenAI');
    await expect(panel.locator('.cm-search-count')).toHaveText(/^\d+ matches$/);
    await panel.locator('input[name="search"]').press('Enter');
    await expect(panel.locator('.cm-search-count')).toHaveText(/^\d+ of \d+$/);
    for (const name of ['next', 'prev', 'select', 'replace', 'replaceAll'])
      await expect(panel.locator(`button[name="${name}"]`)).toHaveText(/^[A-Z]/);
    await expect(panel.locator('button[name="replaceAll"]')).toHaveText('Replace all');
    await panel.locator('input[name="search"]').press('Escape');

    await editor.click();
    await app.keyboard.press('Control+Shift+R');
    const panelStyles = await app
      .locator('[data-panel="references"]')
      .getByRole('combobox', { name: 'Citation style' })
      .locator('option')
      .allTextContents();
    await editor.click();
    await app.keyboard.press('Control+,');
    const settings = app.getByRole('dialog', { name: 'Settings' });
    const settingsStyles = await settings
      .getByRole('combobox', { name: 'Citation style' })
      .locator('option')
      .allTextContents();
    expect(settingsStyles).toEqual(panelStyles);
    await expect(settings.locator('option', { hasText: 'WeChat HTML' })).toHaveCount(1);
  });
});
