import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExportSanitizer } from './exportSanitizer';
import { escapeAttributeBrackets } from './escapeAttributeBrackets';

/** The definition, one character at a time: `"` opens and closes a value only inside a tag. */
function escapeCharByChar(html: string): string {
  let out = '';
  let inTag = false;
  let inValue = false;
  for (const char of html) {
    if (inValue) {
      if (char === '"') inValue = false;
      else if (char === '<' || char === '>') {
        out += char === '<' ? '&lt;' : '&gt;';
        continue;
      }
    } else if (inTag) {
      if (char === '"') inValue = true;
      else if (char === '>') inTag = false;
    } else if (char === '<') inTag = true;
    out += char;
  }
  return out;
}

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

  it('agrees with the character-by-character definition on any mix of tags, quotes and text', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '"',
      '=',
      ' ',
      'a',
      '中',
      '&lt;',
      '<p>',
      '</p>',
      'alt="',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const html = pieces.join('');
        expect(escapeAttributeBrackets(html)).toBe(escapeCharByChar(html));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles unclosed tags and values', () => {
    expect(escapeAttributeBrackets('<img alt="a<b')).toBe('<img alt="a&lt;b');
    expect(escapeAttributeBrackets('x<img alt="a" <b')).toBe('x<img alt="a" <b');
    expect(escapeAttributeBrackets('<a title="x>y">z</a><b')).toBe('<a title="x&gt;y">z</a><b');
  });
});
