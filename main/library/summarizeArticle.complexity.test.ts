import { describe, expect, it } from 'vitest';
import {
  bracketLine,
  cjkLine,
  deepJsonFrontMatter,
  manyFootnotes,
} from '../../shared/testing/hostileArticles';
import { stepsAtScale } from '../../shared/testing/stepsAtScale';
import { summarizeArticle } from './summarizeArticle';

const stats = { size: 0, mtimeMs: 0 };

// Complexity, not time: the library row of 10× the hostile input costs at most 12× the steps.
describe('summarizeArticle (library indexing) does linear work on hostile articles', () => {
  const cases: [string, (n: number) => string][] = [
    ['a line of n `[` then n `]`', bracketLine],
    ['n footnotes', manyFootnotes],
    ['one long CJK line', cjkLine],
    ['a heading with a long run of spaces', (n) => `# Title${' '.repeat(n)}x\n\nBody`],
    ['JSON front matter n levels deep', deepJsonFrontMatter],
  ];
  it.each(cases)('%s', (_, article) => {
    const { ratio } = stepsAtScale(2_000, (size, meter) =>
      summarizeArticle('hostile.md', article(size), stats, { countWords: true, meter }),
    );
    expect(ratio).toBeLessThanOrEqual(12);
  });

  it('flags deep front matter on the row instead of throwing', () => {
    const row = summarizeArticle('deep.md', deepJsonFrontMatter(20_000), stats);
    expect(row.frontMatterError).toMatch(/nested more than 100 levels/);
    expect(row.title).toBe('Deep');
  });
});
