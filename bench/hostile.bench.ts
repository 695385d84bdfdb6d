// Pathological articles, at n and 10·n: time to index (the library row, as the worker computes
// it) and to open (front matter, editor syntax tree, preview HTML, statistics, footnotes and
// citations). Linear work shows as a run-time ratio near 10; quadratic work as ~100.
// `npm run bench hostile`; figures also go to bench/results/hostile.json.
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { mkdirSync, writeFileSync } from 'node:fs';
import { summarizeArticle } from '../main/library/summarizeArticle';
import { markdownSupport } from '../renderer/editor/editorExtensions';
import { parseArticle } from '../shared/article';
import { analyzeCitations } from '../shared/citations/citationAnalysis';
import { createMarkdownRenderer } from '../shared/markdown/createRenderer';
import { computeWriterStats } from '../shared/stats/writerStats';
import {
  bracketLine,
  cjkLine,
  deepJsonFrontMatter,
  manyFootnotes,
} from '../shared/testing/hostileArticles';

interface Case {
  name: string;
  /** The size knob of the pathological article (n); the bench also runs 10·n. */
  n: number;
  unit: string;
  article: (n: number) => string;
}

// n is the size from the report (or a tenth of it where 10·n would take minutes to open). Both
// sizes are well beyond the CPU caches, so the ratio shows the algorithm, not the cache.
const cases: Case[] = [
  { name: 'long [ / ] line', n: 100_000, unit: '[ and ] each', article: bracketLine },
  { name: '100k footnotes', n: 10_000, unit: 'footnotes', article: manyFootnotes },
  { name: 'deep JSON', n: 2_000, unit: 'levels', article: deepJsonFrontMatter },
  { name: '1 MB CJK line', n: 350_000, unit: 'characters', article: cjkLine },
];

const markdown = createMarkdownRenderer();

function index(text: string): void {
  summarizeArticle('hostile.md', text, { size: text.length, mtimeMs: 0 });
}

function open(text: string): void {
  const parsed = parseArticle(text);
  const state = EditorState.create({ doc: text, extensions: markdownSupport() });
  if (!ensureSyntaxTree(state, text.length, 120_000)) throw new Error('editor parse timed out');
  markdown.render(parsed.parts.body);
  computeWriterStats(parsed.parts.body);
  analyzeCitations(text);
}

/** Fastest of `runs` (the least disturbed by other work on a shared machine), in ms. */
function fastest(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return Math.round(best * 100) / 100;
}

const round = (n: number): number => Math.round(n * 10) / 10;
/** Null when the smaller run was too short to time (under 0.05 ms): its ratio would be noise. */
const ratio = (large: number, small: number): number | null =>
  small < 0.05 ? null : round(large / small);
const results: Record<string, unknown> = {};
const table: Record<string, Record<string, number | string>> = {};
// Warm the parsers once so the first case does not pay for compilation.
open(manyFootnotes(100));
for (const item of cases) {
  const small = item.article(item.n);
  const large = item.article(10 * item.n);
  open(small); // warm this case's code paths
  const indexSmall = fastest(5, () => index(small));
  const indexLarge = fastest(3, () => index(large));
  const openSmall = fastest(3, () => open(small));
  const openLarge = fastest(1, () => open(large));
  const row = {
    n: `${item.n} ${item.unit} (${Math.round(small.length / 1024)} K chars)`,
    indexMs: indexSmall,
    'index 10n': indexLarge,
    indexRatio: ratio(indexLarge, indexSmall) ?? '-',
    openMs: openSmall,
    'open 10n': openLarge,
    openRatio: ratio(openLarge, openSmall) ?? '-',
  };
  table[item.name] = row;
  results[item.name] = row;
  console.log(
    `${item.name}: index ${indexSmall} / ${indexLarge} ms, open ${openSmall} / ${openLarge} ms`,
  );
}
console.table(table);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/hostile.json',
  JSON.stringify(
    {
      ...results,
      note: 'ratio = time at 10·n / time at n: ~10 is linear, ~100 quadratic; deep JSON stops at the depth limit (constant)',
    },
    null,
    2,
  ) + '\n',
);
