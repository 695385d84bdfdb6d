import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { diffArrays } from 'diff';
import { callByline } from './support/callByline';
import { editorText } from './support/editorView';
import { expect, openArticle as openInLibrary, test } from './support/fixtures';

// A workspace with a sample-shaped article (block lists), a flow-list variant with comments,
// unknown keys and a nested `params:` map, TOML and JSON articles, and .byline/schema.yml.
test.use({ bylineOptions: { fixtures: ['schema-workspace'] }, timezoneId: 'Asia/Shanghai' });

const sample = 'posts/chip-export-rules.md';
const flow = 'posts/flow-tags.md';

/** Lines removed and added between two texts, like `diff` on the file before and after. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffArrays(before.split('\n'), after.split('\n'))) {
    if (part.removed) removed.push(...part.value);
    if (part.added) added.push(...part.value);
  }
  return { removed, added };
}

/** Puts the editor's cursor at an offset (test setup; what follows is typed on the keyboard). */
async function placeCursor(page: Page, offset: number): Promise<void> {
  await page.locator('.cm-content').click();
  await page.evaluate((at) => {
    type Viewish = { dispatch(spec: { selection: { anchor: number } }): void; focus(): void };
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: Viewish } } }) | null;
    const view = content?.cmTile?.root?.view;
    if (!view) throw new Error('no CodeMirror view on .cm-content');
    view.dispatch({ selection: { anchor: at } });
    view.focus();
  }, offset);
}

async function saveAndRead(page: Page, file: string): Promise<string> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  return readFileSync(file, 'utf8');
}

const panelOf = (page: Page) => page.getByTestId('front-matter-panel');

/** Opens an article and waits until the form shows it, with the workspace schema loaded. */
async function openArticle(page: Page, workspacePath: string): Promise<void> {
  await openInLibrary(page, workspacePath);
  await expect(panelOf(page)).toHaveAttribute('data-article', workspacePath);
  await expect(panelOf(page)).toHaveAttribute('data-schema', 'loaded');
}

test.describe('front-matter form: one field edit, one line changed on disk', () => {
  test('title typed in the form: exactly the title line differs after Ctrl+S', async ({
    app,
    byline,
  }) => {
    const file = path.join(byline.workspace, sample);
    const original = readFileSync(file, 'utf8');
    await openArticle(app, sample);
    const title = panelOf(app).getByRole('textbox', { name: 'Headline' });
    await expect(title).toHaveValue('芯片出口新规落地：供应链重组背后的算力博弈');
    await title.fill('芯片出口新规落地：供应链加速重组');
    await expect(panelOf(app).getByTestId('length-meter').first()).toHaveText(/^32 \/ 64 columns/);
    expect(lineDiff(original, await saveAndRead(app, file))).toEqual({
      removed: ['title: 芯片出口新规落地：供应链重组背后的算力博弈'],
      added: ['title: 芯片出口新规落地：供应链加速重组'],
    });
    await expect(app.locator('[data-testid="preview"] h1')).toContainText('供应链加速重组');
  });

  test('draft switch: exactly the draft line differs', async ({ app, byline }) => {
    const file = path.join(byline.workspace, sample);
    const original = readFileSync(file, 'utf8');
    await openArticle(app, sample);
    const draft = panelOf(app).getByRole('switch', { name: 'Draft' });
    await expect(draft).toHaveAttribute('aria-checked', 'false');
    await draft.press('Space');
    await expect(draft).toHaveAttribute('aria-checked', 'true');
    expect(lineDiff(original, await saveAndRead(app, file))).toEqual({
      removed: ['draft: false'],
      added: ['draft: true'],
    });
    await expect(panelOf(app).getByTestId('publish-checklist')).toContainText(
      'Still marked as a draft.',
    );
  });

  test('a tag added to a flow list [a, b]: exactly the tags line differs; comments untouched', async ({
    app,
    byline,
  }) => {
    const file = path.join(byline.workspace, flow);
    const original = readFileSync(file, 'utf8');
    await openArticle(app, flow);
    const add = panelOf(app).getByRole('combobox', { name: 'Add to Tags' });
    await add.fill('电网');
    await add.press('Enter');
    await expect(panelOf(app).getByTestId('chip').filter({ hasText: '电网' })).toBeVisible();
    const saved = await saveAndRead(app, file);
    expect(lineDiff(original, saved)).toEqual({
      removed: ['tags: [能源, 数据中心]'],
      added: ['tags: [能源, 数据中心, 电网]'],
    });
    expect(saved).toContain('# 编辑部备注：发稿前请核对数据来源\n');
    expect(saved).toContain('  # 责任编辑：王明\n');
  });

  test('a tag added to a block list from the workspace vocabulary: one new item line', async ({
    app,
    byline,
  }) => {
    const file = path.join(byline.workspace, sample);
    const original = readFileSync(file, 'utf8');
    await openArticle(app, sample);
    const add = panelOf(app).getByRole('combobox', { name: 'Add to Tags' });
    await add.fill('能');
    // "能源" is used by another article of the workspace: offered as a suggestion.
    const suggestion = panelOf(app).getByRole('option', { name: '能源' });
    await expect(suggestion).toBeVisible();
    await add.press('ArrowDown');
    await expect(suggestion).toHaveAttribute('aria-selected', 'true');
    await add.press('Enter');
    await expect(panelOf(app).getByTestId('chip').filter({ hasText: '能源' })).toBeVisible();
    expect(lineDiff(original, await saveAndRead(app, file))).toEqual({
      removed: [],
      added: ['  - 能源'],
    });
  });

  test('date set with "Now": only the date line changes, in the same format with the local offset', async ({
    app,
    byline,
  }) => {
    const file = path.join(byline.workspace, sample);
    const original = readFileSync(file, 'utf8');
    await openArticle(app, sample);
    await panelOf(app).getByRole('button', { name: /^Now/ }).click();
    const { removed, added } = lineDiff(original, await saveAndRead(app, file));
    expect(removed).toEqual(['date: 2025-06-18T11:20:04+08:00']);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^date: 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  test('keyboard: Backspace removes the last chip, Alt+Arrow reorders, each one line', async ({
    app,
    byline,
  }) => {
    const file = path.join(byline.workspace, flow);
    const original = readFileSync(file, 'utf8');
    await openArticle(app, flow);
    const panel = panelOf(app);
    const chips = panel.getByTestId('chip');
    await chips.filter({ hasText: '能源' }).first().focus();
    await app.keyboard.press('Alt+ArrowRight');
    await expect(chips.nth(0)).toContainText('数据中心');
    await expect(chips.nth(1)).toBeFocused();
    let saved = await saveAndRead(app, file);
    expect(lineDiff(original, saved)).toEqual({
      removed: ['tags: [能源, 数据中心]'],
      added: ['tags: [数据中心, 能源]'],
    });
    const add = panel.getByRole('combobox', { name: 'Add to Tags' });
    await add.focus();
    await app.keyboard.press('Backspace');
    await expect(chips.filter({ hasText: '能源' })).toHaveCount(0);
    saved = await saveAndRead(app, file);
    expect(lineDiff(original, saved)).toEqual({
      removed: ['tags: [能源, 数据中心]'],
      added: ['tags: [数据中心]'],
    });
  });

  test('a nested params value and an unknown key: their own lines only, comments kept', async ({
    app,
    byline,
  }) => {
    const file = path.join(byline.workspace, flow);
    const original = readFileSync(file, 'utf8');
    await openArticle(app, flow);
    const panel = panelOf(app);
    const params = panel.locator('[data-field-key="params"]');
    await params.getByRole('textbox', { name: 'author' }).fill('王明');
    await panel.getByRole('textbox', { name: 'editor_note' }).fill('第三版');
    expect(lineDiff(original, await saveAndRead(app, file))).toEqual({
      removed: ['editor_note: 第二版，已补充采访 # not in the schema', '  author: 李华'],
      added: ['editor_note: 第三版 # not in the schema', '  author: 王明'],
    });
  });
});

test('typing broken YAML in the editor makes the form read-only with the error; fixing it restores the form; nothing is rewritten', async ({
  app,
  byline,
}) => {
  const file = path.join(byline.workspace, sample);
  const original = readFileSync(file, 'utf8');
  // Autosave off: on a busy machine it would write what was typed before the file is read below.
  await callByline(byline, 'settings.update', { autosave: false });
  await app.reload();
  await openArticle(app, sample);
  const panel = panelOf(app);
  const title = panel.getByRole('textbox', { name: 'Headline' });
  await expect(title).toBeEnabled();

  // End of the title line, then ": x" - a nested mapping where a plain scalar is expected.
  await placeCursor(app, original.indexOf('算力博弈\n') + '算力博弈'.length);
  await app.keyboard.type(': x');
  const error = panel.getByTestId('front-matter-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(/Line 2, column \d+/);
  await expect(title).toBeDisabled();
  await expect(title).toHaveValue('芯片出口新规落地：供应链重组背后的算力博弈');
  // The form wrote nothing: the document is the original plus exactly what was typed, and the file is untouched.
  const brokenText = await editorText(app);
  expect(brokenText).toBe(original.replace('算力博弈\n', '算力博弈: x\n'));
  expect(readFileSync(file, 'utf8')).toBe(original);

  await app.keyboard.press('Backspace');
  await app.keyboard.press('Backspace');
  await app.keyboard.press('Backspace');
  await expect(error).toHaveCount(0);
  await expect(title).toBeEnabled();
  expect(await editorText(app)).toBe(original);
  expect(readFileSync(file, 'utf8')).toBe(original);
});

test('Ctrl+Z after form edits restores the previous text exactly', async ({ app }) => {
  await openArticle(app, flow);
  const panel = panelOf(app);
  await expect(panel.getByRole('textbox', { name: 'Headline' })).toBeVisible();
  const original = await editorText(app);

  const title = panel.getByRole('textbox', { name: 'Headline' });
  await title.fill('数据中心用电激增');
  expect(await editorText(app)).not.toBe(original);
  await title.press('Control+z');
  expect(await editorText(app)).toBe(original);
  await expect(title).toHaveValue('数据中心用电激增：电网如何应对算力扩张');

  await panel.getByRole('switch', { name: 'Draft' }).click();
  const add = panel.getByRole('combobox', { name: 'Add to Tags' });
  await add.fill('电网');
  await add.press('Enter');
  await expect(panel.getByTestId('chip').filter({ hasText: '电网' })).toBeVisible();
  const afterDraft = original.replace('draft: true # 待主编审核', 'draft: false # 待主编审核');
  expect(await editorText(app)).toBe(
    afterDraft.replace('tags: [能源, 数据中心]', 'tags: [能源, 数据中心, 电网]'),
  );
  await add.press('Control+z');
  expect(await editorText(app)).toBe(afterDraft);
  await add.press('Control+z');
  expect(await editorText(app)).toBe(original);
  // Redo, and undo from the editor itself: the same history.
  await add.press('Control+Shift+z');
  expect(await editorText(app)).toBe(afterDraft);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+z');
  expect(await editorText(app)).toBe(original);
});

test('a form edit keeps the cursor where the writer left it in the body', async ({ app }) => {
  await openArticle(app, sample);
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+End');
  const before = await editorText(app);
  await panelOf(app).getByRole('switch', { name: 'Draft' }).click();
  await app.locator('.cm-content').focus();
  await app.keyboard.insertText('记者补充。');
  expect(await editorText(app)).toBe(before.replace('draft: false', 'draft: true') + '记者补充。');
});

test('schema violations appear in the panel checklist', async ({ app }) => {
  await openArticle(app, 'posts/violations.md');
  const checklist = panelOf(app).getByTestId('publish-checklist');
  await expect(checklist).toContainText('Summary is required.');
  await expect(checklist).toContainText('Headline is 100 columns; the limit is 64.');
  await expect(checklist).toContainText('"娱乐八卦" is not an allowed value for Main topics.');
  await expect(checklist).toContainText('Date is not a valid date: 2025-02-30T10:00:00+08:00');
  await expect(checklist).toContainText('The image "images/missing.png" does not exist.');
  await expect(checklist).toContainText('Still marked as a draft.');
  await expect(panelOf(app).getByTestId('length-meter').first()).toContainText(
    '36 columns over the limit',
  );
  // The controlled vocabulary refuses a value outside it.
  const topics = panelOf(app).getByRole('combobox', { name: 'Add to Main topics' });
  await topics.fill('体育');
  await topics.press('Enter');
  await expect(
    panelOf(app).getByText('"体育" is not in the allowed list for this field.'),
  ).toBeVisible();
  // Fixing the title in the form clears that item.
  await panelOf(app).getByRole('textbox', { name: 'Headline' }).fill('标题长度恰当');
  await expect(checklist).not.toContainText('Headline is');
  await checklist.getByRole('button', { name: 'Go to Summary' }).click();
  await expect(panelOf(app).getByRole('textbox', { name: 'Summary' })).toBeFocused();
});

test('featured image: thumbnail of a path with spaces, picked from the workspace images', async ({
  app,
  byline,
}) => {
  const file = path.join(byline.workspace, sample);
  const original = readFileSync(file, 'utf8');
  await openArticle(app, sample);
  const panel = panelOf(app);
  const thumbnail = panel.getByTestId('image-thumbnail');
  await expect(thumbnail).toHaveAttribute('alt', 'Preview of images/default (3).png');
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await panel.getByRole('button', { name: /^Choose an image/ }).click();
  await panel.getByRole('button', { name: 'images/chip wafer.png' }).click();
  await expect(thumbnail).toHaveAttribute('alt', 'Preview of images/chip wafer.png');
  expect(lineDiff(original, await saveAndRead(app, file))).toEqual({
    removed: ['featured_image: images/default (3).png'],
    added: ['featured_image: images/chip wafer.png'],
  });
});

test('TOML and JSON front matter are edited through the same form', async ({ app, byline }) => {
  const tomlFile = path.join(byline.workspace, 'posts/toml-article.md');
  const toml = readFileSync(tomlFile, 'utf8');
  await openArticle(app, 'posts/toml-article.md');
  await expect(panelOf(app)).toContainText('Format: TOML');
  await panelOf(app).getByRole('textbox', { name: 'Headline' }).fill('算力租赁：价格回落之后');
  expect(lineDiff(toml, await saveAndRead(app, tomlFile))).toEqual({
    removed: ['title = "算力租赁市场观察"'],
    added: ['title = "算力租赁：价格回落之后"'],
  });

  const jsonFile = path.join(byline.workspace, 'posts/json-article.md');
  const json = readFileSync(jsonFile, 'utf8');
  await openArticle(app, 'posts/json-article.md');
  await expect(panelOf(app)).toContainText('Format: JSON');
  await panelOf(app).getByRole('switch', { name: 'Draft' }).click();
  expect(lineDiff(json, await saveAndRead(app, jsonFile))).toEqual({
    removed: ['  "draft": false,'],
    added: ['  "draft": true,'],
  });
});

test('Chinese input method in the title box: the pinyin being composed is never written, the chosen characters are', async ({
  app,
}) => {
  await openArticle(app, sample);
  const title = panelOf(app).getByRole('textbox', { name: 'Headline' });
  const original = await editorText(app);
  await title.click();
  await title.press('End');
  const cdp = await app.context().newCDPSession(app);
  await cdp.send('Input.imeSetComposition', { text: 'xin', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'xinwen', selectionStart: 6, selectionEnd: 6 });
  await expect(title).toHaveValue('芯片出口新规落地：供应链重组背后的算力博弈xinwen');
  expect(await editorText(app)).toBe(original);
  await cdp.send('Input.insertText', { text: '新闻' });
  await expect(title).toHaveValue('芯片出口新规落地：供应链重组背后的算力博弈新闻');
  await expect.poll(() => editorText(app)).toBe(original.replace('算力博弈\n', '算力博弈新闻\n'));
});

test('an unknown value is edited as raw YAML: broken YAML is refused with its line, valid YAML replaces only that value', async ({
  app,
  byline,
}) => {
  const file = path.join(byline.workspace, flow);
  const original = readFileSync(file, 'utf8');
  await openArticle(app, flow);
  const raw = panelOf(app).getByRole('textbox', { name: 'sources (YAML)' });
  await expect(raw).toHaveValue('- { name: 国家能源局, url: "https://www.nea.gov.cn" }');
  await raw.fill(
    '- { name: 国家能源局, url: "https://www.nea.gov.cn" }\n- { name: 国家电网, url: "https://www.sgcc.com.cn',
  );
  await raw.press('Control+Enter');
  await expect(
    panelOf(app)
      .getByRole('alert')
      .filter({ hasText: /^Line 2:/ }),
  ).toBeVisible();
  expect(await editorText(app)).toBe(original);
  await raw.fill(
    '- { name: 国家能源局, url: "https://www.nea.gov.cn" }\n- { name: 国家电网, url: "https://www.sgcc.com.cn" }',
  );
  await panelOf(app).getByRole('button', { name: 'Apply' }).click();
  expect(lineDiff(original, await saveAndRead(app, file))).toEqual({
    removed: [],
    added: ['  - { name: 国家电网, url: "https://www.sgcc.com.cn" }'],
  });
});

test('an article without front matter gets a block with the schema defaults in one undoable step', async ({
  app,
}) => {
  await openArticle(app, 'posts/no-front-matter.md');
  const original = await editorText(app);
  await panelOf(app).getByRole('button', { name: 'Add front matter' }).click();
  await expect(panelOf(app).getByRole('textbox', { name: 'Headline' })).toHaveValue(
    '快讯：芯片企业发布季度财报',
  );
  const text = await editorText(app);
  expect(text).toMatch(
    /^---\ntitle: 快讯：芯片企业发布季度财报\ndate: 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00\ndraft: true\n---\n\n# 快讯/,
  );
  expect(text.endsWith(original)).toBe(true);
  await panelOf(app).getByRole('switch', { name: 'Draft' }).press('Control+z');
  expect(await editorText(app)).toBe(original);
});

test.describe('in Chinese', () => {
  test.use({ bylineOptions: { fixtures: ['schema-workspace'], locale: 'zh-CN' } });

  test('labels come from the schema file and the UI is translated', async ({ app }) => {
    await openArticle(app, sample);
    const panel = panelOf(app);
    await expect(panel.getByRole('heading', { name: '文章属性' })).toBeVisible();
    await expect(panel.getByRole('textbox', { name: '标题' })).toHaveValue(
      '芯片出口新规落地：供应链重组背后的算力博弈',
    );
    await expect(panel.getByTestId('length-meter').first()).toHaveText(/^42 \/ 64 列/);
    await expect(panel.getByRole('combobox', { name: '添加到主要话题' })).toBeVisible();
    await expect(panel.getByTestId('publish-checklist')).toContainText(
      '可以发布：所有检查均已通过。',
    );
  });
});
