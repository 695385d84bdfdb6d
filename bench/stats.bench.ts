// Writer statistics run on every (debounced) keystroke: how long do they take on big articles?
// Results: bench/results/stats.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeWriterStats } from '../shared/stats/writerStats';

const sample = readFileSync(path.resolve('tests/fixtures/footnotes/sample-shaped.md'), 'utf8');
const english =
  'Reporters file their copy before the deadline, and editors check every figure twice. '.repeat(
    20,
  );

function documentOf(bytes: number): string {
  let text = '';
  while (text.length < bytes) text += `${sample}\n\n${english}\n\n`;
  return text;
}

function timeIt(text: string, runs: number): { minMs: number; medianMs: number } {
  computeWriterStats(text); // builds the character table once
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    computeWriterStats(text);
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return {
    minMs: round(timings[0] ?? 0),
    medianMs: round(timings[Math.floor(timings.length / 2)] ?? 0),
  };
}

const round = (n: number): number => Math.round(n * 100) / 100;

const results = {
  '100KB': timeIt(documentOf(100_000), 30),
  '1MB': timeIt(documentOf(1_000_000), 10),
  target: 'well under 100 ms at 1 MB (runs debounced on keystrokes)',
};
console.table({ '100 KB': results['100KB'], '1 MB': results['1MB'] });
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/stats.json', JSON.stringify(results, null, 2) + '\n');
