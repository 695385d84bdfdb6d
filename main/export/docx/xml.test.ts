import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { xmlAttribute, xmlText } from './xml';

/** What Python's XML parser (not ours) reads back from `<e a="…">…</e>`. */
const readBack = (attribute: string, text: string): { attribute: string; text: string } =>
  JSON.parse(
    execFileSync(
      'python3',
      [
        '-c',
        'import sys, json, xml.dom.minidom as m; e = m.parseString(sys.stdin.buffer.read()).documentElement; print(json.dumps({"attribute": e.getAttribute("a"), "text": "".join(n.data for n in e.childNodes)}))',
      ],
      { input: `<e a="${xmlAttribute(attribute)}">${xmlText(text)}</e>`, encoding: 'utf8' },
    ),
  ) as { attribute: string; text: string };

describe('XML text and attributes', () => {
  it('escapes markup so a parser reads back the same text', () => {
    const text = `a < b && c > d "quoted" 'single' ]]> 汉字 😀`;
    expect(readBack(text, text)).toEqual({ attribute: text, text });
  });

  it('keeps tabs and line breaks in attributes, which a parser would turn into spaces', () => {
    expect(readBack('one\ttwo\nthree', 'x').attribute).toBe('one\ttwo\nthree');
  });

  it('leaves out the characters XML 1.0 forbids, keeping astral ones', () => {
    const hostile = `a\u0000b\u0001c\u000bd\u001fe\ufffef\uffffg\ud800h\udc00i😀`;
    expect(xmlText(hostile)).toBe('abcdefghi😀');
    expect(xmlAttribute(hostile)).toBe('abcdefghi😀');
    expect(readBack(hostile, hostile)).toEqual({ attribute: 'abcdefghi😀', text: 'abcdefghi😀' });
  });
});
