import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseArticle } from './frontMatter';

function errorOf(text: string) {
  const parsed = parseArticle(text);
  expect(parsed.data).toBeNull();
  return parsed.error;
}

describe('parseArticle: values are the text the writer typed', () => {
  it('keeps YAML timestamps and dates as strings', () => {
    const { data } = parseArticle(
      '---\ndate: 2025-06-18T11:20:04+08:00\nday: 2024-05-01\nspaced: 2024-05-01 10:00:00\n---\n',
    );
    expect(data).toEqual({
      date: '2025-06-18T11:20:04+08:00',
      day: '2024-05-01',
      spaced: '2024-05-01 10:00:00',
    });
  });

  it('keeps explicitly tagged timestamps and binaries as strings', () => {
    // A %YAML directive cannot occur here: the "---" it needs would close the front matter.
    const tagged = parseArticle('---\nday: !!timestamp 2024-05-01\nbin: !!binary aGk=\n---\n');
    expect(tagged.data).toEqual({ day: '2024-05-01', bin: 'aGk=' });
  });

  it('keeps TOML dates as their original strings, every form of them', () => {
    const text = [
      '+++',
      'odt = 2025-06-18T11:20:04+08:00',
      'frac = 1979-05-27T00:32:00.999999-07:00',
      'spaced = 1979-05-27 07:32:00Z',
      'ldt = 1979-05-27T07:32:00',
      'ld = 2024-05-01',
      'lt = 07:32:00',
      'list = [2024-01-01, 2024-02-01]',
      'inline = { at = 2024-03-01 }',
      '2024-12-31 = "bare date-like key"',
      'quoted = "2024-05-01"',
      '+++',
      '',
    ].join('\n');
    const { data, error } = parseArticle(text);
    expect(error).toBeNull();
    expect(data).toEqual({
      odt: '2025-06-18T11:20:04+08:00',
      frac: '1979-05-27T00:32:00.999999-07:00',
      spaced: '1979-05-27 07:32:00Z',
      ldt: '1979-05-27T07:32:00',
      ld: '2024-05-01',
      lt: '07:32:00',
      list: ['2024-01-01', '2024-02-01'],
      inline: { at: '2024-03-01' },
      '2024-12-31': 'bare date-like key',
      quoted: '2024-05-01',
    });
  });

  it('returns {} with no error for an article without front matter', () => {
    expect(parseArticle('# Title\n')).toMatchObject({ data: {}, error: null });
  });

  it('resolves merge keys the way Hugo does', () => {
    const { data } = parseArticle('---\nbase: &b {a: 1}\nx:\n  <<: *b\n  c: 2\n---\n');
    expect(data?.['x']).toEqual({ a: 1, c: 2 });
  });
});

describe('parseArticle: errors are typed and positioned in the whole file', () => {
  it('bad YAML', () => {
    expect(errorOf('---\ntitle: ok\ntags: [a, b\ndraft: true\n---\nBody\n')).toMatchObject({
      kind: 'syntax',
      line: 4,
      column: 1,
    });
    // The yaml parser reports a missing quote where the text runs out: the closing delimiter line.
    expect(errorOf('---\ntitle: "unterminated\n---\n')).toMatchObject({
      kind: 'syntax',
      line: 3,
      column: 1,
    });
    expect(errorOf('---\ntitle: a: b\n---\n')).toMatchObject({
      kind: 'syntax',
      line: 2,
      column: 8,
    });
  });

  it('maps the parser’s own positions into the file, past the opening delimiter', () => {
    const contents = ['a: [1\nb: 2\n', 'a: 1\n b: 2\n', 'x: "a\\q"\n', 'a: {b\n'];
    for (const content of contents) {
      const own = parseDocument(content, { prettyErrors: true }).errors[0]?.linePos?.[0];
      expect(own, content).toBeDefined();
      for (const [prefix, lineShift] of [
        ['---\n', 1],
        ['\uFEFF---yaml\n', 1],
      ] as const) {
        const error = errorOf(`${prefix}${content}---\n`);
        expect(error, content).toMatchObject({
          line: (own?.line ?? 0) + lineShift,
          column: own?.col,
        });
      }
    }
  });

  it('bad YAML with a BOM and CRLF line endings', () => {
    // Line 1 is the BOM and the opening delimiter; the parser blames the value "ok" on line 2.
    expect(errorOf('\uFEFF---\r\ntitle: ok\r\n  bad: indent\r\n---\r\n')).toMatchObject({
      kind: 'syntax',
      line: 2,
      column: 8,
    });
    expect(errorOf('\uFEFF---\r\na: 1\r\nb: [x\r\nc: 2\r\n---\r\n')).toMatchObject({
      kind: 'syntax',
      line: 4,
      column: 1,
    });
  });

  it('duplicate YAML keys point at the second key', () => {
    expect(errorOf('---\ntitle: a\ndraft: true\ntitle: b\n---\n')).toMatchObject({
      kind: 'duplicate-key',
      line: 4,
      column: 1,
    });
  });

  it('unclosed delimiters', () => {
    const parsed = parseArticle('---\ntitle: x\n\nBody text\n');
    expect(parsed.error).toMatchObject({ kind: 'unclosed', line: 1, column: 1 });
    expect(parsed.parts.body).toBe('---\ntitle: x\n\nBody text\n');
  });

  it('bad TOML and duplicate TOML keys', () => {
    expect(errorOf('+++\ntitle = "ok"\ndraft = maybe\n+++\n')).toMatchObject({
      kind: 'syntax',
      line: 3,
      column: 9,
    });
    expect(errorOf('+++\ntitle = "a"\ntitle = "b"\n+++\n')).toMatchObject({
      kind: 'duplicate-key',
      line: 3,
      column: 1,
    });
    expect(errorOf('\uFEFF+++\r\na = 1\r\nb = [1,\r\nc = 3\r\n+++\r\n')).toMatchObject({
      kind: 'syntax',
      line: 4,
      column: 1,
    });
  });

  it('bad JSON and duplicate JSON keys', () => {
    expect(errorOf('{\n  "title": "a",\n  "draft": tru\n}\n')).toMatchObject({
      kind: 'syntax',
      line: 3,
      column: 12,
    });
    expect(errorOf('{\n  "a": 1,\n}\nBody\n')).toMatchObject({
      kind: 'syntax',
      line: 3,
      column: 1,
    });
    expect(errorOf('{\n  "a": 1,\n  "a": 2\n}\n')).toMatchObject({
      kind: 'duplicate-key',
      line: 3,
      column: 3,
    });
    expect(errorOf('---json\n{\n  "a": [1 2]\n}\n---\n')).toMatchObject({
      kind: 'syntax',
      line: 3,
      column: 11,
    });
    // A BOM is not a column: line 1 starts after it.
    expect(errorOf('\uFEFF{"a": tru}\n')).toMatchObject({ kind: 'syntax', line: 1, column: 7 });
  });

  it('front matter that is not a map', () => {
    expect(errorOf('---\n- a\n- b\n---\n')).toMatchObject({
      kind: 'not-a-map',
      line: 2,
      column: 1,
    });
    expect(errorOf('---\njust text\n---\n')).toMatchObject({
      kind: 'not-a-map',
      line: 2,
      column: 1,
    });
  });

  it('alias bombs stop at the alias limit instead of hanging', () => {
    const lines = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    lines.push('---', '');
    expect(errorOf(lines.join('\n'))?.kind).toBe('syntax');
  });

  it('keeps the body available whatever the error', () => {
    for (const text of [
      '---\na: [\n---\nBody\n',
      '+++\na = \n+++\nBody\n',
      '{"a": }\nBody\n',
      '---js\nx\n---\nBody\n',
    ]) {
      const parsed = parseArticle(text);
      expect(parsed.error, text).not.toBeNull();
      expect(parsed.parts.body, text).toBe('Body\n');
    }
  });
});
