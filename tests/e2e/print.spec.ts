import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, openArticle, test } from './support/fixtures';

test.describe('File › Print (browser mode)', () => {
  test.use({ bylineOptions: { fixtures: ['export/zh-hugo'] } });

  test('Ctrl+P prints the article set by the export theme, none of the app', async ({
    app,
  }, testInfo) => {
    // Browser mode prints with window.print(): record the call instead of opening a dialog.
    await app.evaluate(() => {
      (window as Window & { printCalls?: number }).printCalls = 0;
      window.print = () => {
        const w = window as Window & { printCalls?: number };
        w.printCalls = (w.printCalls ?? 0) + 1;
      };
    });
    await openArticle(app, 'article-zh-hugo.md');
    await app.locator('.cm-content').click();
    await app.keyboard.press('Control+p');
    await expect
      .poll(() => app.evaluate(() => (window as Window & { printCalls?: number }).printCalls))
      .toBe(1);

    const printed = app.getByTestId('print-root');
    // On screen nothing changes.
    await expect(printed).toBeHidden();
    await expect(app.locator('.cm-editor')).toBeVisible();

    await app.emulateMedia({ media: 'print' });
    await expect(printed).toBeVisible();
    await expect(printed.locator('.article-title')).toHaveText(
      'OpenAI与微软权力对弈：国防合约背后的大模型自主之路',
    );
    await expect(printed.locator('h3').first()).toHaveText('AI权力博弈：OpenAI与微软的冰点联盟');
    await expect(printed.locator('.footnotes li')).toHaveCount(4);
    await expect(app.locator('#root')).toBeHidden();
    await expect(app.locator('.cm-editor')).toBeHidden();
    await expect(app.locator('.library')).toBeHidden();
    // The theme's print fonts apply: the body is set in the classic theme's serif stack.
    const family = await printed
      .locator('.article-body p')
      .first()
      .evaluate((p) => getComputedStyle(p).fontFamily);
    expect(family).toContain('Byline Print Punctuation Serif');

    // The printed page as Chromium lays it out for paper: the article's text, the app's none.
    const pdf = testInfo.outputPath('printed.pdf');
    writeFileSync(pdf, await app.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('国防合约背后的大模型自主之路');
    expect(text).toContain('华尔街见闻');
    expect(text).not.toContain('article-zh-hugo.md'); // the library and the tab bar
    expect(text).not.toContain('---'); // the front matter in the editor
    await app.emulateMedia({ media: 'screen' });
    await expect(printed).toBeHidden();
    await expect(app.locator('.cm-editor')).toBeVisible();
  });
});
