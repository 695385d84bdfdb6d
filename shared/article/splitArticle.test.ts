import { describe, expect, it } from 'vitest';
import { joinArticle, splitArticle } from './splitArticle';

describe('splitArticle', () => {
  it('locates a YAML block with exact offsets and lines', () => {
    const text = '---\ntitle: x\n---\n\nBody\n';
    const parts = splitArticle(text);
    expect(parts.bom).toBe('');
    expect(parts.eol).toBe('\n');
    expect(parts.frontMatter).toMatchObject({
      format: 'yaml',
      language: '',
      open: '---',
      close: '---',
      openLineBreak: '\n',
      closeLineBreak: '\n',
      content: 'title: x\n',
      range: { from: 0, to: 17 },
      contentRange: { from: 4, to: 13 },
      startLine: 0,
      endLine: 2,
    });
    expect(parts.body).toBe('\nBody\n');
    expect(parts.bodyOffset).toBe(17);
    expect(parts.bodyStartLine).toBe(3);
    expect(parts.error).toBeNull();
  });

  it('counts offsets in the original string, BOM included, and keeps CRLF in the parts', () => {
    const text = '\uFEFF---\r\ntitle: x\r\n---\r\nBody\r\n';
    const parts = splitArticle(text);
    expect(parts.bom).toBe('\uFEFF');
    expect(parts.eol).toBe('\r\n');
    const fm = parts.frontMatter;
    expect(fm?.range).toEqual({ from: 1, to: 21 });
    expect(fm?.contentRange).toEqual({ from: 6, to: 16 });
    expect(fm?.content).toBe('title: x\r\n');
    expect(fm?.openLineBreak).toBe('\r\n');
    expect(parts.body).toBe('Body\r\n');
    expect(parts.bodyStartLine).toBe(3);
    expect(joinArticle(parts)).toBe(text);
  });

  it('reports the dominant line ending', () => {
    expect(splitArticle('a\r\nb\r\nc\n').eol).toBe('\r\n');
    expect(splitArticle('a\r\nb\nc\n').eol).toBe('\n');
    expect(splitArticle('no line break').eol).toBe('\n');
  });

  it('handles empty front matter and a closing line with trailing blanks', () => {
    const empty = splitArticle('---\n---\n');
    expect(empty.frontMatter?.content).toBe('');
    expect(empty.bodyStartLine).toBe(2);
    const spaced = splitArticle('---  \na: 1\n--- \t\nBody');
    expect(spaced.frontMatter?.open).toBe('---  ');
    expect(spaced.frontMatter?.close).toBe('--- \t');
    expect(spaced.body).toBe('Body');
  });

  it('takes the body start after a closing delimiter at the very end', () => {
    const parts = splitArticle('---\na: 1\n---');
    expect(parts.frontMatter?.closeLineBreak).toBe('');
    expect(parts.body).toBe('');
    expect(parts.bodyStartLine).toBe(3);
  });

  it('recognizes TOML, JSON and language tags', () => {
    expect(splitArticle('+++\na = 1\n+++\n').frontMatter?.format).toBe('toml');
    expect(splitArticle('---toml\na = 1\n---\n').frontMatter).toMatchObject({
      format: 'toml',
      language: 'toml',
    });
    expect(splitArticle('---json\n{"a": 1}\n---\n').frontMatter).toMatchObject({
      format: 'json',
      language: 'json',
    });
    expect(splitArticle('---yaml\na: 1\n---\n').frontMatter).toMatchObject({
      format: 'yaml',
      language: 'yaml',
    });
    expect(splitArticle('---js\n{}\n---\n').frontMatter).toMatchObject({
      format: 'yaml',
      language: 'js',
    });
  });

  it('splits Hugo JSON front matter at the matching brace', () => {
    const text = '{\n  "title": "a } in a string",\n  "p": {"x": 1}\n}\n\nBody\n';
    const parts = splitArticle(text);
    expect(parts.frontMatter).toMatchObject({
      format: 'json',
      open: '',
      close: '',
      closeLineBreak: '\n',
      endLine: 3,
    });
    expect(parts.frontMatter?.content).toBe('{\n  "title": "a } in a string",\n  "p": {"x": 1}\n}');
    expect(parts.body).toBe('\nBody\n');
    expect(parts.bodyStartLine).toBe(4);
    const sameLine = splitArticle('{"a": 1} trailing text\n');
    expect(sameLine.body).toBe(' trailing text\n');
    expect(sameLine.bodyStartLine).toBe(0);
    expect(joinArticle(sameLine)).toBe('{"a": 1} trailing text\n');
  });

  it('does not mistake other openings for front matter', () => {
    for (const text of [
      '----\nText\n',
      '--- a title\nText\n---\n',
      '{{< figure src="x" >}}\n',
      'Text\n---\na: 1\n---\n',
      ' ---\na: 1\n---\n',
      '',
    ]) {
      const parts = splitArticle(text);
      expect(parts.frontMatter, JSON.stringify(text)).toBeNull();
      expect(parts.error).toBeNull();
      expect(parts.body).toBe(text);
    }
  });

  it('reports an unclosed block as a typed error and keeps the whole text as body', () => {
    for (const text of ['---\ntitle: x\n\nBody\n', '+++\na = 1\n', '{\n  "a": 1\n', '---']) {
      const parts = splitArticle(text);
      expect(parts.error?.kind, text).toBe('unclosed');
      expect(parts.error).toMatchObject({ line: 1, column: 1 });
      expect(parts.frontMatter).toBeNull();
      expect(parts.body).toBe(text);
      expect(parts.bodyOffset).toBe(0);
      expect(parts.bodyStartLine).toBe(0);
    }
    const withBom = splitArticle('\uFEFF---\na: 1\n');
    expect(withBom.bom + withBom.body).toBe('\uFEFF---\na: 1\n');
  });
});
