import { describe, expect, it } from 'vitest';
import { checkArticle } from '../check';
import { parseArticle } from './frontMatter';
import { MAX_FRONT_MATTER_DEPTH } from './nestingDepth';

const deep = (open: string, inner: string, close: string, levels: number): string =>
  open.repeat(levels) + inner + close.repeat(levels);

const tooDeep = {
  kind: 'syntax',
  message: `Front matter is nested more than ${MAX_FRONT_MATTER_DEPTH} levels deep`,
};

describe('front matter nesting limit', () => {
  it('JSON nested 20,000 deep (40 KB) is a syntax error, not a RangeError', () => {
    const text = `{"title": "x", "a": ${deep('[', '', ']', 20_000)}}\n\nBody`;
    const parsed = parseArticle(text);
    expect(parsed.data).toBeNull();
    expect(parsed.error).toMatchObject({ ...tooDeep, line: 1 });
    expect(checkArticle('deep.md', text).map((f) => f.rule)).toContain('front-matter/syntax');
  });

  it('YAML: flow collections, compact block entries and indentation', () => {
    const flow = `---\na: ${deep('[', '', ']', 20_000)}\n---\nBody`;
    const compact = `---\na:\n${'- '.repeat(20_000)}x\n---\nBody`;
    const mapping = deep('{b: ', '1', '}', 5_000);
    let indented = '---\n';
    for (let level = 0; level <= MAX_FRONT_MATTER_DEPTH; level++) {
      indented += `${' '.repeat(level)}k${level}:\n`;
    }
    indented += '---\nBody';
    for (const text of [flow, compact, `---\na: ${mapping}\n---\n`, indented]) {
      expect(parseArticle(text).error).toMatchObject(tooDeep);
    }
  });

  it('TOML: arrays, inline tables, dotted keys and table headers', () => {
    const keys = Array.from({ length: 20_000 }, () => 'k').join('.');
    for (const front of [
      `a = ${deep('[', '', ']', 20_000)}`,
      `a = ${deep('{b = ', '1', '}', 20_000)}`,
      `${keys} = 1`,
      `[${keys}]\nx = 1`,
    ]) {
      expect(parseArticle(`+++\n${front}\n+++\nBody`).error).toMatchObject(tooDeep);
    }
  });

  it('still reads ordinary nesting, brackets inside strings and apostrophes in plain text', () => {
    const nested = deep('[', '1', ']', 10);
    expect(parseArticle(`{"a": ${nested}, "b": "${'['.repeat(500)}"}\n`).error).toBeNull();
    expect(
      parseArticle(
        `---\ntitle: It's a [draft\nquote: '${'['.repeat(500)}'\na: ${nested}\nb:\n  - - x\n---\n`,
      ).error,
    ).toBeNull();
    expect(
      parseArticle(`+++\ntitle = "${'['.repeat(500)}"\na.b.c = 1.5\nx = ${nested}\n+++\n`).error,
    ).toBeNull();
  });
});
