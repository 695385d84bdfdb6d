import type { LibraryEntry } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { readArticleTextSync } from './readArticleText';
import { countArticleWords, summarizeArticle, unreadableArticle } from './summarizeArticle';

/** One file for the library: where it is and the stat the row records. */
export interface ArticleJob {
  absolute: string;
  relative: string;
  size: number;
  mtimeMs: number;
  /** Count words now, or leave `words` null for a later countWords pass. */
  countWords: boolean;
}

/**
 * Turns files into library rows. The app runs this in a worker thread (workerSummarizer.ts) so
 * no article, however crafted, blocks main's event loop; the CLI and tests run it inline.
 */
export interface ArticleSummarizer {
  /** Rows in the order of `jobs`; a file that cannot be read is a flagged row, never a throw. */
  summarize(jobs: readonly ArticleJob[]): Promise<LibraryEntry[]>;
  /** Word counts in the order of `jobs` (0 for a file that cannot be read now). */
  countWords(jobs: readonly ArticleJob[]): Promise<number[]>;
  close(): Promise<void>;
}

/** One row, synchronously: read the file (its own encoding) and summarize it. */
export function summarizeFile(job: ArticleJob): LibraryEntry {
  const stats = { size: job.size, mtimeMs: job.mtimeMs };
  try {
    return summarizeArticle(job.relative, readArticleTextSync(job.absolute, job.size), stats, {
      countWords: job.countWords,
    });
  } catch (error) {
    return unreadableArticle(job.relative, stats, unreadableReason(error));
  }
}

/** One word count, synchronously; 0 when the file cannot be read now. */
export function countFileWords(job: ArticleJob): number {
  try {
    return countArticleWords(readArticleTextSync(job.absolute, job.size));
  } catch {
    return 0;
  }
}

function unreadableReason(error: unknown): string {
  return error instanceof BylineError
    ? error.message
    : `Could not read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
}

/** Runs `work` over items synchronously, yielding to the event loop every few milliseconds. */
export async function inSlices<T, R>(
  items: readonly T[],
  work: (item: T) => R,
  sliceMs = 8,
): Promise<R[]> {
  const results: R[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    results.push(work(item));
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return results;
}

/** The summarizer on the calling thread, in slices of a few milliseconds (CLI, tests, benches). */
export const inlineSummarizer: ArticleSummarizer = {
  summarize: (jobs) => inSlices(jobs, summarizeFile),
  countWords: (jobs) => inSlices(jobs, countFileWords),
  close: async () => {},
};
