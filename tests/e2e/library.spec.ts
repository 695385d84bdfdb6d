import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import type { BylineServer } from './support/bylineServer';
import { startByline } from './support/bylineServer';
import { callByline } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';
import { journaledTexts } from './support/journaled';

const chip = 'posts/chip-export-rules.md';
const saveState = (page: Page) => page.getByTestId('save-state');
const editor = (page: Page) => page.locator('.cm-content');

/** Autosave off (and the page reloaded to pick it up), for tests that need a buffer to stay dirty. */
async function withoutAutosave(app: Page, byline: BylineServer): Promise<void> {
  await callByline(byline, 'settings.update', { autosave: false });
  await app.reload();
  await expect(app.locator('.library')).toBeVisible();
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

async function rowAction(page: Page, title: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for "${title}"` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

test('creates an article with a Chinese title (pinyin file name), edits, renames, trashes and restores it', async ({
  app,
  byline,
}) => {
  await app.getByTestId('library-new').click();
  const dialog = app.getByTestId('new-article-dialog');
  await dialog.getByTestId('new-article-title').fill('芯片出口新规落地');
  await dialog.getByRole('button', { name: 'Create' }).click();

  const createdItem = app.locator('.library-item[data-path$="xin-pian-chu-kou-xin-gui-luo-di.md"]');
  await expect(createdItem).toBeVisible();
  const created = (await createdItem.getAttribute('data-path')) as string;
  const createdFile = path.join(byline.workspace, created);
  // The basic fields, then those the workspace's articles usually have (one of two has them).
  expect(readFileSync(createdFile, 'utf8')).toMatch(
    /^---\ntitle: 芯片出口新规落地\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d\ndraft: true\nsummary: ""\ntags: \[\]\n(?:featured_image: ""\nmain_topics: \[\]\n|main_topics: \[\]\nfeatured_image: ""\n)---\n\n$/,
  );
  await expect(editor(app)).toContainText('title: 芯片出口新规落地');

  await typeAtEnd(app, '新规正文第一段。');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
  expect(readFileSync(createdFile, 'utf8')).toContain('新规正文第一段。');

  // Rename: same content under the new name, the open tab follows it.
  await rowAction(app, '芯片出口新规落地', 'Rename…');
  await app.getByTestId('rename-name').fill('chip-rules');
  await app.getByTestId('rename-dialog').getByRole('button', { name: 'Rename' }).click();
  const renamed = created.replace(/[^/]+$/, 'chip-rules.md');
  await expect(app.locator(`.library-item[data-path="${renamed}"]`)).toBeVisible();
  await expect(app.locator(`.library-item[data-path="${created}"]`)).toHaveCount(0);
  expect(existsSync(createdFile)).toBe(false);
  await typeAtEnd(app, '改名后继续写。');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
  expect(readFileSync(path.join(byline.workspace, renamed), 'utf8')).toContain(
    '新规正文第一段。改名后继续写。',
  );

  // Trash: gone from disk and library, kept in .byline/trash; then restored from the trash dialog.
  await rowAction(app, '芯片出口新规落地', 'Move to trash');
  await expect(app.locator(`.library-item[data-path="${renamed}"]`)).toHaveCount(0);
  await expect(app.getByTestId('trashed-banner')).toBeVisible();
  expect(existsSync(path.join(byline.workspace, renamed))).toBe(false);
  expect(readdirSync(path.join(byline.workspace, '.byline/trash'))).toHaveLength(1);

  await app.getByTestId('library-open-trash').click();
  const trash = app.getByTestId('trash-dialog');
  await trash
    .locator(`li[data-path="${renamed}"]`)
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await trash.getByRole('button', { name: 'Close' }).last().click();
  await expect(app.locator(`.library-item[data-path="${renamed}"]`)).toBeVisible();
  expect(readFileSync(path.join(byline.workspace, renamed), 'utf8')).toContain('改名后继续写。');
});

test('an external edit appears in the open editor when there are no unsaved changes', async ({
  app,
  byline,
}) => {
  await openArticle(app, chip);
  const file = path.join(byline.workspace, chip);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('供应链：从集中到分散', '供应链：从集中到多元'),
  );
  await expect(editor(app)).toContainText('供应链：从集中到多元');
  await expect(saveState(app)).toHaveText('Saved');
  await expect(app.getByTestId('conflict-banner')).toHaveCount(0);
});

test('an external edit while there are unsaved changes shows the conflict dialog and overwrites nothing', async ({
  app,
  byline,
}) => {
  await withoutAutosave(app, byline);
  await openArticle(app, chip);
  const file = path.join(byline.workspace, chip);
  const original = readFileSync(file, 'utf8');
  await typeAtEnd(app, '我的修改。');
  await expect(saveState(app)).toHaveText('Unsaved changes');

  const theirs = `${original}\n他人的修改。\n`;
  writeFileSync(file, theirs);
  const banner = app.getByTestId('conflict-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('This file changed on disk');
  expect(readFileSync(file, 'utf8')).toBe(theirs);
  // Saving does not overwrite either: the conflict stays until the writer chooses.
  await app.keyboard.press('Control+s');
  await expect(banner).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(theirs);

  await banner.getByRole('button', { name: 'Compare side by side' }).click();
  const compare = app.getByTestId('compare-dialog');
  await expect(compare).toContainText('我的修改。');
  await expect(compare).toContainText('他人的修改。');
  await compare.getByRole('button', { name: 'Keep my version' }).click();
  await expect(saveState(app)).toHaveText('Saved');
  await expect(banner).toHaveCount(0);
  expect(readFileSync(file, 'utf8')).toBe(`${original}我的修改。`);
});

test('"take the version on disk" replaces the buffer with the file', async ({ app, byline }) => {
  await withoutAutosave(app, byline);
  await openArticle(app, chip);
  const file = path.join(byline.workspace, chip);
  await typeAtEnd(app, '将被放弃的修改。');
  writeFileSync(file, '# 磁盘上的新版本\n');
  await app
    .getByTestId('conflict-banner')
    .getByRole('button', { name: 'Take the version on disk' })
    .click();
  await expect(editor(app)).toHaveText('# 磁盘上的新版本');
  await expect(saveState(app)).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe('# 磁盘上的新版本\n');
});

test('autosave writes the article after a short pause in typing', async ({ app, byline }) => {
  await openArticle(app, chip);
  await typeAtEnd(app, '自动保存的句子。');
  await expect(saveState(app)).toHaveText('Saved', { timeout: 30_000 });
  expect(readFileSync(path.join(byline.workspace, chip), 'utf8')).toContain('自动保存的句子。');
});

test('after a crash, the next start offers the unsaved text back verbatim', async ({
  app,
  byline,
  browser,
}) => {
  await withoutAutosave(app, byline);
  await openArticle(app, chip);
  const file = path.join(byline.workspace, chip);
  const original = readFileSync(file, 'utf8');
  const unsaved = '崩溃前未保存的文字：“引号” 😀';
  await typeAtEnd(app, unsaved);
  // The journal has it within a second of typing.
  await expect
    .poll(() => journaledTexts(byline.dataDir))
    .toEqual([expect.stringContaining('崩溃前未保存的文字')]);

  await byline.crash();
  const restarted = await startByline({ restartOf: byline });
  try {
    const page = await browser.newPage();
    await page.goto(restarted.url);
    const prompt = page.getByTestId('journal-restore');
    await expect(prompt).toContainText('Unsaved changes from your last session');
    await prompt.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(prompt).toHaveCount(0);
    // The editor renders only what is in view: go to the end, where the unsaved text was typed.
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await expect(editor(page)).toContainText(unsaved);
    await expect(saveState(page)).toHaveText('Unsaved changes');
    expect(readFileSync(file, 'utf8')).toBe(original);
    await page.keyboard.press('Control+s');
    await expect(saveState(page)).toHaveText('Saved');
    expect(readFileSync(file, 'utf8')).toBe(original + unsaved);
    await expect.poll(() => journaledTexts(byline.dataDir)).toEqual([]);
    await page.close();
  } finally {
    await restarted.close();
  }
});

test('full-text search finds CJK substrings, and filters narrow the list', async ({ app }) => {
  await app.getByTestId('library-search').fill('算力需求');
  const hits = app.getByTestId('library-hits');
  await expect(hits.locator('.library-item')).toHaveCount(1);
  await expect(hits.locator(`.library-item[data-path="${chip}"]`)).toContainText(
    '开源模型的流行让算力需求更加分散',
  );
  await app.getByTestId('library-search').fill('');
  await expect(app.locator('.library-list .library-item')).toHaveCount(2);
  await app.locator('.library-filters summary').click();
  await app.getByTestId('library-filter-draft').selectOption('draft');
  await expect(app.locator('.library-list .library-item')).toHaveCount(1);
  await expect(app.locator('.library-list .library-item')).toHaveAttribute(
    'data-path',
    'notes-en.md',
  );
  await app.getByTestId('library-filter-draft').selectOption('all');
  await app.getByTestId('library-filter-tag').selectOption('芯片');
  await expect(app.locator('.library-list .library-item')).toHaveAttribute('data-path', chip);
});

test('version history shows what changed and restores an earlier version into the editor', async ({
  app,
  byline,
}) => {
  await withoutAutosave(app, byline);
  await openArticle(app, chip);
  const file = path.join(byline.workspace, chip);
  const original = readFileSync(file, 'utf8');
  await typeAtEnd(app, '第二版。');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
  await typeAtEnd(app, '第三版。');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');

  await rowAction(app, '芯片出口新规落地：供应链重组背后的算力博弈', 'Version history…');
  const history = app.getByTestId('history-dialog');
  await expect(history.getByTestId('history-version')).toHaveCount(3);
  await history.getByTestId('history-version').last().click();
  await expect(history.getByTestId('history-diff')).toContainText('- ');
  await history.getByRole('button', { name: 'Restore this version' }).click();
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await expect(editor(app)).not.toContainText('第二版。');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe(original);
});

test('a version rewritten in an encoding Byline cannot read is never shown as empty: History shows its bytes and re-decodes it', async ({
  app,
  byline,
}) => {
  await withoutAutosave(app, byline);
  await openArticle(app, chip);
  const file = path.join(byline.workspace, chip);
  await typeAtEnd(app, '我的修改。');
  // A colleague's tool rewrites the file in bytes that are no encoding Byline reads.
  const theirs = Buffer.concat([
    Buffer.from('colleague '),
    Buffer.from([0xff, 0xfe, 0xff]),
    Buffer.from('\n'),
  ]);
  writeFileSync(file, theirs);
  await app.keyboard.press('Control+s');
  const banner = app.getByTestId('unreadable-banner');
  await expect(banner).toContainText(/encoding Byline cannot read/);
  expect(readFileSync(file).equals(theirs)).toBe(true);
  await expect(editor(app)).toContainText('我的修改。');
  // The writer's text goes next to it under a new name; their file stays as it is.
  await banner.getByRole('button', { name: 'Save my text as a copy' }).click();
  const copy = file.replace(/\.md$/, '-mine.md');
  await expect.poll(() => existsSync(copy)).toBe(true);
  expect(readFileSync(copy, 'utf8')).toContain('我的修改。');
  expect(readFileSync(file).equals(theirs)).toBe(true);

  // The library cannot read the file's title any more: open History from the editor.
  await editor(app).click();
  await app.keyboard.press('Control+Shift+H');
  const history = app.getByTestId('history-dialog');
  await expect(history.getByTestId('history-version').first()).toContainText(
    'not written by Byline',
  );
  await history.getByTestId('history-version').first().click();
  await expect(history.getByTestId('history-bytes')).toContainText('ff fe ff');
  await history.getByRole('combobox').selectOption('gb18030');
  await expect(history.getByTestId('history-bytes')).toContainText('did not decode');
  await expect(history.getByTestId('history-diff')).toContainText('colleague');
});

test('a saved article whose file becomes a binary on disk says so at once, and keeps its text', async ({
  app,
  byline,
}) => {
  await openArticle(app, chip);
  await expect(saveState(app)).toHaveText('Saved');
  const file = path.join(byline.workspace, chip);
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  writeFileSync(file, binary);
  const banner = app.getByTestId('unreadable-banner');
  await expect(banner).toContainText(/cannot read as text/);
  await expect(saveState(app)).not.toHaveText('Saved');
  await expect(editor(app)).toContainText('芯片');
  expect(readFileSync(file).equals(binary)).toBe(true);
});

test('Ctrl+Shift+H in the editor opens the version history of the open article', async ({
  app,
}) => {
  await openArticle(app, chip);
  await editor(app).click();
  await app.keyboard.press('Control+Shift+H');
  await expect(app.getByTestId('history-dialog')).toContainText(
    'Version history of "芯片出口新规落地',
  );
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('history-dialog')).toHaveCount(0);
});

test.describe('encodings', () => {
  test.use({ bylineOptions: { fixtures: ['articles-e2e', 'encodings'] } });

  test('a GB18030 article opens as Chinese text and is saved back in GB18030', async ({
    app,
    byline,
  }) => {
    await withoutAutosave(app, byline);
    await openArticle(app, 'gb18030.md');
    await expect(editor(app)).toContainText('新一轮芯片出口管制规则正式生效');
    await expect(app.getByTestId('status-format')).toContainText('GB18030');
    await typeAtEnd(app, '记者补充。');
    await app.keyboard.press('Control+s');
    await expect(saveState(app)).toHaveText('Saved');
    const bytes = readFileSync(path.join(byline.workspace, 'gb18030.md'));
    expect(iconv.decode(bytes, 'gb18030')).toContain('记者补充。');
    expect(bytes.includes(Buffer.from('记者补充', 'utf8'))).toBe(false);
  });

  test('a character Big5 cannot hold is refused, and the file can be converted to UTF-8', async ({
    app,
    byline,
  }) => {
    await withoutAutosave(app, byline);
    const file = path.join(byline.workspace, 'big5.md');
    const before = readFileSync(file);
    await openArticle(app, 'big5.md');
    await expect(app.getByTestId('status-format')).toContainText('BIG5');
    await typeAtEnd(app, '简体们😀');
    await app.keyboard.press('Control+s');
    const banner = app.getByTestId('unencodable-banner');
    await expect(banner).toContainText('Big5');
    expect(readFileSync(file).equals(before)).toBe(true);
    await banner.getByRole('button', { name: 'Convert to UTF-8 and save' }).click();
    await expect(saveState(app)).toHaveText('Saved');
    await expect(app.getByTestId('status-format')).toContainText('UTF-8');
    expect(readFileSync(file, 'utf8')).toContain('新一輪晶片出口管制規則正式生效');
    expect(readFileSync(file, 'utf8')).toContain('简体们😀');
  });
});
