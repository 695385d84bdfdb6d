import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bracketLine, deepJsonFrontMatter } from '../../shared/testing/hostileArticles';
import type { ArticleJob } from './articleSummarizer';
import { inlineSummarizer } from './articleSummarizer';
import { WorkerSummarizer } from './workerSummarizer';

// The TypeScript entry, loaded through tsx's loader (registered first, by a one-line module);
// the app loads the bundled dist/main/libraryWorker.mjs instead.
const tsxLoader = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href;
const typescriptEntry = new URL('./summaryWorker.ts', import.meta.url).href;
const shim = `import { register } from ${JSON.stringify(tsxLoader)}; register(); await import(${JSON.stringify(typescriptEntry)});`;
const summarizer = new WorkerSummarizer(
  new URL(`data:text/javascript,${encodeURIComponent(shim)}`),
);
afterAll(() => summarizer.close());

function jobsFor(files: Record<string, string>): ArticleJob[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-worker-'));
  return Object.entries(files).map(([name, text]) => {
    const absolute = path.join(dir, name);
    writeFileSync(absolute, text);
    const stats = statSync(absolute);
    return { absolute, relative: name, size: stats.size, mtimeMs: stats.mtimeMs, countWords: true };
  });
}

describe('WorkerSummarizer', () => {
  const jobs = jobsFor({
    'plain.md': '---\ntitle: Plain\ntags: [a, b]\n---\n\n记者核对数字。\n',
    'deep.md': deepJsonFrontMatter(20_000),
    'brackets.md': `# Brackets\n\n${bracketLine(100_000)}\n`,
  });

  it('gives the rows and word counts the inline summarizer gives', async () => {
    expect(await summarizer.summarize(jobs)).toEqual(await inlineSummarizer.summarize(jobs));
    expect(await summarizer.countWords(jobs)).toEqual(await inlineSummarizer.countWords(jobs));
    const deep = (await summarizer.summarize(jobs))[1];
    expect(deep?.frontMatterError).toMatch(/nested more than 100 levels/);
  });

  it("leaves main's event loop free while it works", async () => {
    let turns = 0;
    let working = true;
    const spin = (): void => {
      turns++;
      if (working) setImmediate(spin);
    };
    setImmediate(spin);
    await summarizer.summarize(jobs);
    working = false;
    // The same call on main runs in one synchronous stretch per file; here main kept turning.
    expect(turns).toBeGreaterThan(0);
  });

  it('turns a dead worker into flagged rows and starts a new one for the next request', async () => {
    const broken = new WorkerSummarizer(new URL('data:text/javascript,process.exit(3)'));
    const rows = await broken.summarize(jobs.slice(0, 1));
    expect(rows[0]?.frontMatterError).toMatch(/Could not index: .*exit code 3/);
    expect(await broken.countWords(jobs.slice(0, 1))).toEqual([0]);
    await broken.close();
  });
});
