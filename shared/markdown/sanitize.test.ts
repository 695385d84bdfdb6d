import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderArticle } from './renderArticle';
import { createSanitizer, type HtmlPurifier } from './sanitize';

const purify = createDOMPurify(new JSDOM('<!DOCTYPE html>').window);
const sanitize = createSanitizer(purify);

describe('createSanitizer keeps what the renderer produces', () => {
  it('keeps data-line, ids, classes, footnote and asset links, task checkboxes', () => {
    const html =
      '<p data-line="3" class="x" id="fnref-1"><a href="#fn-1">1</a> <a href="https://e.com" title="t">e</a> ' +
      '<a href="mailto:a@b.c">m</a> <img src="byline-asset://workspace/a%20b.png" alt="a"> ' +
      '<img src="/asset/content/a.png" alt="b"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="c"></p>' +
      '<ol start="3"><li><input class="task-list-item-checkbox" type="checkbox" disabled checked> t</li></ol>' +
      '<p><time datetime="2025-06-18T11:20:04+08:00">2025-06-18 11:20</time></p>';
    const clean = sanitize(html);
    for (const kept of [
      'data-line="3"',
      'id="fnref-1"',
      'href="#fn-1"',
      'href="https://e.com"',
      'title="t"',
      'href="mailto:a@b.c"',
      'src="byline-asset://workspace/a%20b.png"',
      'src="/asset/content/a.png"',
      'src="data:image/png;base64,iVBORw0KGgo="',
      'start="3"',
      'type="checkbox"',
      'checked=""',
      'disabled=""',
      'datetime="2025-06-18T11:20:04+08:00"',
    ]) {
      expect(clean).toContain(kept);
    }
  });

  it('keeps every data-line of a rendered article', () => {
    const { headerHtml, bodyHtml } = renderArticle(
      { title: 'T', tags: ['a'] },
      '# H\n\n- [x] a\n\n| a |\n|:-|\n| 1 |\n\n```\ncode\n```\n\ntext[^1]\n\n[^1]: note\n',
      { lineOffset: 9 },
    );
    const count = (html: string) => html.match(/data-line="/g)?.length ?? 0;
    const clean = sanitize(headerHtml + bodyHtml);
    expect(count(clean)).toBe(count(bodyHtml));
    expect(clean).toContain('class="align-left"');
    expect(clean).toContain('<a href="#fnref-1" class="footnote-backref">');
  });
});

describe('createSanitizer removes', () => {
  it.each([
    ['<script>window.__xss=1</script>', /<script/i],
    ['<style>body{display:none}</style>', /<style/i],
    ['<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>', /<iframe/i],
    ['<object data="x.swf"></object>', /<object/i],
    ['<embed src="x.swf">', /<embed/i],
    ['<form action="https://evil.example"><button>go</button></form>', /<form|action=/i],
    ['<link rel="import" href="https://evil.example/x.html">', /<link/i],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', /<meta/i],
    ['<base href="https://evil.example/">', /<base/i],
    ['<svg onload="alert(1)"><circle r="1"/></svg>', /<svg|onload/i],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', /onerror|<math|<style/i],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', /onerror/i],
    ['<p onclick="alert(1)" style="color:red">x</p>', /onclick|style=/i],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/i],
    ['<a href="  JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['<a href="vbscript:msgbox(1)">x</a>', /vbscript:/i],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', /data:/i],
    ['<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">', /data:image\/svg/i],
    ['<img src="https://evil.example/a.png" onerror="alert(1)">', /onerror|evil/i],
    ['<img src="http://tracker.example/pixel.gif">', /tracker/i],
    ['<img src="file:///etc/passwd">', /file:/i],
    ['<img src="//evil.example/a.png">', /evil\.example/i],
    ['<a href="../../secret">x</a>', /href=/i],
    [
      '<input type="text" value="x" onfocus="alert(1)" autofocus>',
      /type="text"|onfocus|autofocus/i,
    ],
    ['<p data-foo="x" aria-label="y">x</p>', /data-foo|aria-label/i],
    // <details> is allowed (Hugo's details shortcode), its event handlers are not.
    ['<details open ontoggle="alert(1)">x</details>', /ontoggle/i],
  ])('%s', (dirty, forbidden) => {
    expect(sanitize(dirty)).not.toMatch(forbidden);
  });

  it('lets remote images through only when allowed', () => {
    const online = createSanitizer(purify, { allowRemoteImages: true });
    expect(online('<img src="https://e.com/a.png" alt="a">')).toBe(
      '<img src="https://e.com/a.png" alt="a">',
    );
    expect(sanitize('<img src="https://e.com/a.png" alt="a">')).toBe('<img alt="a">');
  });

  it('turns any input into a disabled checkbox', () => {
    expect(sanitize('<input type="text" value="x">')).toBe('<input type="checkbox" disabled="">');
  });
});

describe('createSanitizer and the DOMPurify instance', () => {
  it('leaves a shared instance without its hooks after each call', () => {
    sanitize('<p>x</p>');
    expect(purify.sanitize('<input type="text">')).toBe('<input type="text">');
  });

  it('refuses a DOMPurify without a DOM (it would return its input unchanged)', () => {
    const noDom = { ...purify, isSupported: false } as HtmlPurifier;
    expect(() => createSanitizer(noDom)).toThrow(/no DOM/);
  });
});
