import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalHistory } from './localHistory';
import {
  historyTexts,
  openAndSave,
  openTempWorkspace,
  type TempWorkspace,
} from './testing/tempWorkspace';

let dataDir: string;
let now: number;
beforeEach(async () => {
  // tmpfs when there is one: hundreds of fsyncs on a loaded disk prove nothing more.
  const parent = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  dataDir = await mkdtemp(path.join(parent, 'byline-history-fault-'));
  now = 1_700_000_000_000;
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const history = (
  options: Partial<ConstructorParameters<typeof LocalHistory>[2]> = {},
): LocalHistory => new LocalHistory(dataDir, () => '/workspace', { now: () => now, ...options });
const snapFiles = (): string[] =>
  readdirSync(path.join(dataDir, 'history'), { recursive: true })
    .map(String)
    .filter((n) => n.endsWith('.snap'));

describe('history that lasts', () => {
  it('a hand-damaged index.json plus one save loses no snapshot: the index is rebuilt from them', async () => {
    const h = history();
    for (let i = 0; i < 100; i++) {
      now += 1000;
      await h.snapshot('a.md', bytes(`version ${i}\n`));
    }
    const index = snapFiles()[0] as string;
    const indexFile = path.join(dataDir, 'history', path.dirname(index), 'index.json');
    writeFileSync(indexFile, readFileSync(indexFile, 'utf8').slice(0, 200));
    now += 1000;
    await h.snapshot('a.md', bytes('after the damage\n'));
    const entries = await h.list('a.md');
    expect(entries).toHaveLength(101);
    expect(snapFiles()).toHaveLength(101);
    // Rebuilt in the order they were taken (each blob keeps its snapshot's time).
    const texts = await Promise.all(
      entries.map(async (e) => new TextDecoder().decode(await h.read('a.md', e.id))),
    );
    expect(texts.slice(0, 3)).toEqual(['after the damage\n', 'version 99\n', 'version 98\n']);
    expect(texts.at(-1)).toBe('version 0\n');
  });

  it('is bounded by size, not count, and always keeps the pre-Byline original', async () => {
    const h = history({ maxBytes: 1024 * 1024 });
    const article = (i: number): Uint8Array => bytes(`${i}`.padEnd(100 * 1024, '字'));
    await h.preserve('big.md', bytes('the original, before Byline\n'), true);
    for (let i = 0; i < 50; i++) {
      now += 1000;
      await h.snapshot('big.md', article(i));
    }
    const entries = await h.list('big.md');
    const stored = entries.reduce((sum, e) => sum + e.size, 0);
    expect(stored).toBeLessThanOrEqual(1024 * 1024);
    expect(entries.length).toBeGreaterThan(2);
    const original = entries.at(-1);
    expect(original).toMatchObject({ pinned: true, source: 'disk' });
    expect(new TextDecoder().decode(await h.read('big.md', original?.id ?? ''))).toBe(
      'the original, before Byline\n',
    );
    // Small articles keep many versions; the count cap still never drops the original.
    const small = history({ maxSnapshots: 5 });
    await small.preserve('small.md', bytes('original\n'), true);
    for (let i = 0; i < 20; i++) {
      now += 1000;
      await small.snapshot('small.md', bytes(`v${i}\n`));
    }
    const kept = await small.list('small.md');
    expect(kept).toHaveLength(5);
    expect(kept.at(-1)).toMatchObject({ pinned: true });
  });
});

describe('history follows the article, not the path', () => {
  let workspace: TempWorkspace;
  beforeEach(async () => {
    workspace = await openTempWorkspace('history-trash', { 'a.md': 'first\n' });
  });
  afterEach(() => workspace.close());

  it('through trash and restore, and a new file at the old path starts with no history', async () => {
    const h = workspace.handlers();
    await openAndSave(h, 'a.md', 'second\n');
    const { id } = await h['article.trash']({ path: 'a.md' });
    expect(await historyTexts(h, 'a.md')).toEqual([]);
    // A new article at the same path (Save As to that name): nothing of the old one's history.
    const format = { encoding: 'utf-8', bom: false, eol: '\n' } as const;
    await h['article.save']({
      path: 'a.md',
      text: 'a new article\n',
      format,
      baseStamp: null,
      overwrite: false,
    });
    expect(await historyTexts(h, 'a.md')).toEqual(['a new article\n']);
    const { path: restored } = await h['trash.restore']({ id: id ?? '' });
    expect(restored).toBe('a-restored.md');
    expect(await historyTexts(h, restored)).toEqual(['second\n', 'first\n']);
  });

  it('the system trash sets history aside, never leaves it to the next file at that path, and gives it back on restore', async () => {
    const trashed: string[] = [];
    const h = workspace.handlers({
      trashItem: async (absolute) => {
        trashed.push(absolute);
        await rm(absolute);
      },
    });
    await openAndSave(h, 'a.md', 'second\n');
    await h['article.trash']({ path: 'a.md' });
    writeFileSync(path.join(workspace.root, 'a.md'), 'a stranger\n');
    await h['article.open']({ path: 'a.md' });
    expect(await historyTexts(h, 'a.md')).toEqual([]);
    // Restored from the system trash (the file manager puts the same bytes back at the same path).
    rmSync(path.join(workspace.root, 'a.md'));
    writeFileSync(path.join(workspace.root, 'a.md'), 'second\n');
    await h['article.open']({ path: 'a.md' });
    expect(await historyTexts(h, 'a.md')).toEqual(['second\n', 'first\n']);
    const blobs = readdirSync(path.join(workspace.dataDir, 'history'), { recursive: true })
      .map(String)
      .filter((n) => n.endsWith('.snap'));
    expect(blobs).toHaveLength(2);
  });

  it('a new article created where a deleted one lived does not inherit its history', async () => {
    const h = workspace.handlers();
    await openAndSave(h, 'a.md', 'second\n');
    await rm(path.join(workspace.root, 'a.md'));
    const { path: created } = await h['article.create']({ title: 'a', folder: '', bundle: false });
    expect(created).toBe('a.md');
    expect(await historyTexts(h, 'a.md')).toEqual([]);
  });
});
