import { describe, expect, it } from 'vitest';
import { checkArticle } from '..';
import { renderMarkdown } from '../../markdown/createRenderer';
import { hugoDefaultProfile } from '../../markdown/renderProfile';

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

  it('is quiet on a site that enables the CJK extension (there it is bold)', () => {
    const profile = { ...hugoDefaultProfile, cjk: true };
    const text = '他说**“重点”**狭隘。\n';
    expect(checkArticle('a.md', text, { profile }).map((f) => f.rule)).not.toContain(
      'publish/cjk-emphasis',
    );
    expect(renderMarkdown(text, { lineOffset: 0, profile })).toContain('<strong>“重点”</strong>');
    expect(renderMarkdown(text, { lineOffset: 0 })).toContain('**“重点”**');
  });

  it('is quiet where emphasis works everywhere', () => {
    expect(rules('这是**重要**的，**English** too.\n')).toEqual([]);
  });
});
