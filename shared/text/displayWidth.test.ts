import { describe, expect, it } from 'vitest';
import { displayWidth } from './displayWidth';

describe('displayWidth', () => {
  it('counts CJK and fullwidth characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('微软')).toBe(4);
    expect(displayWidth('OpenAI与微软')).toBe(12);
    expect(displayWidth('，。：')).toBe(6);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('ひらがなカタカナ')).toBe(16);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('𠀀')).toBe(2); // CJK Extension B, a surrogate pair
  });

  it('counts combining marks and zero-width characters as nothing, emoji as two', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('\uFEFF')).toBe(0);
    expect(displayWidth('🎉')).toBe(2);
    expect(displayWidth('')).toBe(0);
  });
});
