/**
 * Articles built to hurt: each one once froze or crashed a scanner that was quadratic or recursive
 * on it. Used by the complexity tests (steps on n and 10·n) and bench/hostile.bench.ts (time).
 * `n` is the size knob; every generator's length is linear in n.
 */

/** One line of n `[` then n `]`: every opener shares the same first `]` (33 s at 200 KB once). */
export const bracketLine = (n: number): string => '['.repeat(n) + ']'.repeat(n);

/** n citations, one per line, then n definitions: per-label filters were quadratic here. */
export function manyFootnotes(n: number): string {
  const citations: string[] = [];
  const definitions: string[] = [];
  for (let i = 0; i < n; i++) {
    citations.push(`Claim ${i}[^${i}].`);
    definitions.push(`[^${i}]: Source ${i}, https://example.com/${i % 97}, retrieved 2025-01-01.`);
  }
  return `${citations.join('\n')}\n\n${definitions.join('\n')}\n`;
}

/** JSON front matter nested `levels` deep (20,000 levels is 40 KB): a RangeError once. */
export const deepJsonFrontMatter = (levels: number): string =>
  `{\n  "title": "Deep",\n  "a": ${'['.repeat(levels)}${']'.repeat(levels)}\n}\n\n# Deep\n\nBody text.\n`;

/** One paragraph of n CJK characters on a single line (a 1 MB line is ~350,000 characters). */
export function cjkLine(n: number): string {
  const sentence = '记者在截稿前核对每一个数字，编辑再核对一遍。';
  return sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n);
}

/**
 * Inline constructs whose closing delimiter never comes, each repeated n times: code spans of
 * growing length, comments, shortcodes, footnote labels, link titles, e-mail local parts,
 * intraword underscores and a heading's trailing spaces.
 */
export function unclosedInlineLines(n: number): string[] {
  const runs = Math.max(1, Math.floor(Math.sqrt(n)));
  let growingTicks = '';
  for (let length = 1; length <= runs; length++) growingTicks += '`'.repeat(length) + 'x';
  return [
    growingTicks,
    '<!--'.repeat(n),
    '{{<'.repeat(n),
    '[^a'.repeat(n),
    '[a](b (c'.repeat(n),
    'a'.repeat(n) + '@',
    `a${'_'.repeat(n)}a`,
    `# Title${' '.repeat(n)}x`,
    '!['.repeat(n),
    '[a]['.repeat(n),
  ];
}
