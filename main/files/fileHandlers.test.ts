import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../library/libraryService';
import { createFileHandlers } from './fileHandlers';
import { OpenArticles } from './openArticles';

let base: string;
let root: string;
let library: LibraryService;
beforeEach(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-handlers-'));
  root = path.join(base, 'ws');
  mkdirSync(root);
  writeFileSync(path.join(root, 'a.md'), 'original\n');
  library = new LibraryService({ dataDir: null, emit: () => {}, isOpen: () => false, watch: false });
  await library.open(root);
});
afterEach(async () => {
  await library.close();
  rmSync(base, { recursive: true, force: true });
});

const handlers = (): ReturnType<typeof createFileHandlers> =>
  createFileHandlers({ dataDir: path.join(base, 'data'), workspaceRoot: () => root, library, open: new OpenArticles() });

describe('file handlers', () => {
  it('a save snapshots the replaced and the new version and clears the journal', async () => {
    const h = handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    await h['journal.write']({ path: 'a.md', text: 'edited\n', format: opened.format, baseStamp: opened.stamp });
    expect((await h['journal.list']()).map((e) => e.text)).toEqual(['edited\n']);
    const saved = await h['article.save']({ path: 'a.md', text: 'edited\n', format: opened.format, baseStamp: opened.stamp, overwrite: false });
    expect(saved.status).toBe('saved');
    expect(await h['journal.list']()).toEqual([]);
    const versions = await h['history.list']({ path: 'a.md' });
    const texts = await Promise.all(versions.map(async (v) => (await h['history.read']({ path: 'a.md', id: v.id })).text));
    expect(texts).toEqual(['edited\n', 'original\n']);
  });

  it('does not offer journal entries whose text is already on disk', async () => {
    const h = handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    await h['journal.write']({ path: 'a.md', text: 'original\n', format: opened.format, baseStamp: opened.stamp });
    expect(await h['journal.list']()).toEqual([]);
    await h['journal.write']({ path: 'a.md', text: 'different\n', format: opened.format, baseStamp: opened.stamp });
    expect((await h['journal.list']()).map((e) => e.text)).toEqual(['different\n']);
  });

  it('a rename carries history and journal along', async () => {
    const h = handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    await h['article.save']({ path: 'a.md', text: 'v2\n', format: opened.format, baseStamp: opened.stamp, overwrite: false });
    await h['journal.write']({ path: 'a.md', text: 'v3 unsaved\n', format: opened.format, baseStamp: null });
    const { path: renamed } = await h['article.rename']({ path: 'a.md', name: 'b' });
    expect(renamed).toBe('b.md');
    expect(readFileSync(path.join(root, 'b.md'), 'utf8')).toBe('v2\n');
    expect((await h['history.list']({ path: 'b.md' })).length).toBe(2);
    expect((await h['journal.list']()).map((e) => [e.path, e.text])).toEqual([['b.md', 'v3 unsaved\n']]);
  });

  it('browser mode trashes into the workspace and restores', async () => {
    const h = handlers();
    expect(await h['article.trash']({ path: 'a.md' })).toEqual({ restorable: true, id: expect.any(String) });
    const listing = await h['trash.list']();
    expect(listing.canRestore).toBe(true);
    expect(await h['trash.restore']({ id: listing.items[0]?.id ?? '' })).toEqual({ path: 'a.md' });
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('original\n');
  });
});
