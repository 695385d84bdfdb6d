import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './createRenderer';
import { hugoDefaultProfile } from './renderProfile';

const render = (markdown: string, typographer = true): string =>
  renderMarkdown(markdown, {
    lineOffset: 0,
    profile: { ...hugoDefaultProfile, typographer },
  }).replace(/<p data-line="0">|<\/p>\n/g, '');

// Each expectation is Hugo 0.111's output for the same line (tests/parity runs Hugo itself).
describe('goldmarkTypography', () => {
  it('keeps what Goldmark keeps: (c), (tm), (r), +-, ????, !!!!, ,,', () => {
    const text = '(a) funding and (c) reporting, (TM) (R) +-3 Really???? Yes!!!! no,, yes';
    expect(render(text)).toBe(text);
  });

  it('dashes every -- and ---, ellipsis every ..., left to right', () => {
    expect(render('dash-- end; a----b a-----b a.....b ?.... 中文--破折号')).toBe(
      'dash– end; a—-b a—–b a…..b ?…. 中文–破折号',
    );
    expect(render('<< 书名 >>')).toBe('« 书名 »');
  });

  it('leaves autolinks, code and escapes alone, and does nothing with the typographer off', () => {
    expect(render('https://example.org/a--b `c--d` a\\-\\-b')).toBe(
      '<a href="https://example.org/a--b">https://example.org/a--b</a> <code>c--d</code> a--b',
    );
    expect(render('a--b...', false)).toBe('a--b...');
  });
});
