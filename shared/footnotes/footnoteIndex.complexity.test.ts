import { describe, expect, it } from 'vitest';
import { analyzeCitations } from '../citations/citationAnalysis';
import { bracketLine, manyFootnotes, unclosedInlineLines } from '../testing/hostileArticles';
import { stepsAtScale } from '../testing/stepsAtScale';
import { indexFootnotes } from './footnoteIndex';

const emptyDefinitions = (n: number): string =>
  Array.from({ length: n }, (_, i) => `[^${i}]:`).join('\n');

// Complexity, not time: 10× the hostile input may cost at most 12× the counted steps.
describe('footnote index and citation analysis do linear work on hostile text', () => {
  const cases: [string, (n: number) => string][] = [
    ['n footnotes', manyFootnotes],
    ['n empty definitions', emptyDefinitions],
    ['a line of n `[` then n `]`', bracketLine],
    ['n unclosed `[^a`', (n) => '[^a'.repeat(n)],
    ['backtick runs of growing length, none closed', (n) => unclosedInlineLines(n)[0] ?? ''],
  ];

  it.each(cases)('indexFootnotes: %s', (_, article) => {
    const { small, ratio } = stepsAtScale(2_000, (size, meter) =>
      indexFootnotes(article(size), { meter }),
    );
    expect(small).toBeGreaterThan(2_000);
    expect(ratio).toBeLessThanOrEqual(12);
  });

  it('analyzeCitations: n footnotes, grouped by label in one pass', () => {
    const { ratio } = stepsAtScale(1_000, (size, meter) => {
      const text = manyFootnotes(size);
      analyzeCitations(text, indexFootnotes(text, { meter }), meter);
    });
    expect(ratio).toBeLessThanOrEqual(12);
  });
});
