import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { editorText } from './support/editorView';
import { expect, openArticle, test } from './support/fixtures';

// Drag and drop onto the editor, with synthetic DataTransfer drops: a dropped .md opens in its
// own tab and leaves the article on screen alone; images are imported; text is inserted; and no
// drop ever lands inside the front matter.
test.use({ bylineOptions: { fixtures: ['schema-workspace'] } });

const sample = 'posts/chip-export-rules.md';

type Payload =
  | { kind: 'file'; name: string; type: string; text: string }
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

test('a dropped .md opens in its own tab; the open article is unchanged', async ({
  app,
  byline,
}) => {
  await openArticle(app, sample);
  const before = await editorText(app);
  const dropped = '---\ntitle: 外稿：港口吞吐量回升\n---\n\n第一段。\n';
  await dropOnLine(app, 'title:', {
    kind: 'file',
    name: '外稿 港口.md',
    type: 'text/markdown',
    text: dropped,
  });
  await expect(app.locator('[role="tab"][aria-selected="true"]')).toHaveAttribute(
    'title',
    /外稿 港口\.md$/,
  );
  await expect.poll(() => editorText(app)).toBe(dropped);
  expect(readFileSync(path.join(byline.workspace, '外稿 港口.md'), 'utf8')).toBe(dropped);

  await openArticle(app, sample);
  expect(await editorText(app)).toBe(before);
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(path.join(byline.workspace, sample), 'utf8')).toBe(before);
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
