import { describe, expect, it } from 'vitest';
import {
  bracketLine,
  cjkLine,
  manyFootnotes,
  unclosedInlineLines,
} from '../testing/hostileArticles';
import { stepsAtScale } from '../testing/stepsAtScale';
import { computeWriterStats } from './writerStats';

// Complexity, not time: 10× the hostile input may cost at most 12× the counted steps.
describe('computeWriterStats does linear work on hostile text', () => {
  const cases: [string, (n: number) => string][] = [
    ['a line of n `[` then n `]`', bracketLine],
    ['n footnotes', manyFootnotes],
    ['one long CJK line', cjkLine],
    ...unclosedInlineLines(1).map((_, index): [string, (n: number) => string] => [
      `unclosed inline construct: ${JSON.stringify(unclosedInlineLines(2)[index]?.slice(0, 12))}`,
      (n) => unclosedInlineLines(n)[index] ?? '',
    ]),
  ];
  it.each(cases)('%s', (_, article) => {
    const { small, ratio } = stepsAtScale(2_000, (size, meter) =>
      computeWriterStats(article(size), { meter }),
    );
    expect(small).toBeGreaterThan(2_000);
    expect(ratio).toBeLessThanOrEqual(12);
  });
});
