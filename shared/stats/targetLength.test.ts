import { describe, expect, it } from 'vitest';
import { readTargetLength, resolveTargetLength, targetProgress } from './targetLength';

describe('target length', () => {
  it('reads numbers and the ways writers type them', () => {
    expect(readTargetLength(1500)).toBe(1500);
    expect(readTargetLength('1500')).toBe(1500);
    expect(readTargetLength(' 1,500 ')).toBe(1500);
    expect(readTargetLength('2000字')).toBe(2000);
    expect(readTargetLength('800 words')).toBe(800);
  });

  it('ignores what is not a positive whole number', () => {
    for (const value of [0, -5, 1.5, '', 'long', '1,50', null, undefined, true, ['1000']])
      expect(readTargetLength(value)).toBeNull();
  });

  it("prefers the article's own target to the workspace default", () => {
    expect(resolveTargetLength({ target_length: 1200 }, 3000)).toBe(1200);
    expect(resolveTargetLength({ title: 'x' }, 3000)).toBe(3000);
    expect(resolveTargetLength({ target_length: 'soon' }, '2,000')).toBe(2000);
    expect(resolveTargetLength(null, undefined)).toBeNull();
  });

  it('reports whole percent, past 100 when the article runs over', () => {
    expect(targetProgress(1882, 2000)).toEqual({ target: 2000, percent: 94, reached: false });
    expect(targetProgress(2400, 2000)).toEqual({ target: 2000, percent: 120, reached: true });
  });
});
