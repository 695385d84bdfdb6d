import { describe, expect, it } from 'vitest';
import { checkArticle } from '..';

const rules = (text: string): [string, number][] =>
  checkArticle('a.md', text)
    .filter((f) => f.rule === 'publish/cjk-emphasis')
    .map((f) => [f.rule, f.line]);

describe('publish/cjk-emphasis', () => {
  it('warns where Hugo without the CJK extension prints the asterisks', () => {
    expect(rules('---\ntitle: t\n---\n\n这是**重要**的。\n\n他说**“重点”**狭隘。\n')).toEqual([
      ['publish/cjk-emphasis', 7],
    ]);
  });

  it('is quiet where emphasis works everywhere', () => {
    expect(rules('这是**重要**的，**English** too.\n')).toEqual([]);
  });
});
