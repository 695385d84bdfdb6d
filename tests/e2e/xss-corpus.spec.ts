/**
 * Security corpus: known XSS vectors from Markdown-editor advisories, rendered through the real
 * preview pipeline (renderArticle -> sanitize with the browser's own DOMPurify) in Chromium and
 * inserted into a live DOM. Each vector must leave no trace: no script ran (`window.__xss`, no
 * dialog), no navigation or popup, and no network request other than the harness page itself
 * (and `/asset/` loads, which are our own workspace images).
 *
 * Every vector goes through two paths:
 *   - markdown: the text as an article body (and front matter, when the vector has one);
 *   - raw HTML: the text straight into the sanitizer, as HTML from paste or an export would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { test as base, expect, type Page } from '@playwright/test';

interface XssVector {
  id: string;
  source: string;
  input: string;
  frontMatter?: Record<string, unknown>;
}

const root = join(import.meta.dirname, '../..');
const vectors = JSON.parse(
  readFileSync(join(root, 'tests/fixtures/xss/vectors.json'), 'utf8'),
) as XssVector[];
const harnessOrigin = 'http://byline-xss.test';
const harnessUrl = `${harnessOrigin}/`;

/** The real pipeline, bundled for the browser exactly as shared/ is imported by the renderer. */
const harnessEntry = `
import DOMPurify from 'dompurify';
import { renderArticle } from './shared/markdown/renderArticle';
import { createImageResolver, encodeWorkspacePath } from './shared/markdown/resolveImage';
import { createSanitizer } from './shared/markdown/sanitize';

const sanitize = createSanitizer(DOMPurify);
const resolveImage = createImageResolver({
  articlePath: 'content/posts/xss/index.md',
  toAssetUrl: (path) => '/asset/' + encodeWorkspacePath(path),
});

function insert(html, path) {
  const container = document.createElement('article');
  container.dataset.path = path;
  container.innerHTML = html;
  document.getElementById('preview').append(container);
}

window.bylineXss = {
  renderMarkdown(input, frontMatter) {
    const { headerHtml, bodyHtml } = renderArticle(frontMatter ?? null, input, { lineOffset: 0, resolveImage });
    const html = sanitize(headerHtml + bodyHtml);
    insert(html, 'markdown');
    return html;
  },
  sanitizeRaw(input) {
    const html = sanitize(input);
    insert(html, 'raw');
    return html;
  },
  insertUnsanitized(input) {
    insert(input, 'unsanitized');
  },
};
`;

let harnessHtml = '';

async function buildHarnessHtml(): Promise<void> {
  const result = await build({
    stdin: { contents: harnessEntry, resolveDir: root, loader: 'ts', sourcefile: 'xss-harness.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text ?? '';
  expect(script.length).toBeGreaterThan(1000);
  // The data: favicon keeps Chromium from requesting /favicon.ico.
  harnessHtml =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>xss harness</title></head>' +
    `<body><main id="preview"></main><script>${script.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
}

/**
 * One page per worker, with the harness loaded afresh for every test: a new browser context per
 * vector cost most of the corpus' time, and a fresh document still leaves no state behind.
 */
const test = base.extend<{ harness: Harness }, { workerHarness: Harness }>({
  workerHarness: [
    async ({ browser }, use) => {
      await buildHarnessHtml();
      const page = await browser.newPage();
      await use(await openHarness(page));
      await page.close();
    },
    { scope: 'worker' },
  ],
  harness: async ({ workerHarness }, use) => {
    await workerHarness.reload();
    await use(workerHarness);
  },
});

interface Observations {
  requests: string[];
  assetRequests: string[];
  dialogs: string[];
  navigations: string[];
  popups: number;
}

interface Harness {
  page: Page;
  seen: Observations;
  /** A fresh harness document with nothing observed yet. */
  reload(): Promise<void>;
}

/**
 * Opens the harness with every request except the harness page recorded and aborted. Only a
 * load the test asks for is served: a vector navigating to the harness URL is recorded like any
 * other request.
 */
async function openHarness(page: Page): Promise<Harness> {
  const seen: Observations = {
    requests: [],
    assetRequests: [],
    dialogs: [],
    navigations: [],
    popups: 0,
  };
  let serveHarness = false;
  let loading = false;
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (serveHarness && url === harnessUrl) {
      serveHarness = false;
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: harnessHtml,
      });
      return;
    }
    if (url.startsWith(`${harnessOrigin}/asset/`)) seen.assetRequests.push(url);
    else seen.requests.push(url);
    await route.abort();
  });
  page.on('request', (request) => {
    // Requests the router never sees (other schemes) still count.
    const url = request.url();
    if (!url.startsWith('http') && !url.startsWith('data:')) seen.requests.push(url);
  });
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('popup', () => {
    seen.popups++;
  });
  page.on('framenavigated', (frame) => {
    if (!loading && frame === page.mainFrame()) seen.navigations.push(frame.url());
  });
  const reload = async (): Promise<void> => {
    serveHarness = true;
    loading = true;
    try {
      await page.goto(harnessUrl);
    } finally {
      loading = false;
    }
    seen.requests.length = 0;
    seen.assetRequests.length = 0;
    seen.dialogs.length = 0;
    seen.navigations.length = 0;
    seen.popups = 0;
  };
  await reload();
  return { page, seen, reload };
}

/**
 * Lets what a rendered vector could trigger happen before the checks: every image has loaded or
 * failed (so `onerror` handlers had their chance), focus and toggle events dispatched (they follow
 * within a frame or a task), and two frames painted. Every step waits on an event in the page,
 * never on a fixed delay. A vector that navigates destroys the page's promise: that counts as
 * settled, and the navigation checks report it.
 */
async function settle(page: Page): Promise<void> {
  await page
    .evaluate(async () => {
      const images = [...document.images].filter((image) => !image.complete);
      await Promise.all(
        images.map(
          (image) =>
            new Promise<void>((resolve) => {
              image.addEventListener('load', () => resolve(), { once: true });
              image.addEventListener('error', () => resolve(), { once: true });
            }),
        ),
      );
      for (let frame = 0; frame < 2; frame++) {
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
    })
    .catch(() => undefined);
}

/** What a sanitized container must never contain, checked on the live DOM. */
async function structuralViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const forbidden =
      'script,style,iframe,frame,object,embed,form,link,meta,base,svg,math,template,noscript,video,audio,source';
    const allowedUrl =
      /^(?:(?:https?|mailto|byline-asset):|\/asset\/|#|data:image\/(?:png|gif|jpeg|webp|avif);)/i;
    for (const container of document.querySelectorAll(
      '#preview > article:not([data-path="unsanitized"])',
    )) {
      const path = (container as HTMLElement).dataset.path;
      for (const element of container.querySelectorAll(forbidden))
        problems.push(`${path}: <${element.localName}>`);
      for (const element of container.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on')) problems.push(`${path}: ${element.localName}[${name}]`);
          if (
            ['style', 'srcset', 'ping', 'action', 'formaction', 'srcdoc', 'xlink:href'].includes(
              name,
            )
          ) {
            problems.push(`${path}: ${element.localName}[${name}]`);
          }
          if ((name === 'href' || name === 'src') && !allowedUrl.test(attribute.value.trim())) {
            problems.push(`${path}: ${element.localName}[${name}=${attribute.value}]`);
          }
          if (name === 'src' && /^https?:/i.test(attribute.value))
            problems.push(`${path}: remote src ${attribute.value}`);
        }
      }
    }
    return problems;
  });
}

const scriptRan = (page: Page) =>
  page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined);

test.describe('XSS corpus through the real preview pipeline', () => {
  test('the corpus holds at least 30 vectors with sources', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(30);
    expect(new Set(vectors.map((vector) => vector.id)).size).toBe(vectors.length);
    for (const vector of vectors) expect(vector.source.length, vector.id).toBeGreaterThan(10);
  });

  test('the detectors work: unsanitized vectors do trip them', async ({ harness }) => {
    const { page, seen } = harness;
    await page.evaluate(() => {
      const api = (window as unknown as { bylineXss: { insertUnsanitized(html: string): void } })
        .bylineXss;
      api.insertUnsanitized('<img src=x onerror="window.__xss=1">');
      api.insertUnsanitized('<img src=y onerror="alert(1)">');
      api.insertUnsanitized('<img src="https://attacker.example/control.gif">');
    });
    await expect.poll(() => scriptRan(page)).toBe(true);
    await expect.poll(() => seen.dialogs).toEqual(['alert: 1']);
    await expect.poll(() => seen.requests).toContain('https://attacker.example/control.gif');
    await settle(page);
    expect(seen.navigations).toEqual([]);
  });

  test('the detectors work: an unsanitized meta refresh is caught as a navigation attempt', async ({
    harness,
  }) => {
    const { page, seen } = harness;
    await page.evaluate(() => {
      const api = (window as unknown as { bylineXss: { insertUnsanitized(html: string): void } })
        .bylineXss;
      api.insertUnsanitized(
        '<meta http-equiv="refresh" content="0;url=https://attacker.example/navigate">',
      );
    });
    // The refresh fires when Chromium's scheduler gets to it, later under load: wait for its
    // request. The router aborts it, so it is recorded as a request (and Chromium shows an error page).
    await expect
      .poll(() => seen.requests, { timeout: 30_000 })
      .toContain('https://attacker.example/navigate');
    await expect
      .poll(() => seen.navigations.length + (page.url() === harnessUrl ? 0 : 1), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
  });

  for (const vector of vectors) {
    test(`${vector.id} is inert`, async ({ harness }) => {
      test.info().annotations.push({ type: 'source', description: vector.source });
      const { page, seen } = harness;
      const output = await page.evaluate(
        ({ input, frontMatter }) => {
          const api = (
            window as unknown as {
              bylineXss: {
                renderMarkdown(input: string, frontMatter?: Record<string, unknown>): string;
                sanitizeRaw(input: string): string;
              };
            }
          ).bylineXss;
          return { markdown: api.renderMarkdown(input, frontMatter), raw: api.sanitizeRaw(input) };
        },
        { input: vector.input, frontMatter: vector.frontMatter },
      );
      await settle(page);

      const context = `\nmarkdown -> ${output.markdown}\nraw -> ${output.raw}`;
      expect(seen.requests, `network requests${context}`).toEqual([]);
      expect(seen.navigations, `navigations${context}`).toEqual([]);
      expect(seen.popups, `popups${context}`).toBe(0);
      expect(seen.dialogs, `dialogs${context}`).toEqual([]);
      expect(page.url()).toBe(harnessUrl);
      expect(await scriptRan(page), `script ran${context}`).toBe(false);
      expect(await structuralViolations(page), `DOM${context}`).toEqual([]);
    });
  }
});
