import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openArticle, test } from './support/fixtures';

// The sample-shaped article (posts/chip-export-rules.md: five sources, [^2] never cited) and an
// article without any footnotes (no-references.md).
test.use({ bylineOptions: { fixtures: ['articles-e2e', 'references/e2e'] } });

const sample = 'posts/chip-export-rules.md';
const bare = 'no-references.md';

type Viewish = {
  state: { doc: { toString(): string }; selection: { main: { from: number; to: number } } };
  dispatch(spec: { selection: { anchor: number }; scrollIntoView?: boolean }): void;
  focus(): void;
};

/** The editor document, read from CodeMirror itself (the single source of truth). */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: Viewish } } }) | null;
    const view = content?.cmTile?.root?.view;
    if (!view) throw new Error('no CodeMirror view on .cm-content');
    return view.state.doc.toString();
  });
}

function editorSelection(page: Page): Promise<{ from: number; to: number }> {
  return page.evaluate(() => {
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: Viewish } } }) | null;
    const main = content?.cmTile?.root?.view?.state.selection.main;
    return { from: main?.from ?? -1, to: main?.to ?? -1 };
  });
}

/** Puts the cursor at an offset (test setup; the rest is done with the mouse and keyboard). */
async function placeCursor(page: Page, offset: number): Promise<void> {
  await page.locator('.cm-content').click();
  await page.evaluate((at) => {
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: Viewish } } }) | null;
    const view = content?.cmTile?.root?.view;
    if (!view) throw new Error('no CodeMirror view on .cm-content');
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view.focus();
  }, offset);
}

const panel = (page: Page) => page.locator('[data-panel="references"]');
const items = (page: Page) => panel(page).getByTestId('reference-item');
const form = (page: Page) => panel(page).locator('.citation-form');

/** Opens the references panel the way a writer does: the toolbar's citation button, then Cancel. */
async function showPanel(page: Page): Promise<void> {
  await page.locator('[data-command="insert.citation"]').click();
  await expect(form(page)).toBeVisible();
  await form(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(form(page)).toHaveCount(0);
}

async function fillSource(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    await form(page).locator(`input[name="${name}"]`).fill(value);
  }
}

test('the panel lists the five sources of a sample-shaped article, flags the unused one, and renumbers by first citation', async ({
  app,
}) => {
  await openArticle(app, sample);
  await showPanel(app);

  await expect(items(app)).toHaveCount(5);
  const labels = await items(app).evaluateAll((nodes) =>
    nodes.map((node) => node.getAttribute('data-label')),
  );
  expect(labels).toEqual(['1', '3', '4', '5', '2']);
  const unused = panel(app).locator('[data-label="2"]');
  await expect(unused.locator('[data-problem="unused-definition"]')).toBeVisible();
  await expect(unused).toContainText('never cited');
  await expect(panel(app).locator('[data-label="1"] .reference-count')).toHaveText('2 citations');

  // Clicking the count goes to the citations in turn.
  const before = await editorText(app);
  await panel(app).locator('[data-label="1"] .reference-count').click();
  expect(await editorSelection(app)).toEqual({
    from: before.indexOf('[^1]'),
    to: before.indexOf('[^1]') + 4,
  });
  await panel(app).locator('[data-label="1"] .reference-count').click();
  const second = before.indexOf('[^1]', before.indexOf('[^1]') + 1);
  expect(await editorSelection(app)).toEqual({ from: second, to: second + 4 });

  await panel(app).getByRole('button', { name: 'Renumber and tidy' }).click();
  await expect(panel(app).getByRole('status')).toContainText('Renumbered');
  const after = await editorText(app);
  // First citations were 1, 3, 4, 5 -> 1, 2, 3, 4; the unused [^2] becomes [^5] and goes last.
  const definitionLines = after.split('\n').filter((line) => line.startsWith('[^'));
  expect(definitionLines.map((line) => line.slice(0, line.indexOf(']') + 1))).toEqual([
    '[^1]',
    '[^2]',
    '[^3]',
    '[^4]',
    '[^5]',
  ]);
  const textOf = (text: string, label: string) =>
    text
      .split('\n')
      .find((line) => line.startsWith(`[^${label}]: `))
      ?.slice(label.length + 5);
  expect(textOf(after, '2')).toBe(textOf(before, '3'));
  expect(textOf(after, '3')).toBe(textOf(before, '4'));
  expect(textOf(after, '4')).toBe(textOf(before, '5'));
  expect(textOf(after, '5')).toBe(textOf(before, '2'));
  await expect
    .poll(() =>
      items(app).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-label'))),
    )
    .toEqual(['1', '2', '3', '4', '5']);
  await expect(
    panel(app).locator('[data-label="5"] [data-problem="unused-definition"]'),
  ).toBeVisible();

  // One undo step restores the original numbering.
  await app.locator('.cm-content').focus();
  await app.keyboard.press('Control+z');
  expect(await editorText(app)).toBe(before);
});

test('inserting a citation creates the references section, numbering continues, the preview shows it, Ctrl+Z undoes it all', async ({
  app,
  byline,
}) => {
  await openArticle(app, bare);
  const original = readFileSync(path.join(byline.workspace, bare), 'utf8');
  expect(await editorText(app)).toBe(original);

  // First citation from the toolbar: the form, structured fields, a live preview of the definition.
  await placeCursor(app, original.indexOf('节奏') + 2);
  await app.locator('[data-command="insert.citation"]').click();
  await expect(form(app)).toBeVisible();
  await expect(form(app).locator('input[name="accessed"]')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await fillSource(app, {
    authors: '王明 & 李华',
    issued: '2025-06-18',
    title: '芯片出口新规正式生效',
    outlet: '科技日报',
    url: 'https://example.com/keji',
    accessed: '2025-06-20',
  });
  await expect(form(app).getByTestId('citation-preview')).toHaveText(
    '王明 & 李华（2025/6/18）。[芯片出口新规正式生效](https://example.com/keji)。科技日报。检索日期2025/6/20。',
  );
  await form(app).getByRole('button', { name: 'Insert', exact: true }).click();
  await expect(form(app)).toHaveCount(0);

  const once = await editorText(app);
  expect(once).toBe(
    original.replace('建设节奏。', '建设节奏[^1]。') +
      '\n## 参考资料\n[^1]: 王明 & 李华（2025/6/18）。[芯片出口新规正式生效](https://example.com/keji)。科技日报。检索日期2025/6/20。\n',
  );
  const preview = app.getByTestId('preview');
  await expect(preview.locator('.footnotes')).toContainText('芯片出口新规正式生效');
  await expect(preview.locator('sup')).toHaveCount(1);

  // Second citation with the keyboard shortcut: it gets [^2], under the same heading.
  await placeCursor(app, once.indexOf('新的常态') + 4);
  await app.keyboard.press('Control+Shift+C');
  await expect(form(app)).toBeVisible();
  await fillSource(app, {
    issued: '2025-06-16',
    title: 'Chipmakers weigh new export rules',
    outlet: 'Reuters',
    accessed: '2025-06-20',
  });
  await form(app).getByRole('button', { name: 'Insert', exact: true }).click();
  await expect(form(app)).toHaveCount(0);
  const twice = await editorText(app);
  expect(twice).toBe(
    once.replace('新的常态。', '新的常态[^2]。').replace(/\n$/, '') +
      '\n[^2]: （2025/6/16）。Chipmakers weigh new export rules。Reuters。检索日期2025/6/20。\n',
  );
  await expect(preview.locator('.footnotes li')).toHaveCount(2);

  // The new sources were saved to the workspace library.
  const library = JSON.parse(
    readFileSync(path.join(byline.workspace, '.byline/references.json'), 'utf8'),
  ) as { title: string }[];
  expect(library.map((item) => item.title)).toEqual([
    '芯片出口新规正式生效',
    'Chipmakers weigh new export rules',
  ]);

  // Each insertion is one undo step: citation, definition and section together.
  await app.locator('.cm-content').focus();
  await app.keyboard.press('Control+z');
  expect(await editorText(app)).toBe(once);
  await app.keyboard.press('Control+z');
  expect(await editorText(app)).toBe(original);
  await expect(preview.locator('.footnotes')).toHaveCount(0);
});

test('the editor shows a definition on hover and at the cursor, completes labels after [^, and marks a citation without definition', async ({
  app,
}) => {
  await openArticle(app, sample);
  const text = await editorText(app);

  await placeCursor(app, text.indexOf('[^3]') + 2);
  await expect(app.locator('.cm-footnote-tooltip')).toContainText(
    'Chipmakers weigh new export rules',
  );
  await app.locator('.cm-footnote-ref').first().hover();
  const hovered = app.locator('.cm-footnote-tooltip', { hasText: '王明' });
  await expect(hovered).toContainText('[^1]');
  // Right at the reference, and on top of the preview where it is wider than the editor pane:
  // the editor is layout-contained (app.css), so its tooltips are mounted outside it.
  const ref = await app.locator('.cm-footnote-ref').first().boundingBox();
  const tip = await hovered.boundingBox();
  if (!ref || !tip) throw new Error('reference or tooltip has no box');
  const gap = Math.min(
    Math.abs(tip.y - (ref.y + ref.height)),
    Math.abs(ref.y - (tip.y + tip.height)),
  );
  expect(gap).toBeLessThan(20);
  expect(Math.abs(tip.x - ref.x)).toBeLessThan(400);
  await app.locator('.split-divider').focus();
  await app.keyboard.press('Home'); // editor pane at its narrowest
  await placeCursor(app, text.indexOf('[^3]') + 2);
  const wide = app.locator('.cm-footnote-tooltip', { hasText: 'Chipmakers' });
  await expect(wide).toBeVisible();
  // Mounted outside the layout-contained editor pane, so a tooltip wider than the pane is not
  // clipped by it and lies on top of the preview.
  expect(await wide.evaluate((tip) => tip.closest('.split-editor') === null)).toBe(true);
  const box = await wide.boundingBox();
  if (!box) throw new Error('tooltip has no box');
  const topmost = await app.evaluate(
    ([x, y]) =>
      document.elementFromPoint(x as number, y as number)?.closest('.cm-footnote-tooltip') != null,
    [box.x + box.width - 6, box.y + box.height / 2],
  );
  expect(topmost).toBe(true);
  await app.locator('.split-divider').focus();
  await app.keyboard.press('Enter'); // back to half and half

  const end = text.indexOf('带来了新的机会') + '带来了新的机会'.length;
  await placeCursor(app, end);
  // Typed key by key, as a writer does (one input event per character).
  await app.keyboard.type('[^', { delay: 60 });
  const completion = app.locator('.cm-tooltip-autocomplete');
  await expect(completion).toBeVisible();
  await expect(completion).toContainText('出口管制新规全文发布');
  await app.keyboard.type('2', { delay: 60 });
  await expect(completion.locator('li[aria-selected="true"]')).toContainText(
    '出口管制新规全文发布',
  );
  await expect(completion.locator('li')).toHaveCount(1);
  await app.keyboard.press('Enter');
  const completed = await editorText(app);
  expect(completed.slice(end, end + 4)).toBe('[^2]');
  expect(completed.slice(end + 4, end + 5)).not.toBe(']');

  await app.keyboard.type(' [^9]', { delay: 60 });
  await expect(app.locator('.cm-footnote-missing')).toHaveText('[^9]');
});

test('switching the style reformats every definition, and back again', async ({ app, byline }) => {
  await openArticle(app, sample);
  await showPanel(app);
  const original = readFileSync(path.join(byline.workspace, sample), 'utf8');

  await panel(app).getByLabel('Citation style').selectOption('apa');
  await expect(panel(app).getByRole('status')).toContainText('Reformatted 5 definitions');
  const apa = await editorText(app);
  expect(apa).toContain('[^3]: Chipmakers weigh new export rules. (2025, June 16). Reuters.\n');
  expect(apa).toContain(
    '[^1]: 王明 & 李华. (2025, June 18). 芯片出口新规正式生效，云厂商加速调整供应链. 科技日报.\n',
  );

  await panel(app).getByLabel('Citation style').selectOption('gb-t-7714');
  await expect
    .poll(() => editorText(app))
    .toContain('[^3]: Chipmakers weigh new export rules[N]. Reuters, 2025-06-16.\n');

  await panel(app).getByLabel('Citation style').selectOption('news');
  await expect.poll(() => editorText(app)).toBe(original);
});

test('the source library imports BibTeX and a library source is cited from the form', async ({
  app,
}) => {
  await openArticle(app, sample);
  await showPanel(app);
  await panel(app)
    .getByTestId('references-import-file')
    .setInputFiles(path.resolve('tests/fixtures/references/import/sources.bib'));
  await expect(panel(app).locator('.references-library [role="status"]')).toHaveText(
    'Imported 3 sources (0 already in the library).',
  );
  await expect(panel(app).getByTestId('references-library-count')).toHaveText(
    '3 sources in this workspace',
  );

  const text = await editorText(app);
  await placeCursor(app, text.indexOf('新的常态') + 4);
  await app.locator('[data-command="insert.citation"]').click();
  await form(app).getByRole('tab', { name: 'From the library' }).click();
  await form(app).getByRole('searchbox').fill('nellis');
  await expect(form(app).locator('.citation-results li')).toHaveCount(1);
  await form(app).getByRole('button', { name: 'Cite' }).click();
  await expect(form(app)).toHaveCount(0);
  // The same title in the same outlet is already [^3]: it is cited again, not defined twice.
  await expect(panel(app).getByRole('status').filter({ hasText: 'cited again' })).toHaveText(
    'This source is already [^3]; it was cited again.',
  );
  const reused = await editorText(app);
  expect(reused).toBe(text.replace('新的常态。', '新的常态[^3]。'));

  // A journal article from the library is new here: it becomes [^6], its DOI as the link.
  await placeCursor(app, reused.indexOf('建设成本') + 4);
  await app.locator('[data-command="insert.citation"]').click();
  await form(app).getByRole('tab', { name: 'From the library' }).click();
  await form(app).getByRole('searchbox').fill('sovereignty');
  await expect(form(app).locator('.citation-results li')).toHaveCount(1);
  await form(app).getByRole('button', { name: 'Cite' }).click();
  await expect(form(app)).toHaveCount(0);
  const after = await editorText(app);
  expect(after).toContain('建设成本[^6] [^1]。');
  expect(after).toContain(
    '\n[^6]: Jane Doe（2024）。[Compute sovereignty and the cloud](https://doi.org/10.1234/jtp.2024.0012)。Journal of Technology Policy。\n',
  );
});
