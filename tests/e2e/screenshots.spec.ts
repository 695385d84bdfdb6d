import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { callByline } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';

// The workbench as a writer sees it, for the README and for review: 1280 and 1920 px, light and
// dark, Chinese and English UI, with the sample article. Opt-in (BYLINE_SCREENSHOTS=1), so test
// runs never rewrite the committed images.
test.skip(!process.env.BYLINE_SCREENSHOTS, 'set BYLINE_SCREENSHOTS=1 to write the screenshots');
test.use({ bylineOptions: { fixtures: ['workbench-e2e'] }, timezoneId: 'Asia/Shanghai' });

const screenshots = path.join(import.meta.dirname, '__screenshots__');
const sample = 'posts/article-zh-hugo.md';

for (const locale of ['zh-CN', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`workbench screenshots, ${locale}, ${theme}`, async ({ app, byline }) => {
      // A bound for a hung run on a loaded machine, not a speed check.
      test.setTimeout(300_000);
      mkdirSync(screenshots, { recursive: true });
      await callByline(byline, 'settings.update', { locale, theme });
      await app.reload();
      await expect(app.locator('html')).toHaveAttribute('data-theme', theme);
      await openArticle(app, sample);
      for (const width of [1280, 1920]) {
        await app.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
        await expect(app.getByTestId('preview')).toHaveAttribute('data-version', /^posts\//);
        await expect(app.getByTestId('preview').locator('h1')).toBeVisible();
        await expect(app.getByTestId('status-target')).toBeVisible();
        await app.screenshot({
          path: path.join(screenshots, `workbench-${width}-${theme}-${locale}.png`),
        });
      }
    });
  }
}
