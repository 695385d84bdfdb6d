import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { BylineServer } from './support/bylineServer';
import { startByline } from './support/bylineServer';
import { callByline as request } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';
import { journaledTexts } from './support/journaled';

// Every open article has one owner (renderer/document): save all, crash recovery and two windows.

const chip = 'posts/chip-export-rules.md';
const notes = 'notes-en.md';
const editor = (page: Page) => page.locator('.cm-content');
const saveState = (page: Page) => page.getByTestId('save-state');
const onDisk = (byline: BylineServer, file: string): string =>
  readFileSync(path.join(byline.workspace, file), 'utf8');

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

/** The journal's texts on disk (what a crash would leave). */
const journaled = (byline: BylineServer): Promise<string[]> => journaledTexts(byline.dataDir);

async function openPage(page: Page, byline: BylineServer): Promise<void> {
  await page.goto(byline.url);
  await expect(page.locator('.library')).toBeVisible();
}

test('save all (the close guard’s command) writes every article with unsaved edits', async ({
  app,
  byline,
}) => {
  await request(byline, 'settings.update', { autosave: false });
  await app.reload();
  await openArticle(app, chip);
  await typeAtEnd(app, '芯片段落的改动。');
  await openArticle(app, notes);
  await typeAtEnd(app, ' Edited in the background.');
  // The chip article's tab is in the background now; both are unsaved.
  await expect(app.getByTestId('tab-dirty')).toHaveCount(2);
  await app.keyboard.press('Control+Alt+S');
  await expect.poll(() => onDisk(byline, chip)).toContain('芯片段落的改动。');
  await expect.poll(() => onDisk(byline, notes)).toContain(' Edited in the background.');
  await expect(saveState(app)).toHaveText('Saved');
});

test('a paragraph restored after a crash reaches the disk with the next autosave', async ({
  app,
  byline,
  browser,
}) => {
  await openArticle(app, chip);
  const original = onDisk(byline, chip);
  const paragraph = '崩溃时正在写的段落，恢复后不能丢。';
  // Autosave would write it before the crash: the writer keeps typing, so it has not yet.
  await request(byline, 'settings.update', { autosave: false });
  await app.reload();
  await openArticle(app, chip);
  await typeAtEnd(app, paragraph);
  await expect.poll(() => journaled(byline)).toEqual([expect.stringContaining(paragraph)]);
  await byline.crash();

  const restarted = await startByline({ restartOf: byline });
  try {
    await request(restarted, 'settings.update', { autosave: true });
    const page = await browser.newPage();
    await openPage(page, restarted);
    const prompt = page.getByTestId('journal-restore');
    await prompt.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(prompt).toHaveCount(0);
    await typeAtEnd(page, '再补一句。');
    // Autosave, waited for on the status bar.
    await expect(saveState(page)).toHaveText('Saved', { timeout: 30_000 });
    await page.reload();
    await expect(page.locator('.library')).toBeVisible();
    await expect(page.getByTestId('journal-restore')).toHaveCount(0);
    expect(onDisk(restarted, chip)).toBe(original + paragraph + '再补一句。');
    await page.close();
  } finally {
    await restarted.close();
  }
});

test('words typed just before the tab is closed are offered back', async ({ byline, browser }) => {
  await request(byline, 'settings.update', { autosave: false });
  const page = await browser.newPage();
  await page.clock.install();
  await openPage(page, byline);
  await openArticle(page, notes);
  // Time stands still in the page: the journal's timer never fires, so only the page going away
  // can write these words.
  await page.clock.pauseAt(Date.now() + 60_000);
  await typeAtEnd(page, ' Typed just before closing.');
  await expect(page.getByTestId('tab-dirty')).toHaveCount(1);
  expect(await journaled(byline)).toEqual([]);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(() => journaled(byline))
    .toEqual([expect.stringContaining('Typed just before closing.')]);

  const next = await browser.newPage();
  await openPage(next, byline);
  const prompt = next.getByTestId('journal-restore');
  await prompt.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(editor(next)).toContainText('Typed just before closing.');
  await next.close();
});

test('two windows typing into one article: after a crash both texts are offered back', async ({
  byline,
  browser,
}) => {
  await request(byline, 'settings.update', { autosave: false });
  const one = await browser.newPage();
  const two = await browser.newPage();
  for (const page of [one, two]) {
    await openPage(page, byline);
    await openArticle(page, chip);
  }
  await typeAtEnd(one, '第一个窗口的文字。');
  await typeAtEnd(two, '第二个窗口的文字。');
  await expect
    .poll(async () => (await journaled(byline)).sort())
    .toEqual([
      expect.stringContaining('第一个窗口的文字。'),
      expect.stringContaining('第二个窗口的文字。'),
    ]);
  await byline.crash();

  const restarted = await startByline({ restartOf: byline });
  try {
    const page = await browser.newPage();
    await openPage(page, restarted);
    const prompt = page.getByTestId('journal-restore');
    await expect(prompt.locator('li')).toHaveCount(2);
    await prompt.getByRole('button', { name: 'Restore all' }).click();
    await expect(prompt).toHaveCount(0);
    // One text goes back into the article, the other into a new article beside it.
    await expect(page.getByTestId('tab-dirty')).toHaveCount(2);
    await page.keyboard.press('Control+Alt+S');
    const texts = (): string[] =>
      readdirSync(path.join(restarted.workspace, 'posts'))
        .filter((n) => n.endsWith('.md'))
        .map((n) => onDisk(restarted, `posts/${n}`));
    await expect
      .poll(() => texts().filter((t) => t.includes('第一个窗口的文字。')))
      .toHaveLength(1);
    await expect
      .poll(() => texts().filter((t) => t.includes('第二个窗口的文字。')))
      .toHaveLength(1);
    await page.close();
  } finally {
    await restarted.close();
  }
});

test('an article renamed in one window: the other follows with its unsaved words and saves under the new name', async ({
  byline,
  browser,
}) => {
  await request(byline, 'settings.update', { autosave: false });
  const one = await browser.newPage();
  const two = await browser.newPage();
  for (const page of [one, two]) {
    await openPage(page, byline);
    await openArticle(page, chip);
  }
  await typeAtEnd(two, '第二个窗口尚未保存的文字。');

  await one.getByRole('button', { name: /^Actions for "芯片出口新规落地/ }).click();
  await one.getByRole('menuitem', { name: 'Rename…' }).click();
  await one.getByTestId('rename-name').fill('chip-renamed');
  await one.getByTestId('rename-dialog').getByRole('button', { name: 'Rename' }).click();

  const renamed = 'posts/chip-renamed.md';
  const shownTab = two.locator('[role="tab"][data-tab-id][aria-selected="true"]');
  await expect(shownTab).toHaveAttribute('title', renamed);
  await expect(two.getByTestId('tab-dirty')).toHaveCount(1);
  await two.keyboard.press('Control+s');
  await expect(saveState(two)).toHaveText('Saved');
  expect(onDisk(byline, renamed)).toContain('第二个窗口尚未保存的文字。');
  expect(existsSync(path.join(byline.workspace, chip))).toBe(false);
  await Promise.all([one.close(), two.close()]);
});

test('an article trashed in one window: the other is told and keeps its unsaved words', async ({
  byline,
  browser,
}) => {
  await request(byline, 'settings.update', { autosave: false });
  const one = await browser.newPage();
  const two = await browser.newPage();
  for (const page of [one, two]) {
    await openPage(page, byline);
    await openArticle(page, chip);
  }
  await typeAtEnd(two, '第二个窗口尚未保存的文字。');
  // The first window had looked at the article and closed it before trashing it from the library.
  await one.locator('.tab', { hasText: '芯片出口新规落地' }).locator('.tab-close').click();
  await expect(one.locator('.tab', { hasText: '芯片出口新规落地' })).toHaveCount(0);

  await one.getByRole('button', { name: /^Actions for "芯片出口新规落地/ }).click();
  await one.getByRole('menuitem', { name: 'Move to trash' }).click();
  await expect(one.getByTestId('trashed-banner')).toBeVisible();

  await expect(two.getByTestId('deleted-banner')).toBeVisible();
  await expect(editor(two)).toContainText('第二个窗口尚未保存的文字。');
  expect(existsSync(path.join(byline.workspace, chip))).toBe(false);

  // The writer keeps the article after all.
  await two.getByTestId('deleted-banner').getByRole('button', { name: 'Save it again' }).click();
  await expect(two.getByTestId('deleted-banner')).toHaveCount(0);
  await expect.poll(() => existsSync(path.join(byline.workspace, chip))).toBe(true);
  expect(onDisk(byline, chip)).toContain('第二个窗口尚未保存的文字。');
  await Promise.all([one.close(), two.close()]);
});

test('an article closed in one window: the other still takes a change made on disk, and hears of its delete', async ({
  byline,
  browser,
}) => {
  const one = await browser.newPage();
  const two = await browser.newPage();
  for (const page of [one, two]) {
    await openPage(page, byline);
    await openArticle(page, chip);
  }
  const closed = one.waitForResponse((response) => response.url().endsWith('/api/article.close'));
  await one.locator('.tab', { hasText: '芯片出口新规落地' }).locator('.tab-close').click();
  await closed;

  // Another program (a colleague's sync, git pull) changes the file, then deletes it.
  const file = path.join(byline.workspace, chip);
  writeFileSync(file, onDisk(byline, chip).replace('供应链：从集中到分散', '供应链：从集中到多元'));
  await expect(editor(two)).toContainText('供应链：从集中到多元');
  rmSync(file);
  await expect(two.getByTestId('deleted-banner')).toBeVisible();
  await expect(editor(two)).toContainText('供应链：从集中到多元');
  await Promise.all([one.close(), two.close()]);
});
