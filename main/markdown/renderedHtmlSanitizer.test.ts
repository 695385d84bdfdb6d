import { readFileSync } from 'node:fs';
import path from 'node:path';
import createDOMPurify from 'dompurify';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderForExport } from '../../shared/export/exportMarkdown';
import { hugoDefaultProfile } from '../../shared/markdown/renderProfile';
import { createSanitizer } from '../../shared/markdown/sanitize';
import { isClobberingName } from './domClobberNames';
import { strictRules } from './nodeSanitizer';
import { sanitizeRenderedHtml } from './renderedHtmlSanitizer';

// The fast path must be DOMPurify's equal wherever it answers: its output, parsed as a browser
// parses it, is the same DOM as DOMPurify's output (serialized the same way). Where it does not
// answer (null), the export uses DOMPurify itself.
const { window } = new JSDOM('<!DOCTYPE html>');
const full = createSanitizer(createDOMPurify(window));
const rules = strictRules(isClobberingName);
const { document } = window;
const parsed = (html: string): string => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.innerHTML;
};

/** Asserts the fast path equals DOMPurify on `html`; true when it answered. */
function sameAsPurify(html: string): boolean {
  const fast = sanitizeRenderedHtml(html, rules);
  if (fast === null) return false;
  expect(parsed(fast), html).toBe(parsed(full(html)));
  return true;
}

const vectors = JSON.parse(
  readFileSync(path.resolve('tests/fixtures/xss/vectors.json'), 'utf8'),
) as { id: string; input: string }[];
const hostile = readFileSync(path.resolve('tests/fixtures/export/hostile/hostile.md'), 'utf8');
const sample = readFileSync(path.resolve('tests/fixtures/export/sample/article.md'), 'utf8');
const unsafe = { ...hugoDefaultProfile, unsafe: true };
const render = (markdown: string, raw: boolean, flavor: 'document' | 'wechat' = 'document') =>
  renderForExport(markdown, 'zh-CN', {
    flavor,
    ...(raw ? { profile: unsafe } : {}),
  }).html;

describe('fast path of the export sanitizer', () => {
  it('answers for an ordinary article rendered with raw HTML off, as DOMPurify would', () => {
    expect(sameAsPurify(render(sample, false))).toBe(true);
    expect(sameAsPurify(render(sample, false, 'wechat'))).toBe(true);
  });

  it('equals DOMPurify on every XSS vector, as raw input and rendered with raw HTML on or off', () => {
    let answered = 0;
    for (const { input } of vectors) {
      for (const html of [input, render(input, true), render(input, false)])
        if (sameAsPurify(html)) answered++;
    }
    // It answers for most of them (rendered with raw HTML off at least) and defers the rest.
    expect(answered).toBeGreaterThanOrEqual(vectors.length);
  });

  it('equals DOMPurify on the hostile fixture, raw HTML on and off', () => {
    sameAsPurify(render(hostile, true));
    sameAsPurify(render(hostile, false));
  });

  it('hands markup outside its grammar to the full sanitizer', () => {
    for (const html of [
      '<p>a<!-- note --></p>',
      '<img src=x onerror=alert(1)>',
      "<a href='javascript:alert(1)'>x</a>",
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<svg><a href="#x">x</a></svg>',
      '<p title="a/>b">x</p>',
      '<p class="a" class="b">x</p>',
      '<?xml x?><p>x</p>',
    ])
      expect(sanitizeRenderedHtml(html, rules), html).toBeNull();
  });

  it('drops what DOMPurify drops from markup in its grammar', () => {
    const html =
      '<h2 id="cookie">c</h2><h2 id="references">r</h2>' +
      '<p onclick="x()" style="color:red" data-x="1"><a href="javascript:alert(1)" title="t">a</a>' +
      '<a href="notes.html">b</a><img src="data:image/svg+xml;base64,AA" alt="s">' +
      '<img src="https://tracker.example/p.gif"><input type="text" checked=""></p>';
    expect(sameAsPurify(html)).toBe(true);
    expect(sanitizeRenderedHtml(html, rules)).toBe(
      '<h2>c</h2><h2 id="references">r</h2>' +
        '<p><a title="t">a</a><a>b</a><img alt="s"><img><input checked="" type="checkbox" disabled=""></p>',
    );
  });

  it('equals DOMPurify on generated Markdown with links, images, notes and markup-like text', () => {
    const pieces = fc.constantFrom(
      '# ',
      '## 标题 ',
      '\n\n',
      '\n',
      '- ',
      '> ',
      '**',
      '*',
      '`',
      '[链接](https://example.com/a?b=1&c=2 "t")',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt&#58;alert(1))',
      '[x](data:text/html,<b>)',
      '[x](#fn-1)',
      '[x](notes.html)',
      '[x](mailto:a@b.c)',
      '![图](images/a.png)',
      '![x](data:image/png;base64,AAAA)',
      '![x](https://cdn.example/a.jpg)',
      '<https://example.com>',
      '[^1]',
      '[^note"><b>]',
      '\n\n[^1]: 脚注。\n\n',
      '<b>',
      '<script>x</script>',
      '&lt;',
      '&amp;',
      '&#x3C;',
      '"',
      "'",
      '>',
      '<',
      '中文',
      'word',
      '- [ ] task',
      '- [x] done',
      '| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.boolean(), (parts, raw) => {
        const html = render(parts.join(''), raw);
        if (sanitizeRenderedHtml(html, rules) !== null) sameAsPurify(html);
      }),
      { numRuns: 300 },
    );
  });
});
