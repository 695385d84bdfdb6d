import { describe, expect, it } from 'vitest';
import { readTargetLength, targetProgress } from './targetLength';

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

  it('reports whole percent, past 100 when the article runs over', () => {
    expect(targetProgress(1882, 2000)).toEqual({ target: 2000, percent: 94, reached: false });
    expect(targetProgress(2400, 2000)).toEqual({ target: 2000, percent: 120, reached: true });
  });
});
