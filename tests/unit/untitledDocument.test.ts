// Untitled articles (text with no file, e.g. a Markdown file dropped into a page) against main's
// real file handlers over a temp workspace: never written to an invented path, kept by the crash
// journal, placed by Save As.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../main/library/libraryService';
import { OpenArticles } from '../../main/files/openArticles';
import { openTempWorkspace, type TempWorkspace } from '../../main/files/testing/tempWorkspace';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { ArticleDocument } from '../../renderer/document/articleDocument';
import type { DocumentApi } from '../../renderer/document/documentApi';
import type { DocumentStore } from '../../renderer/document/documentStore';
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

/** Resolves once `doc` holds `text` (it follows the disk through its own requests). */
function holds(doc: ArticleDocument, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (doc.text() !== text) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = doc.subscribe(check);
    check();
  });
}

describe('Save As of an untitled article', () => {
  it('makes the placed file open in main: a change on disk reaches the document', async () => {
    // Main as the app wires it: the library tells the renderer about changes to open articles.
    const open = new OpenArticles();
    const changes: string[] = [];
    let store: DocumentStore | null = null;
    const library = new LibraryService({
      dataDir: null,
      watch: false,
      isOpen: (file) => open.has(file),
      workspaceId: () => 'temp-workspace',
      emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
        if (event !== 'article.changedOnDisk') return;
        const {
          workspace: id,
          path: file,
          stamp,
        } = payload as EventPayload<'article.changedOnDisk'>;
        changes.push(file);
        store?.diskChanged(id, file, stamp);
      },
    });
    await library.open(workspace.root);
    try {
      store = newStore(workspace.handlers({ library, open }) as unknown as DocumentApi);
      const doc = await store.openUntitled('报道.md', dropped);
      expect(await doc.saveAs('新稿.md', false)).toMatchObject({ status: 'saved' });

      const edited = `${dropped}编辑部在外面改了一句。\n`;
      writeFileSync(path.join(workspace.root, '新稿.md'), edited);
      await library.pathsChanged([path.join(workspace.root, '新稿.md')]);
      expect(changes).toEqual(['新稿.md']);
      await holds(doc, edited);
      expect(doc.info).toMatchObject({ dirty: false, conflict: null, path: '新稿.md' });
      await store.journalIdle();
    } finally {
      await library.close();
    }
  });

  it('asked twice at once (the close dialog and Ctrl+S) places it once, with no false conflict', async () => {
    // Main's real handlers, with the placing requests (no version read first) written down.
    const api = mainApi();
    const placings: string[] = [];
    const counted: DocumentApi = {
      ...api,
      'article.save': (input) => {
        if (input.baseStamp === null) placings.push(input.path);
        return api['article.save'](input);
      },
    };
    const store = newStore(counted);
    const doc = await store.openUntitled('报道.md', dropped);
    const outcomes = await Promise.all([
      doc.saveAs('新稿.md', false),
      doc.saveAs('新稿.md', false),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['saved', 'saved']);
    expect(placings).toEqual(['新稿.md']);
    expect(onDisk('新稿.md')).toBe(dropped);
    expect(doc.info).toMatchObject({ untitled: false, dirty: false, path: '新稿.md' });
    await store.journalIdle();
  });

  it('waits for a save running before it and writes the words typed meanwhile', async () => {
    const store = newStore(mainApi());
    const other = await store.open('draft.md');
    type(other, '又一句。');
    const saving = other.save();
    const placing = other.saveAs('副本.md', false);
    expect((await saving).status).toBe('saved');
    expect((await placing).status).toBe('saved');
    expect(onDisk('draft.md')).toBe('# 已有的稿子\n又一句。');
    expect(onDisk('副本.md')).toBe('# 已有的稿子\n又一句。');
    expect(other.info.path).toBe('副本.md');
  });

  it('refuses a file open in another tab, even when told to replace it: one document per file, the text kept', async () => {
    const store = newStore(mainApi());
    const article = await store.open('draft.md');
    const doc = await store.openUntitled('draft.md', dropped);

    expect(await doc.saveAs('draft.md', true)).toMatchObject({
      status: 'error',
      code: 'open-in-another-tab',
    });
    expect(onDisk('draft.md')).toBe('# 已有的稿子\n');
    expect(doc.info).toMatchObject({ untitled: true, dirty: true, path: 'draft.md' });
    expect(doc.text()).toBe(dropped);
    expect(store.byPath('draft.md')).toBe(article);
    expect(store.all).toHaveLength(2);
    await store.journalIdle();
  });

  it('two untitled articles placed at one name at once: the second is refused, its text kept', async () => {
    const store = newStore(mainApi());
    const first = await store.openUntitled('甲.md', dropped);
    const second = await store.openUntitled('乙.md', '# 乙稿\n');
    const [placed, refused] = await Promise.all([
      first.saveAs('新稿.md', false),
      second.saveAs('新稿.md', true),
    ]);
    expect(placed.status).toBe('saved');
    expect(refused).toMatchObject({ status: 'error', code: 'open-in-another-tab' });
    expect(onDisk('新稿.md')).toBe(dropped);
    expect(second.info).toMatchObject({ untitled: true, dirty: true });
    expect(second.text()).toBe('# 乙稿\n');
    await store.journalIdle();
  });

  it('opening the file while Save As writes it gives the placed document, not a second one', async () => {
    const store = newStore(mainApi());
    const doc = await store.openUntitled('报道.md', dropped);
    const [placed, opened] = await Promise.all([
      doc.saveAs('draft.md', true),
      store.open('draft.md'),
    ]);
    expect(placed.status).toBe('saved');
    expect(opened).toBe(doc);
    expect(store.all).toEqual([doc]);
    expect(onDisk('draft.md')).toBe(dropped);
    await store.journalIdle();
  });
});
