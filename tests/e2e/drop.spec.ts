import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { editorText } from './support/editorView';
import { startByline } from './support/bylineServer';
import { expect, openArticle, test } from './support/fixtures';
import { journaledTexts } from './support/journaled';

// Drag and drop onto the editor, with synthetic DataTransfer drops: a dropped .md opens in its
// own tab and leaves the article on screen alone; images are imported; text is inserted; and no
// drop ever lands inside the front matter.
test.use({ bylineOptions: { fixtures: ['schema-workspace'] } });

const sample = 'posts/chip-export-rules.md';

type Payload =
  | { kind: 'file'; name: string; type: string; text: string }
  | { kind: 'bytes'; name: string; bytes: number[] }
  | { kind: 'png'; name: string }
  | { kind: 'text'; text: string };

/** Drops `payload` on the editor line holding `lineText` (dragenter, dragover, drop). */
async function dropOnLine(page: Page, lineText: string, payload: Payload): Promise<void> {
  const line = page.locator('.cm-line', { hasText: lineText }).first();
  const box = await line.boundingBox();
  if (!box) throw new Error(`no line ${lineText}`);
  await page.evaluate(
    async ({ payload, x, y }) => {
      const transfer = new DataTransfer();
      if (payload.kind === 'file')
        transfer.items.add(new File([payload.text], payload.name, { type: payload.type }));
      else if (payload.kind === 'bytes')
        transfer.items.add(new File([new Uint8Array(payload.bytes)], payload.name));
      else if (payload.kind === 'png') {
        const canvas = document.createElement('canvas');
        canvas.width = 4;
        canvas.height = 3;
        const context = canvas.getContext('2d');
        if (context) context.fillRect(0, 0, 4, 3);
        const blob = await new Promise<Blob | null>((resolve) =>
          canvas.toBlob(resolve, 'image/png'),
        );
        if (!blob) throw new Error('no PNG');
        transfer.items.add(new File([blob], payload.name, { type: 'image/png' }));
      } else transfer.setData('text/plain', payload.text);
      const target = document.elementFromPoint(x, y);
      if (!target) throw new Error('nothing at the drop point');
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, {
            bubbles: true,
            cancelable: true,
            dataTransfer: transfer,
            clientX: x,
            clientY: y,
          }),
        );
    },
    { payload, x: box.x + 30, y: box.y + box.height / 2 },
  );
}

/** The crash journal's texts on disk (what a crash would leave). */
const journaled = (dataDir: string): Promise<string[]> => journaledTexts(dataDir);

const activeTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]');

test('a dropped .md opens as an untitled article in its own tab, kept by the journal; Save As places it', async ({
  app,
  byline,
  browser,
}) => {
  // A crash and a restart: two servers and two page loads.
  test.slow();
  await openArticle(app, sample);
  const before = await editorText(app);
  const filesBefore = readdirSync(byline.workspace).sort();
  const dropped = '---\ntitle: 外稿：港口吞吐量回升\n---\n\n第一段。\n';
  await dropOnLine(app, 'title:', {
    kind: 'file',
    name: '外稿 港口.md',
    type: 'text/markdown',
    text: dropped,
  });
  await expect(activeTab(app)).toContainText('Untitled: 外稿 港口.md');
  await expect(activeTab(app)).toHaveAttribute('data-untitled', 'true');
  await expect(activeTab(app).getByTestId('tab-dirty')).toBeVisible();
  await expect.poll(() => editorText(app)).toBe(dropped);
  // Nothing written to an invented path; the crash journal holds its text.
  expect(readdirSync(byline.workspace).sort()).toEqual(filesBefore);
  await expect.poll(() => journaled(byline.dataDir)).toEqual([dropped]);

  // The article that was open is unchanged.
  await openArticle(app, sample);
  expect(await editorText(app)).toBe(before);
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(path.join(byline.workspace, sample), 'utf8')).toBe(before);

  // After a crash it comes back as untitled, never as a file.
  await byline.crash();
  const restarted = await startByline({ restartOf: byline });
  try {
    const page = await browser.newPage();
    await page.goto(restarted.url);
    await expect(page.locator('.library')).toBeVisible();
    await page
      .getByTestId('journal-restore')
      .getByRole('button', { name: 'Restore', exact: true })
      .click();
    await expect(activeTab(page)).toContainText('Untitled: 外稿 港口.md');
    await expect.poll(() => editorText(page)).toBe(dropped);
    expect(readdirSync(byline.workspace).sort()).toEqual(filesBefore);

    // Save (Ctrl+S) on an untitled article is Save As: the browser asks for the name.
    page.once('dialog', (dialog) => void dialog.accept('港口.md'));
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+S');
    await expect.poll(() => existsSync(path.join(byline.workspace, '港口.md'))).toBe(true);
    expect(readFileSync(path.join(byline.workspace, '港口.md'), 'utf8')).toBe(dropped);
    await expect(activeTab(page)).not.toHaveAttribute('data-untitled');
    await expect(activeTab(page)).toHaveAttribute('title', '港口.md');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await expect.poll(() => journaled(byline.dataDir)).toEqual([]);
    await page.close();
  } finally {
    await restarted.close();
  }
});

const gb18030 = [
  ...readFileSync(path.resolve(import.meta.dirname, '../fixtures/encodings/gb18030.md')),
];

test('a dropped GB18030 .md is refused by name, never opened as U+FFFD', async ({ app }) => {
  await openArticle(app, sample);
  const before = await editorText(app);
  await dropOnLine(app, 'title:', { kind: 'bytes', name: '来稿 GB.md', bytes: gb18030 });
  await expect(app.getByText('"来稿 GB.md" is not UTF-8 text', { exact: false })).toBeVisible();
  await expect(app.locator('.tab', { hasText: '来稿 GB.md' })).toHaveCount(0);
  expect(await editorText(app)).toBe(before);
});

/** The open tabs main keeps for the workspace (what a restart reopens). */
function savedSession(dataDir: string): { openTabs: string[]; activeTab: string | null } | null {
  const file = path.join(dataDir, 'session.json');
  if (!existsSync(file)) return null;
  const stored = JSON.parse(readFileSync(file, 'utf8')) as {
    workspaces: { session: { openTabs: string[]; activeTab: string | null } }[];
  };
  return stored.workspaces[0]?.session ?? null;
}

test.describe('an untitled article named like a workspace article', () => {
  test.use({ bylineOptions: { fixtures: ['articles-e2e'] } });

  test('Save As, Save All and the saved session go by the tab on screen, not by its name', async ({
    app,
    byline,
  }) => {
    const chip = 'posts/chip-export-rules.md';
    const notes = 'notes-en.md';
    await openArticle(app, chip);
    // Chip's tab first, so the session's fallback (its first tab) is not the article under test.
    const notesTab = app.locator('.tab', { has: app.locator(`[data-tab-id="${notes}"]`) });
    if ((await notesTab.count()) > 0) await notesTab.locator('.tab-close').click();
    await expect(notesTab).toHaveCount(0);
    await openArticle(app, notes);
    const article = await editorText(app);
    const dropped = '# Notes from the wire\n\nNot the newsroom notes.\n';
    await dropOnLine(app, 'title:', { kind: 'file', name: notes, type: '', text: dropped });
    await expect(activeTab(app)).toContainText(`Untitled: ${notes}`);
    // An untitled article is no part of the session: main falls back to its first tab.
    await expect.poll(() => savedSession(byline.dataDir)?.activeTab).toBe(chip);

    // The workspace's own notes-en.md on screen, the untitled one behind it.
    await app.locator(`[role="tab"][data-tab-id="${notes}"]`).click();
    await expect(activeTab(app)).not.toHaveAttribute('data-untitled');
    await expect.poll(() => savedSession(byline.dataDir)?.activeTab).toBe(notes);

    // Save As copies the article on screen; the untitled one stays as it is.
    app.once('dialog', (dialog) => void dialog.accept('notes-copy.md'));
    await app.locator('.cm-content').click();
    await app.keyboard.press('Control+Shift+S');
    await expect.poll(() => existsSync(path.join(byline.workspace, 'notes-copy.md'))).toBe(true);
    expect(readFileSync(path.join(byline.workspace, 'notes-copy.md'), 'utf8')).toBe(article);
    await expect(app.locator('[role="tab"][data-untitled="true"]')).toContainText(
      `Untitled: ${notes}`,
    );

    // Save All cannot save the untitled one, and says which by its own name.
    await app.locator('.cm-content').click();
    await app.keyboard.press('Control+Alt+S');
    await expect(app.getByRole('alert').filter({ hasText: 'Not saved:' })).toContainText(
      `Not saved: “Untitled: ${notes}”.`,
    );
  });
});

test.describe('Chinese UI', () => {
  test.use({ bylineOptions: { fixtures: ['schema-workspace'], locale: 'zh-CN' } });

  test('a dropped GB18030 .md is refused in Chinese', async ({ app }) => {
    await openArticle(app, sample);
    await dropOnLine(app, 'title:', { kind: 'bytes', name: '来稿.md', bytes: gb18030 });
    await expect(app.getByText('“来稿.md”不是 UTF-8 文本', { exact: false })).toBeVisible();
    await expect(app.locator('.tab', { hasText: '来稿.md' })).toHaveCount(0);
  });

  test("closing an untitled article asks Save / Don't Save / Cancel", async ({ app, byline }) => {
    await openArticle(app, sample);
    const dropped = '# 来稿\n\n正文。\n';
    await dropOnLine(app, 'title:', { kind: 'file', name: '来稿.md', type: '', text: dropped });
    await expect(activeTab(app)).toContainText('未命名：来稿.md');
    await expect(activeTab(app)).toHaveAttribute(
      'title',
      '尚未保存为文件：用“另存为”把它存进工作区。',
    );
    await expect.poll(() => journaled(byline.dataDir)).toEqual([dropped]);

    const closeButton = app.locator('.tab', { hasText: '未命名：来稿.md' }).locator('.tab-close');
    const dialog = app.getByRole('dialog', { name: '保存“来稿.md”吗？' });
    await closeButton.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: '保存…' })).toBeFocused();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(activeTab(app)).toContainText('未命名：来稿.md');

    await closeButton.click();
    await dialog.getByRole('button', { name: '不保存' }).click();
    await expect(app.locator('.tab', { hasText: '来稿.md' })).toHaveCount(0);
    expect(existsSync(path.join(byline.workspace, '来稿.md'))).toBe(false);
    await expect.poll(() => journaled(byline.dataDir)).toEqual([]);
  });
});

test('text dropped on the front matter goes in after it', async ({ app }) => {
  await openArticle(app, sample);
  const before = await editorText(app);
  await dropOnLine(app, 'date:', { kind: 'text', text: '拖入的一句话。' });
  const end = before.indexOf('\n---\n') + '\n---\n'.length;
  await expect
    .poll(() => editorText(app))
    .toBe(before.slice(0, end) + '拖入的一句话。' + before.slice(end));
});

test('an image dropped on the front matter is imported and linked after it', async ({
  app,
  byline,
}) => {
  await openArticle(app, sample);
  const before = await editorText(app);
  await dropOnLine(app, 'title:', { kind: 'png', name: 'port crane.png' });
  const end = before.indexOf('\n---\n') + '\n---\n'.length;
  await expect.poll(async () => (await editorText(app)).slice(0, end)).toBe(before.slice(0, end));
  // Its own paragraph, right after the front matter (a blank line between them is fine).
  await expect
    .poll(async () => (await editorText(app)).slice(end))
    .toMatch(/^\n?!\[port crane\]\(/);
  const link = /^\n?!\[port crane\]\(([^)]+)\)/.exec((await editorText(app)).slice(end))?.[1] ?? '';
  const images = readdirSync(path.join(byline.workspace, 'images'));
  expect(
    images.some((name) => decodeURIComponent(link).endsWith(name) && name.includes('port')),
  ).toBe(true);
  expect(existsSync(path.join(byline.workspace, 'images'))).toBe(true);
});

test('an image pasted inside a paragraph becomes a paragraph of its own', async ({ app }) => {
  await openArticle(app, sample);
  const before = await editorText(app);
  const at = before.indexOf('多家企业表示');
  await app.locator('.cm-content').click();
  await app.locator('.cm-content').evaluate(async (content, at) => {
    type Viewish = { dispatch(spec: { selection: { anchor: number } }): void };
    const view = (content as Element & { cmTile?: { root?: { view?: Viewish } } }).cmTile?.root
      ?.view;
    view?.dispatch({ selection: { anchor: at } });
    const canvas = document.createElement('canvas');
    canvas.width = 4;
    canvas.height = 3;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no PNG');
    const data = new DataTransfer();
    data.items.add(new File([blob], 'chart.png', { type: 'image/png' }));
    content.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, at);
  await expect
    .poll(() => editorText(app))
    .toBe(`${before.slice(0, at)}\n\n![chart](../images/chart.png)\n\n${before.slice(at)}`);
});
