// Untitled articles (text with no file, e.g. a Markdown file dropped into a page) against main's
// real file handlers over a temp workspace: never written to an invented path, kept by the crash
// journal, placed by Save As.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempWorkspace, type TempWorkspace } from '../../main/files/testing/tempWorkspace';
import type { DocumentApi } from '../../renderer/document/documentApi';
import { autosaveDelayMs } from '../../renderer/document/documentStore';
import { mainApiOf, newStore, readOnDisk, typeAtEnd } from './support/documentStoreHarness';
import { ManualTimers } from './support/manualTimers';

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('untitled', { 'draft.md': '# 已有的稿子\n' });
});
afterEach(() => workspace.close());

const mainApi = (): DocumentApi => mainApiOf(workspace);
const onDisk = (file: string): string => readOnDisk(workspace, file);
const type = typeAtEnd;

const dropped = '---\ntitle: 拖进来的稿子\n---\n\n正文。\n';

describe('an untitled article', () => {
  it('is unsaved from the start, never autosaved, and saving it writes no file', async () => {
    const timers = new ManualTimers();
    const store = newStore(mainApi(), timers);
    const before = readdirSync(workspace.root).sort();
    // Named like an article of the workspace: still nothing to do with that file.
    const doc = await store.openUntitled('draft.md', dropped);

    expect(doc.info).toMatchObject({
      untitled: true,
      dirty: true,
      status: 'dirty',
      path: 'draft.md',
    });
    expect(store.active).toBe(doc);
    expect(store.byPath('draft.md')).toBeNull();
    type(doc, '再写一句。');
    expect(doc.autosavePending).toBe(false);
    timers.fire(autosaveDelayMs);
    expect(await doc.save()).toMatchObject({ status: 'error', code: 'untitled' });
    expect((await store.saveAll()).failed.map((f) => f.document)).toEqual([doc]);
    expect(readdirSync(workspace.root).sort()).toEqual(before);
    expect(onDisk('draft.md')).toBe('# 已有的稿子\n');
  });

  it('is kept by the crash journal and restored as untitled, once', async () => {
    const store = newStore(mainApi());
    const doc = await store.openUntitled('报道.md', dropped);
    await store.journalIdle();
    type(doc, '崩溃前的一句。');
    await doc.flushJournal();

    // A restart: main's handlers afresh.
    const after = newStore(mainApi());
    const [entry, ...others] = await after.listJournal();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      path: '报道.md',
      untitled: true,
      text: `${dropped}崩溃前的一句。`,
    });
    const restored = await after.restore(entry!);
    expect(restored.info).toMatchObject({ untitled: true, dirty: true, path: '报道.md' });
    expect(restored.text()).toBe(`${dropped}崩溃前的一句。`);
    expect(existsSync(path.join(workspace.root, '报道.md'))).toBe(false);
    await after.journalIdle();
    // The restored document's own entry replaced the old one: one entry, not two.
    expect((await after.listJournal()).map((e) => e.text)).toEqual([`${dropped}崩溃前的一句。`]);
  });

  it('Save As gives it a path: written there, clean, autosaved from then on, journal entry gone', async () => {
    const timers = new ManualTimers();
    const store = newStore(mainApi(), timers);
    const doc = await store.openUntitled('报道.md', dropped);
    await store.journalIdle();

    // A file already there is never replaced without the writer's say.
    expect(await doc.saveAs('draft.md', false)).toEqual({ status: 'conflict' });
    expect(onDisk('draft.md')).toBe('# 已有的稿子\n');
    expect(doc.info.untitled).toBe(true);

    expect(await doc.saveAs('新稿.md', false)).toMatchObject({ status: 'saved' });
    expect(onDisk('新稿.md')).toBe(dropped);
    expect(doc.info).toMatchObject({ untitled: false, dirty: false, path: '新稿.md' });
    expect(store.byPath('新稿.md')).toBe(doc);
    await store.journalIdle();
    expect(await store.listJournal()).toEqual([]);

    type(doc, '补一句。');
    expect(doc.autosavePending).toBe(true);
    timers.fire(autosaveDelayMs);
    await doc.settled();
    expect(onDisk('新稿.md')).toBe(`${dropped}补一句。`);
  });
});
