// Library on a generated workspace of 10,000 articles (~5 KB each, front matter like the sample):
// cold index, warm (cached) index, watcher start, external change -> library.changed latency,
// search (in-memory index against reading every article, the anchor, in the same run), peak RSS.
// `npm run bench library`; figures also go to bench/results/library.json.
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { EventName, EventPayload } from '../shared/ipc/contract';
import { IndexCache } from '../main/library/indexCache';
import { LibraryIndex } from '../main/library/libraryIndex';
import { searchArticles } from '../main/library/librarySearch';
import { LibraryService } from '../main/library/libraryService';
import { SearchIndex } from '../main/library/searchIndex';
import { WorkspaceWatcher } from '../main/library/workspaceWatcher';
import { articleText, generateWorkspace } from './support/generateWorkspace';

const articleCount = Number(process.env.BYLINE_BENCH_ARTICLES ?? 10_000);
const targets = { coldIndexMs: 2000, warmIndexMs: 300, changeToLibraryMs: 300, searchP95Ms: 30 };
const searchRuns = Number(process.env.BYLINE_BENCH_RUNS ?? 20);
/** Queries a writer types: CJK words in every article or in some, Latin words, a number, and two terms. */
const queries = {
  'CJK, in every title': '算力博弈',
  'CJK, in some articles': '第4321篇',
  'CJK, two terms': '供应链 出口管制',
  'Latin word': 'orders',
  'Latin fragment': 'chain',
  'no match': '量子计算',
};
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const base = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-library-'));
const root = path.join(base, 'workspace');
const dataDir = path.join(base, 'data');
mkdirSync(root);

const time = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
};

// The watchers do not keep a process alive on their own (the app's server or window does).
const keepAlive = setInterval(() => {}, 1000);
try {
  const [written, generateMs] = await time(() => generateWorkspace(root, articleCount));

  // Cold: no cache. The listing is ready when build() resolves; word counts follow in the background.
  const coldIndex = new LibraryIndex(root, new IndexCache(dataDir, root));
  const [folders, coldIndexMs] = await time(() => coldIndex.build());
  const [, wordCountMs] = await time(() => coldIndex.countPendingWords(() => false));
  const [, cacheWriteMs] = await time(() => coldIndex.persist());

  // Warm: a second start reads the cache and only stats each file.
  const warmIndex = new LibraryIndex(root, new IndexCache(dataDir, root));
  const [, warmIndexMs] = await time(() => warmIndex.build());
  if (warmIndex.size !== written.length)
    throw new Error(`warm index has ${warmIndex.size} of ${written.length} articles`);

  const watcher = new WorkspaceWatcher(root, { onChange: () => {} });
  const [, watcherReadyMs] = await time(() => watcher.start(folders));
  const watches = watcher.watchCount;
  watcher.close();

  // External changes through the whole service: edit, create, rename, delete; time until library.changed.
  const waiting = new Map<string, () => void>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    if (event !== 'library.changed') return;
    for (const p of (payload as EventPayload<'library.changed'>).paths) waiting.get(p)?.();
  };
  const service = new LibraryService({ dataDir, emit, isOpen: () => false });
  const [, serviceOpenMs] = await time(() => service.open(root));
  const changeMs: number[] = [];
  const measure = async (relative: string, change: () => void): Promise<void> => {
    const seen = new Promise<void>((resolve) => waiting.set(relative, resolve));
    const start = performance.now();
    change();
    await seen;
    changeMs.push(performance.now() - start);
    waiting.delete(relative);
  };
  for (let i = 0; i < 10; i++) {
    const target = written[(i * 997) % written.length] as string;
    await measure(target, () => writeFileSync(path.join(root, target), articleText(i + 50_000)));
  }
  const folder = path.posix.dirname(written[1] as string);
  for (let i = 0; i < 5; i++) {
    const created = `${folder}/new-article-${i}.md`;
    await measure(created, () => writeFileSync(path.join(root, created), articleText(60_000 + i)));
    const renamed = `${folder}/renamed-article-${i}.md`;
    await measure(renamed, () => renameSync(path.join(root, created), path.join(root, renamed)));
    await measure(renamed, () => unlinkSync(path.join(root, renamed)));
  }
  // Search after indexing: the service fills its index once the word counts are in.
  await service.settled();
  const [hits, searchMs] = await time(() => service.search('算力博弈', 100));
  const search: Record<string, { hits: number; p50Ms: number; p95Ms: number; scanMs: number }> = {};
  const entries = await service.list();
  for (const [label, query] of Object.entries(queries)) {
    const timings: number[] = [];
    let found = 0;
    for (let i = 0; i < searchRuns; i++) {
      const [result, ms] = await time(() => service.search(query, 100));
      timings.push(ms);
      found = result.length;
    }
    timings.sort((a, b) => a - b);
    // The anchor: what search did before the index, reading every article (one run: it is slow).
    const [, scanMs] = await time(() => searchArticles(root, entries, query, 100));
    search[label] = {
      hits: found,
      p50Ms: round(percentile(timings, 50)),
      p95Ms: round(percentile(timings, 95)),
      scanMs: round(scanMs),
    };
  }
  await service.close();

  // The index's memory: heap before and after filling one, each after a full gc.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const searchIndex = new SearchIndex(root);
  const [, searchIndexBuildMs] = await time(() => searchIndex.sync(entries));
  gc();
  const searchIndexHeapMb = round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024);
  const searchIndexEstimateMb = round(searchIndex.approximateBytes() / 1024 / 1024);

  changeMs.sort((a, b) => a - b);
  const results = {
    articles: written.length,
    folders: folders.length,
    generateMs: round(generateMs),
    coldIndexMs: round(coldIndexMs),
    wordCountMs: round(wordCountMs),
    cacheWriteMs: round(cacheWriteMs),
    warmIndexMs: round(warmIndexMs),
    serviceOpenWarmMs: round(serviceOpenMs),
    watcherReadyMs: round(watcherReadyMs),
    watches,
    changeToLibraryMedianMs: round(changeMs[Math.floor(changeMs.length / 2)] ?? 0),
    changeToLibraryMaxMs: round(changeMs[changeMs.length - 1] ?? 0),
    changes: changeMs.length,
    searchMs: round(searchMs),
    searchHits: hits.length,
    searchRuns,
    search,
    searchIndexBuildMs: round(searchIndexBuildMs),
    searchIndexHeapMb,
    searchIndexEstimateMb,
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map(round),
    node: process.version,
    targets,
  };
  const met = {
    coldIndex: results.coldIndexMs <= targets.coldIndexMs,
    warmIndex: results.warmIndexMs <= targets.warmIndexMs,
    changeToLibrary: results.changeToLibraryMaxMs <= targets.changeToLibraryMs,
    searchP95: Object.values(search).every((q) => q.p95Ms <= targets.searchP95Ms),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/library.json', `${JSON.stringify({ ...results, met }, null, 2)}\n`);
  console.table({
    'cold index (listing ready)': `${results.coldIndexMs} ms (target ≤ ${targets.coldIndexMs})`,
    'word counts (background)': `${results.wordCountMs} ms`,
    'warm index (cached)': `${results.warmIndexMs} ms (target ≤ ${targets.warmIndexMs})`,
    'watcher ready': `${results.watcherReadyMs} ms, ${watches} folder watches`,
    'external change -> library': `median ${results.changeToLibraryMedianMs} ms, max ${results.changeToLibraryMaxMs} ms (target ≤ ${targets.changeToLibraryMs})`,
    'search index (memory)': `built in ${results.searchIndexBuildMs} ms, heap +${searchIndexHeapMb} MB (estimate ${searchIndexEstimateMb} MB)`,
    'peak RSS': `${results.peakRssMb} MB`,
  });
  console.table(search);
  if (!Object.values(met).every(Boolean)) {
    console.error('library bench: a target was missed', met);
    process.exitCode = 1;
  }
} finally {
  clearInterval(keepAlive);
  rmSync(base, { recursive: true, force: true });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
