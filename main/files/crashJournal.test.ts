import { spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChangeSet, Text } from '@codemirror/state';
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
    { timeout: 300_000 },
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

describe('CrashJournal change log', () => {
  const stream = 'win1-a';
  const entry = { stream, path: 'a.md', format, baseStamp: null };
  const setup = () => {
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    const journal = new CrashJournal(dataDir, () => '/ws');
    const files = () => readdirSync(path.join(dataDir, 'journal')).sort();
    const read = (name: string) => readFileSync(path.join(dataDir, 'journal', name), 'utf8');
    return { dataDir, journal, files, read };
  };
  /** Types `insert` at `at` into `text` (revision `revision - 1`) and journals the change. */
  const type = async (
    journal: CrashJournal,
    text: Text,
    revision: number,
    at: number,
    insert: string,
  ): Promise<Text> => {
    const change = ChangeSet.of({ from: at, insert }, text.length);
    const status = await journal.writeStream({
      ...entry,
      revision,
      content: { baseRevision: revision - 1, changes: change.toJSON() as unknown[] },
    });
    expect(status).toBe('written');
    return change.apply(text);
  };
  const article = Array.from({ length: 400 }, (_, i) => `第${i}段：记者补充 😀 “引号”`).join('\n');

  it('appends typed changes to a log and leaves the entry alone; a restarted app gets every word back', async () => {
    const { dataDir, journal, files, read } = setup();
    await journal.writeStream({ ...entry, revision: 0, content: { text: article } });
    const [entryFile] = files();
    const whole = read(entryFile as string);
    let text = Text.of(article.split('\n'));
    for (let revision = 1; revision <= 30; revision++)
      text = await type(journal, text, revision, (revision * 997) % text.length, `字${revision}`);
    expect(read(entryFile as string)).toBe(whole);
    const log = files().find((name) => name.endsWith('.log')) as string;
    expect(read(log).trimEnd().split('\n')).toHaveLength(30);
    const [restored] = await new CrashJournal(dataDir, () => '/ws').list();
    expect(restored).toMatchObject({ text: text.toString(), revision: 30, path: 'a.md' });
  });

  it('leaves out a change cut short by a crash, and everything after it', async () => {
    const { dataDir, journal, files } = setup();
    await journal.writeStream({ ...entry, revision: 0, content: { text: article } });
    const first = await type(journal, Text.of(article.split('\n')), 1, 5, '一');
    const kept = await type(journal, first, 2, 9, '二');
    const log = path.join(dataDir, 'journal', files().find((n) => n.endsWith('.log')) as string);
    appendFileSync(log, '{"revision":3,"baseRevision":2,"chan');
    appendFileSync(log, '\n{"revision":4,"baseRevision":3,"changes":[0,[0,"x"],1],"savedAt":1}\n');
    const [restored] = await new CrashJournal(dataDir, () => '/ws').list();
    expect(restored).toMatchObject({ text: kept.toString(), revision: 2 });
  });

  it('writes the entry whole again once its log outgrows it, and never applies a change twice', async () => {
    const { dataDir, journal, files, read } = setup();
    await journal.writeStream({ ...entry, revision: 0, content: { text: 'short' } });
    let text = Text.of(['short']);
    // A long paste still goes to the log; the write after it finds the log full.
    text = await type(journal, text, 1, 5, '贴'.repeat(40_000));
    expect(files().some((n) => n.endsWith('.log'))).toBe(true);
    text = await type(journal, text, 2, 0, '头');
    expect(files().some((n) => n.endsWith('.log'))).toBe(false);
    const entryFile = files()[0] as string;
    expect(JSON.parse(read(entryFile))).toMatchObject({ text: text.toString(), revision: 2 });
    // A crash after the entry was written whole and before its old log went: the log's changes
    // are in the entry already.
    const before = Text.of(text.toString().slice(1).split('\n'));
    const replayed = ChangeSet.of({ from: 0, insert: '头' }, before.length).toJSON();
    writeFileSync(
      path.join(dataDir, 'journal', entryFile.replace(/\.json$/, '.log')),
      `${JSON.stringify({ revision: 2, baseRevision: 1, changes: replayed, savedAt: 1 })}\n`,
    );
    expect((await journal.list())[0]?.text).toBe(text.toString());
  });

  it('a save removes the entry with its log only when it holds the last logged change', async () => {
    const { journal, files } = setup();
    await journal.writeStream({ ...entry, revision: 0, content: { text: article } });
    let text = Text.of(article.split('\n'));
    text = await type(journal, text, 1, 0, '一');
    text = await type(journal, text, 2, 0, '二');
    await journal.saved(stream, 1);
    expect((await journal.list()).map((e) => e.text)).toEqual([text.toString()]);
    // The save forgot main's copy: the next write sends the text whole.
    expect(
      await journal.writeStream({
        ...entry,
        revision: 3,
        content: { baseRevision: 2, changes: [text.length] },
      }),
    ).toBe('needsText');
    await journal.saved(stream, 2);
    expect(files()).toEqual([]);
  });

  it('keeps the logged words with their article when it is renamed', async () => {
    const { journal } = setup();
    await journal.writeStream({ ...entry, revision: 0, content: { text: article } });
    let text = Text.of(article.split('\n'));
    text = await type(journal, text, 1, 3, '改');
    await journal.move('a.md', 'renamed.md');
    expect((await journal.list()).map((e) => [e.path, e.text])).toEqual([
      ['renamed.md', text.toString()],
    ]);
    // The next write names the new path: the entry is written whole under it.
    await journal.writeStream({
      ...entry,
      path: 'renamed.md',
      revision: 2,
      content: {
        baseRevision: 1,
        changes: ChangeSet.of({ from: 0, insert: '再' }, text.length).toJSON() as unknown[],
      },
    });
    expect((await journal.list()).map((e) => [e.path, e.text.slice(0, 2)])).toEqual([
      ['renamed.md', '再第'],
    ]);
  });

  it(
    'offers back the typed text after the process is killed while it appends changes (SIGKILL, 20 times)',
    { timeout: 300_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(dir, 'data-'));
      const root = path.join(dir, 'workspace-changes');
      const editorText = (n: number): string => journalVersion(n).replace(/\r\n/g, '\n');
      for (let round = 0; round < 20; round++) {
        const written = await runUntilKilled(
          child,
          [dataDir, root, 'changes'],
          2 + Math.floor(Math.random() * 12),
        );
        const entries = await new CrashJournal(dataDir, () => root).list();
        expect(entries).toHaveLength(1);
        const [restored] = entries;
        const n = Array.from({ length: written + 50 }, (_, i) => i).find(
          (i) => editorText(i) === restored?.text || journalVersion(i) === restored?.text,
        );
        expect(n).toBeDefined();
        expect(n as number).toBeGreaterThanOrEqual(written);
        expect(restored?.revision).toBe(n);
      }
      expect(existsSync(path.join(dataDir, 'journal'))).toBe(true);
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
