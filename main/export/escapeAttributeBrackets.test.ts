import { describe, expect, it } from 'vitest';
import { createExportSanitizer } from './exportSanitizer';
import { escapeAttributeBrackets } from './escapeAttributeBrackets';

describe('escapeAttributeBrackets', () => {
  it('escapes < and > inside attribute values only', () => {
    expect(escapeAttributeBrackets('<img alt="a<b>c" src="x.png"><p>1 &lt; 2</p>')).toBe(
      '<img alt="a&lt;b&gt;c" src="x.png"><p>1 &lt; 2</p>',
    );
  });

  it('leaves text, tags and values without brackets unchanged', () => {
    const html = '<p title="plain">x &gt; y</p><a href="https://e.org/?a=1&amp;b=2">l</a>';
    expect(escapeAttributeBrackets(html)).toBe(html);
  });

  it('runs on every exported fragment: no raw < or > survives in an attribute', () => {
    const sanitize = createExportSanitizer();
    const out = sanitize('<p><img alt="a>b" title="x<y"><a href="#n" title="<b>">n</a></p>');
    expect(out).toContain('alt="a&gt;b"');
    expect(out).toContain('title="x&lt;y"');
    expect(out).toContain('title="&lt;b&gt;"');
    for (const value of out.match(/="[^"]*"/g) ?? []) expect(value).not.toMatch(/[<>]/);
  });
});
