/**
 * Worker-thread entry (bundled as dist/main/libraryWorker.mjs): library rows and word counts,
 * computed off main's event loop. Messages: { id, kind, jobs } in, { id, result } out.
 */
import { parentPort } from 'node:worker_threads';
import { countFileWords, summarizeFile } from './articleSummarizer';
import type { SummaryRequest, SummaryResponse } from './workerSummarizer';

const port = parentPort;
if (!port) throw new Error('summaryWorker runs as a worker thread');
port.on('message', (request: SummaryRequest) => {
  const result =
    request.kind === 'summarize'
      ? request.jobs.map(summarizeFile)
      : request.jobs.map(countFileWords);
  port.postMessage({ id: request.id, result } satisfies SummaryResponse);
});
