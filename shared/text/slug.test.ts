import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('turns Han characters into toneless pinyin syllables', () => {
    expect(slugify('OpenAI与微软权力对弈')).toBe('openai-yu-wei-ruan-quan-li-dui-yi');
    expect(slugify('OpenAI与微软权力对弈：国防合约背后的大模型自主之路', { maxLength: 200 })).toBe(
      'openai-yu-wei-ruan-quan-li-dui-yi-guo-fang-he-yue-bei-hou-de-da-mo-xing-zi-zhu-zhi-lu',
    );
    // 85 characters: the default limit of 80 cuts at the last whole syllable.
    expect(slugify('OpenAI与微软权力对弈：国防合约背后的大模型自主之路')).toBe(
      'openai-yu-wei-ruan-quan-li-dui-yi-guo-fang-he-yue-bei-hou-de-da-mo-xing-zi-zhu',
    );
    expect(slugify('绿色出行')).toBe('lv-se-chu-xing');
    expect(slugify('2025年 香港 GDP')).toBe('2025-nian-xiang-gang-gdp');
  });

  it('lowercases, drops accents and collapses separators', () => {
    expect(slugify('  Hello,   World!! ')).toBe('hello-world');
    expect(slugify('Café Society — Über Alles')).toBe('cafe-society-uber-alles');
    expect(slugify('a--b__c')).toBe('a-b-c');
    expect(slugify('ＦＵＬＬ　ｗｉｄｔｈ')).toBe('full-width');
  });

  it('is never empty', () => {
    expect(slugify('')).toBe('untitled');
    expect(slugify('🎉🎉 ！？')).toBe('untitled');
    expect(slugify('のテキスト')).toBe('untitled');
    expect(slugify('', { fallback: '2025-06-18-1120' })).toBe('2025-06-18-1120');
    expect(slugify('!!!', { fallback: '???' })).toBe('untitled');
  });

  it('respects maxLength, preferring a word boundary', () => {
    expect(slugify('OpenAI与微软权力对弈', { maxLength: 20 })).toBe('openai-yu-wei-ruan');
    expect(slugify('abcdefghijklmnopqrstuvwxyz', { maxLength: 10 })).toBe('abcdefghij');
    expect(slugify('ab cd', { maxLength: 2 })).toBe('ab');
    expect(slugify('', { maxLength: 3 })).toBe('unt');
  });

  it('always yields lowercase ASCII words joined by single hyphens', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (title, maxLength) => {
          const slug = slugify(title, { maxLength });
          expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
          expect(slug.length).toBeGreaterThan(0);
          expect(slug.length).toBeLessThanOrEqual(maxLength);
        },
      ),
      { numRuns: 200 },
    );
  });
});
