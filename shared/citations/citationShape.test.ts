import { describe, expect, it } from 'vitest';
import { hasLink, hasRetrievalDate, looksLikeSource } from './citationShape';
import { normalizeUrl } from './source';

describe('what a footnote definition says about itself', () => {
  it('tells sources from explanatory notes', () => {
    for (const source of [
      '（2025/6/16）。OpenAI wins $200 million US defense contract。CNBC。检索日期2025/6/18。',
      'SMITH J. Chip export rules[N/OL]. Reuters, 2025-06-16[2025-06-18]. https://example.com/c.',
      'Smith, J. (2025, June 16). Chip export rules take effect. Reuters.',
      '见[本站报道](/posts/earlier/)。',
      'doi:10.1000/182',
    ])
      expect(looksLikeSource(source), source).toBe(true);
    for (const note of [
      '这里的“核选项”指向联邦监管机构提出反垄断指控。',
      'Figures are in US dollars; 2019 is the first year of the deal.',
    ])
      expect(looksLikeSource(note), note).toBe(false);
  });

  it('counts web, DOI and site-relative links, and every style’s retrieval date', () => {
    expect(hasLink('[旧文](../older/)')).toBe(true);
    expect(hasLink('[旧文]({{< relref "older.md" >}})')).toBe(true);
    expect(hasLink('no link at all')).toBe(false);
    expect(hasRetrievalDate('科技日报, 2026-12-05[2026-12-06]. https://example.com/keji.')).toBe(
      true,
    );
    expect(hasRetrievalDate('Retrieved June 18, 2025, from https://example.com')).toBe(true);
    expect(hasRetrievalDate('检索日期2025/6/18。')).toBe(true);
    expect(hasRetrievalDate('科技日报, 2026-12-05. https://example.com/keji.')).toBe(false);
  });

  it('keeps the fragment of hash-routed URLs only', () => {
    expect(normalizeUrl('https://news.example.com/#/story/101')).not.toBe(
      normalizeUrl('https://news.example.com/#/story/102'),
    );
    expect(normalizeUrl('https://example.com/#!/a')).toBe('example.com#!/a');
    expect(normalizeUrl('https://www.example.org/long-read/#part-1')).toBe(
      normalizeUrl('https://example.org/long-read#part-2'),
    );
  });
});
