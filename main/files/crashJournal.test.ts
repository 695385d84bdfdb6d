import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrashJournal } from './crashJournal';
import { bundleChild } from './testSupport/bundleChild';
import { journalVersion } from './testSupport/journalVersions';

let dir: string;
let child: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'byline-journal-'));
  child = await bundleChild(path.join(import.meta.dirname, 'testSupport/journalChild.ts'), dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const format = { encoding: 'utf-8', bom: false, eol: '\n' } as const;

describe('CrashJournal', () => {
  it('keeps the latest buffer per document session, per workspace, until discarded', async () => {
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    let root = '/ws/one';
    let now = 1000;
    const journal = new CrashJournal(
      dataDir,
      () => root,
      () => now,
    );
    const write = (stream: string, revision: number, file: string, text: string) =>
      journal.write({ stream, revision, path: file, text, format, baseStamp: null });
    await write('win1-a', 1, 'a.md', 'first');
    now = 2000;
    await write('win1-a', 2, 'a.md', 'second');
    await write('win1-b', 1, 'b.md', 'other');
    now = 3000;
    // Another window on the same article keeps its own entry.
    await write('win2-a', 1, 'a.md', 'other window');
    expect((await journal.list()).map((e) => [e.path, e.text, e.savedAt])).toEqual([
      ['a.md', 'other window', 3000],
      ['a.md', 'second', 2000],
      ['b.md', 'other', 2000],
    ]);
    root = '/ws/two';
    expect(await journal.list()).toEqual([]);
    root = '/ws/one';
    const otherWindow = (await journal.list()).find((e) => e.text === 'other window');
    await journal.discard(otherWindow?.id ?? '');
    expect((await journal.list()).map((e) => e.text)).toEqual(['second', 'other']);
    await journal.move('b.md', 'renamed.md');
    expect((await journal.list()).map((e) => [e.path, e.text])).toEqual([
      ['a.md', 'second'],
      ['renamed.md', 'other'],
    ]);
  });

  it('a save removes its session entry only when the saved revision holds everything journaled', async () => {
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    const journal = new CrashJournal(dataDir, () => '/ws');
    const write = (stream: string, revision: number, text: string) =>
      journal.write({ stream, revision, path: 'a.md', text, format, baseStamp: null });
    await write('win1-a', 5, 'typed during the save');
    await write('win2-a', 3, 'another window');
    // The save wrote revision 4: the entry holds revision 5, so it stays.
    await journal.saved('win1-a', 4);
    expect((await journal.list()).map((e) => e.text).sort()).toEqual([
      'another window',
      'typed during the save',
    ]);
    // A write queued before the save's answer is kept too.
    void write('win1-a', 6, 'newer');
    void journal.saved('win1-a', 5);
    await journal.idle();
    expect((await journal.list()).map((e) => e.text).sort()).toEqual(['another window', 'newer']);
    await journal.saved('win1-a', 6);
    expect((await journal.list()).map((e) => e.text)).toEqual(['another window']);
  });

  it('skips files it cannot read instead of failing', async () => {
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    const journal = new CrashJournal(dataDir, () => '/ws');
    await journal.write({
      stream: 's',
      revision: 1,
      path: 'a.md',
      text: 'ok',
      format,
      baseStamp: null,
    });
    writeFileSync(path.join(dataDir, 'journal', 'broken.json'), '{"root":"/ws","path":');
    expect((await journal.list()).map((e) => e.text)).toEqual(['ok']);
  });

  it(
    'offers back the unsaved text verbatim after the process is killed (SIGKILL, 25 times)',
    { timeout: 60_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(dir, 'data-'));
      const root = path.join(dir, 'workspace');
      for (let round = 0; round < 25; round++) {
        const written = await runUntilKilled(
          child,
          [dataDir, root],
          1 + Math.floor(Math.random() * 8),
        );
        // What the restarted app sees: a new journal object in a new process state.
        const entries = await new CrashJournal(dataDir, () => root).list();
        expect(entries).toHaveLength(1);
        const [entry] = entries;
        const n = Array.from({ length: written + 50 }, (_, i) => i).find(
          (i) => journalVersion(i) === entry?.text,
        );
        // Exactly one of the typed versions, and not older than the last write reported complete.
        expect(n).toBeDefined();
        expect(n as number).toBeGreaterThanOrEqual(written);
        expect(entry).toMatchObject({
          path: 'posts/未保存.md',
          format: { encoding: 'gb18030', bom: false, eol: '\r\n' },
          baseStamp: { size: 12, mtimeMs: 1732800000123.25, hash: 'abc' },
        });
      }
      // Only entries, plus temp files a kill may leave behind (which list() ignores).
      expect(
        readdirSync(path.join(dataDir, 'journal')).filter((n) => n.endsWith('.json')),
      ).toHaveLength(1);
    },
  );
});

/** Runs the child until it reports `writes` completed journal writes, kills it, returns the last reported write. */
function runUntilKilled(script: string, args: string[], writes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last = -1;
    let buffered = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const match of buffered.matchAll(/wrote (\d+)\n/g)) last = Number(match[1]);
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
      if (last + 1 >= writes && !proc.killed) proc.kill('SIGKILL');
    });
    proc.once('error', reject);
    proc.once('exit', () => resolve(last));
  });
}
