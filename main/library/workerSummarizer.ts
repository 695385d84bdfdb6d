import { Worker } from 'node:worker_threads';
import type { LibraryEntry } from '../../shared/ipc/contract';
import type { ArticleJob, ArticleSummarizer } from './articleSummarizer';
import { unreadableArticle } from './summarizeArticle';

export type SummaryRequest = { id: number; kind: 'summarize' | 'countWords'; jobs: ArticleJob[] };
export type SummaryResponse = { id: number; result: LibraryEntry[] | number[] };

interface Pending {
  resolve: (result: LibraryEntry[] | number[]) => void;
  reject: (error: Error) => void;
}

/**
 * Library rows computed in a worker thread, so main's event loop (saves, the crash journal,
 * every request) never waits on an article. One worker, requests answered in order. If the worker
 * dies (out of memory on some file), the batch it held becomes flagged rows and the next request
 * starts a new worker.
 */
export class WorkerSummarizer implements ArticleSummarizer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly entry: URL) {}

  async summarize(jobs: readonly ArticleJob[]): Promise<LibraryEntry[]> {
    if (jobs.length === 0) return [];
    try {
      return (await this.request('summarize', jobs)) as LibraryEntry[];
    } catch (error) {
      const reason = `Could not index: ${(error as Error).message}`;
      return jobs.map((job) => unreadableArticle(job.relative, job, reason));
    }
  }

  async countWords(jobs: readonly ArticleJob[]): Promise<number[]> {
    if (jobs.length === 0) return [];
    try {
      return (await this.request('countWords', jobs)) as number[];
    } catch {
      return jobs.map(() => 0);
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private request(kind: SummaryRequest['kind'], jobs: readonly ArticleJob[]) {
    const id = this.nextId++;
    const worker = this.running();
    return new Promise<LibraryEntry[] | number[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, kind, jobs: [...jobs] } satisfies SummaryRequest);
    });
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry);
    worker.on('message', (response: SummaryResponse) => {
      const pending = this.pending.get(response.id);
      this.pending.delete(response.id);
      // Idle between requests: the worker never keeps the process alive on its own.
      if (this.pending.size === 0) worker.unref();
      pending?.resolve(response.result);
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the indexing worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
