import { describe, expect, it } from 'vitest';
import { dominantEol, joinLines, planLineEndings, splitLines } from './lineEndings';

const plan = (original: string | null, edited: string, dominant: '\n' | '\r\n' | '\r'): string =>
  joinLines(planLineEndings(original, edited, dominant));

describe('line endings', () => {
  it('splits on CRLF, LF and lone CR, and joins back unchanged', () => {
    const text = 'a\r\nb\nc\rd\r\n';
    expect(splitLines(text)).toEqual([
      { text: 'a', ending: '\r\n' },
      { text: 'b', ending: '\n' },
      { text: 'c', ending: '\r' },
      { text: 'd', ending: '\r\n' },
      { text: '', ending: '' },
    ]);
    expect(joinLines(splitLines(text))).toBe(text);
  });

  it('finds the dominant ending (LF on a tie or without any)', () => {
    expect(dominantEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(dominantEol('a\rb\rc\n')).toBe('\r');
    expect(dominantEol('a\r\nb\n')).toBe('\n');
    expect(dominantEol('one line')).toBe('\n');
  });

  it('an unchanged text gets every original ending back', () => {
    const original = 'a\r\nb\nc\rd\r\ne';
    expect(plan(original, 'a\nb\nc\nd\ne', '\r\n')).toBe(original);
  });

  it('an edited line keeps its own ending; only new lines get the dominant one', () => {
    const original = 'a\r\nb\nc\rd\r\n';
    expect(plan(original, 'a\nB\nc\nd\n', '\r\n')).toBe('a\r\nB\nc\rd\r\n');
    expect(plan(original, 'a\nb\nnew\nc\nd\n', '\r\n')).toBe('a\r\nb\nnew\r\nc\rd\r\n');
    expect(plan(original, 'a\nc\nd\n', '\r\n')).toBe('a\r\nc\rd\r\n');
  });

  it('a line that stops being the last gets a break, and the last line none', () => {
    expect(plan('a\rb', 'a\nb\nc', '\r')).toBe('a\rb\rc');
    expect(plan('a\r\nb\r\n', 'a\nb', '\r\n')).toBe('a\r\nb');
  });

  it('without an original every break is the dominant one', () => {
    expect(plan(null, 'a\nb\r\nc\n', '\r')).toBe('a\rb\rc\r');
  });
});
