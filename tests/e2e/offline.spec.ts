import type { BrowserContext, Request } from '@playwright/test';
import { expect, openArticle, test } from './support/fixtures';

// Offline by design (docs/offline.md): start-up and a whole writing session talk to the loopback
// server only. Every request the page, its workers and its frames make is recorded, and anything
// bound elsewhere is aborted so a regression cannot slip through on a machine that happens to be online.

interface Recorder {
  urls: string[];
  foreign: string[];
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopback(url: string): boolean {
  const parsed = new URL(url);
  // data: and blob: URLs never leave the process.
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return loopbackHosts.has(parsed.hostname);
}

async function record(context: BrowserContext): Promise<Recorder> {
  const recorder: Recorder = { urls: [], foreign: [] };
  const note = (url: string): void => {
    recorder.urls.push(url);
    if (!isLoopback(url)) recorder.foreign.push(url);
  };
  context.on('request', (request: Request) => note(request.url()));
  await context.route('**/*', async (route) => {
    if (isLoopback(route.request().url())) await route.continue();
    else await route.abort('blockedbyclient');
  });
  return recorder;
}

test('start-up and a typing session contact only the loopback server', async ({
  page,
  context,
  byline,
}) => {
  const recorder = await record(context);
  page.on('websocket', (socket) => {
    if (!isLoopback(socket.url().replace(/^ws/, 'http')))
      recorder.foreign.push(`websocket ${socket.url()}`);
  });

  await page.goto(byline.url);
  await expect(page.locator('.library')).toBeVisible();
  await openArticle(page, 'posts/chip-export-rules.md');

  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  // Latin and Chinese text, a remote image and a web link: none of them may be fetched.
  await page.keyboard.insertText('\n\n记者补充：截至发稿，多家企业尚未回应置评请求。\n\n');
  await page.keyboard.type('Reporting by the desk. ', { delay: 5 });
  await page.keyboard.insertText(
    '![chart](https://images.example.com/chart.png)\n\nSee [the rules](https://www.example.org/rules).\n',
  );
  await expect(page.getByTestId('preview')).toContainText('记者补充');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // Other views of a session: the other article, the settings dialog.
  await openArticle(page, 'notes-en.md');
  await page.keyboard.press('Control+,');
  await expect(page.locator('.settings-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.settings-dialog')).toBeHidden();
  await expect(page.getByTestId('preview')).toBeVisible();
  // Whatever the views started loading has been requested by the time two frames have painted.
  await page.evaluate(async () => {
    for (let frame = 0; frame < 2; frame++)
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  });

  expect(recorder.urls.length).toBeGreaterThan(5);
  expect(recorder.foreign).toEqual([]);
  for (const url of recorder.urls)
    expect(new URL(url).origin === byline.origin || isLoopback(url), url).toBe(true);
});
