import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderForExport } from '../../shared/export/exportMarkdown';
import { buildExportSanitizer, createExportSanitizer } from './exportSanitizer';

// The export's last pass answers from its fast path for our own pages; what it returns must
// parse to the same DOM as DOMPurify's answer with the same options.
const { document } = new JSDOM('<!DOCTYPE html>').window;
const parsed = (html: string): string => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.innerHTML;
};
const vectors = JSON.parse(
  readFileSync(path.resolve('tests/fixtures/xss/vectors.json'), 'utf8'),
) as { input: string }[];
const sample = readFileSync(path.resolve('tests/fixtures/export/sample/article.md'), 'utf8');

describe('export sanitizer', () => {
  const optionSets = [
    {},
    { inlineStyles: true },
    { assetsFolder: '文章.assets/', allowRemoteImages: true },
  ];
  const pages = [
    renderForExport(sample, 'zh-CN').html,
    '<section style="color: red; font-family: &quot;Noto Serif&quot;"><p style="background: url(https://x)">a</p></section>',
    '<p style="behavior: url(x.htc)">b</p><img src="%E6%96%87%E7%AB%A0.assets/a.png"><img src="other/a.png">',
    '<img src="data:image/png;base64,AAAA"><img src="data:image/svg+xml,x"><img src="http://t.example/p.gif">',
    ...vectors.map((v) => v.input),
  ];

  it('is one instance per set of options', () => {
    expect(createExportSanitizer({ inlineStyles: true })).toBe(
      createExportSanitizer({ inlineStyles: true }),
    );
  });

  it('returns what DOMPurify returns with the same options, fast path or not', () => {
    for (const options of optionSets) {
      const fast = buildExportSanitizer(options);
      const reference = buildExportSanitizer(options, false);
      for (const html of pages)
        expect(parsed(fast(html)), `${JSON.stringify(options)} ${html.slice(0, 80)}`).toBe(
          parsed(reference(html)),
        );
    }
  });
});
