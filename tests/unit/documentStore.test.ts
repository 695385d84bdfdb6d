// The document layer against main's real file handlers over a temp workspace: saving, save all,
// autosave and the crash journal, without React.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenArticles } from '../../main/files/openArticles';
import { openTempWorkspace, type TempWorkspace } from '../../main/files/testing/tempWorkspace';
import { LibraryService } from '../../main/library/libraryService';
import { WorkspaceIdentities } from '../../main/workspace/workspaceIdentities';
import type { EventPayload, EventSink } from '../../shared/ipc/contract';
import type { DocumentApi } from '../../renderer/document/documentApi';
import type { DocumentStore } from '../../renderer/document/documentStore';
import { autosaveDelayMs, journalDelayMs } from '../../renderer/document/documentStore';
import {
  asClient,
  mainApiOf,
  newStore,
  readOnDisk,
  typeAtEnd,
} from './support/documentStoreHarness';
import { ManualTimers } from './support/manualTimers';

let workspace: TempWorkspace;
/** Closed after each test: the libraries `twoWindows` starts. */
const libraries: LibraryService[] = [];
beforeEach(async () => {
  workspace = await openTempWorkspace('documents', {
    'a.md': '# A\n\n甲。\n',
    'b.md': '# B\n\n乙。\n',
    'c.md': '# C\n\n丙。\n',
  });
});
afterEach(async () => {
  await Promise.all(libraries.splice(0).map((library) => library.close()));
  await workspace.close();
});

const mainApi = (): DocumentApi => mainApiOf(workspace);
const onDisk = (file: string): string => readOnDisk(workspace, file);
const type = typeAtEnd;

describe('DocumentStore', () => {
  it('save all saves every dirty document, waits for each, and names the one that failed', async () => {
    const store = newStore(mainApi());
    for (const file of ['a.md', 'b.md', 'c.md']) type(await store.open(file), `\n${file} 改动\n`);
    expect(store.dirtyDocuments).toHaveLength(3);
    // c.md can no longer be written: a folder took its place.
    rmSync(path.join(workspace.root, 'c.md'));
    mkdirSync(path.join(workspace.root, 'c.md'));

    const result = await store.saveAll();

    expect(onDisk('a.md')).toBe('# A\n\n甲。\n\na.md 改动\n');
    expect(onDisk('b.md')).toBe('# B\n\n乙。\n\nb.md 改动\n');
    expect(result.saved.map((d) => d.path)).toEqual(['a.md', 'b.md']);
    expect(result.failed.map((f) => [f.document.path, f.outcome.status])).toEqual([
      ['c.md', 'error'],
    ]);
    expect(store.dirtyDocuments.map((d) => d.path)).toEqual(['c.md']);
  });

  it('words typed while a save runs stay unsaved and dirty, and the next save writes them', async () => {
    const store = newStore(mainApi());
    const a = await store.open('a.md');
    type(a, '一');
    const saving = a.save();
    expect(a.info.status).toBe('saving');
    type(a, '二');
    expect(await saving).toMatchObject({ status: 'saved' });
    expect(onDisk('a.md')).toBe('# A\n\n甲。\n一');
    expect(a.info.status).toBe('dirty');
    await a.save();
    expect(onDisk('a.md')).toBe('# A\n\n甲。\n一二');
    expect(a.info.status).toBe('clean');
  });

  it('autosave is armed again when a save ends with newer words', async () => {
    const timers = new ManualTimers();
    const store = newStore(mainApi(), timers);
    const a = await store.open('a.md');
    type(a, '一');
    expect(a.autosavePending).toBe(true);
    timers.fire(autosaveDelayMs);
    type(a, '二');
    // No autosave while the save runs; one as soon as it ends with newer words.
    expect(a.autosavePending).toBe(false);
    await a.settled();
    expect(onDisk('a.md')).toBe('# A\n\n甲。\n一');
    expect(a.autosavePending).toBe(true);
    timers.fire(autosaveDelayMs);
    await a.settled();
    expect(onDisk('a.md')).toBe('# A\n\n甲。\n一二');
    expect(a.autosavePending).toBe(false);
  });

  it('the journal keeps an entry until a save holds all of it, whatever else is saved', async () => {
    const api = mainApi();
    const timers = new ManualTimers();
    const store = newStore(api, timers);
    const other = newStore(api);
    const a = await store.open('a.md');
    const journaled = async (): Promise<string[]> => {
      await store.journalIdle();
      return (await store.listJournal()).map((e) => e.text).sort();
    };

    type(a, '一');
    timers.fire(journalDelayMs);
    expect(await journaled()).toEqual(['# A\n\n甲。\n一']);
    // A save of the same article from another window is unrelated to this buffer.
    const elsewhere = await other.open('a.md');
    type(elsewhere, '别处');
    await elsewhere.save();
    expect(await journaled()).toEqual(['# A\n\n甲。\n一']);

    // Words typed during a save are journaled, and the save's answer does not remove them.
    const saving = a.save({ base: elsewhere.info.stamp });
    type(a, '二');
    timers.fire(journalDelayMs);
    await saving;
    expect(onDisk('a.md')).toBe('# A\n\n甲。\n一');
    expect(await journaled()).toEqual(['# A\n\n甲。\n一二']);
    await a.save();
    expect(await journaled()).toEqual([]);
  });

  it('two windows on one article keep two journal entries, both offered back', async () => {
    const api = mainApi();
    const one = newStore(api);
    const two = newStore(api);
    const first = await one.open('a.md');
    const second = await two.open('a.md');
    type(first, '窗口一');
    type(second, '窗口二');
    await Promise.all([first.flushJournal(), second.flushJournal()]);
    const restarted = newStore(mainApi());
    expect((await restarted.listJournal()).map((e) => e.text).sort()).toEqual([
      '# A\n\n甲。\n窗口一',
      '# A\n\n甲。\n窗口二',
    ]);
  });

  it('an autosave due while the article is renamed writes the new name, never the old one', async () => {
    const timers = new ManualTimers();
    const store = newStore(mainApi(), timers);
    const a = await store.open('a.md');
    type(a, '一');
    const handlers = workspace.handlers();
    const renamed = store.rename('a.md', async () => {
      const renaming = handlers['article.rename']({
        path: 'a.md',
        name: 'b2',
      });
      // Typing paused while main renames the file.
      await Promise.resolve();
      timers.fire(autosaveDelayMs);
      return (await renaming).path;
    });
    expect(await renamed).toBe('b2.md');
    await a.settled();
    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(onDisk('b2.md')).toBe('# A\n\n甲。\n一');
    expect(a.info).toMatchObject({ path: 'b2.md', status: 'clean' });
  });

  it('an autosave armed before the file was deleted or moved on disk does not recreate it', async () => {
    const timers = new ManualTimers();
    const store = newStore(mainApi(), timers);
    const a = await store.open('a.md');
    type(a, '一');
    expect(a.autosavePending).toBe(true);
    // Moved away outside Byline (a file manager, `git mv`) while typing paused.
    renameSync(path.join(workspace.root, 'a.md'), path.join(workspace.root, 'moved.md'));
    store.diskChanged('temp-workspace', 'a.md', null);
    await vi.waitFor(() => expect(a.info.status).toBe('deleted'));
    timers.fire(autosaveDelayMs);
    await a.settled();
    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(a.info.status).toBe('deleted');
    expect(a.text()).toBe('# A\n\n甲。\n一');
    // Saving again stays the writer's choice.
    expect(await a.save()).toMatchObject({ status: 'saved' });
    expect(onDisk('a.md')).toBe('# A\n\n甲。\n一');
  });

  it('restores a journal entry whose article moved into a new article, and keeps it until saved', async () => {
    const before = newStore(mainApi());
    const a = await before.open('a.md');
    type(a, '\n崩溃前的段落。\n');
    await a.flushJournal();
    // The app crashed; meanwhile the article was moved away.
    mkdirSync(path.join(workspace.root, 'archive'));
    renameSync(path.join(workspace.root, 'a.md'), path.join(workspace.root, 'archive/a.md'));

    const after = newStore(mainApi());
    const [entry] = await after.listJournal();
    expect(entry).toMatchObject({ path: 'a.md', missing: true });
    const restored = await after.restore(entry!);
    // A new article where the old one was (its name is free again).
    expect(restored.path).toBe('a.md');
    expect(restored.text()).toBe('# A\n\n甲。\n\n崩溃前的段落。\n');
    expect((await after.listJournal()).map((e) => e.id)).toEqual([entry!.id]);
    type(restored, '再加一句。');
    await restored.save();
    await after.journalIdle();
    expect(onDisk(restored.path)).toBe('# A\n\n甲。\n\n崩溃前的段落。\n再加一句。');
    expect(await after.listJournal()).toEqual([]);
    expect(onDisk('archive/a.md')).toBe('# A\n\n甲。\n');
  });
});

/**
 * Two windows on main's file handlers, each sending its requests as its own client, main's events
 * delivered to both as the app shell delivers them (renderer/app/App.tsx); `main` makes requests
 * the document layer does not (rename, trash). Main's library tells of changes to the articles
 * some window has open, as main wires it; `changedOnDisk` hands it a change the watcher would.
 */
async function twoWindows() {
  const windows: DocumentStore[] = [];
  /** Events on their way to a window, delivered when `deliverEvents` is called. */
  const inFlight: [(() => void)[] | null, (() => void)[] | null] = [null, null];
  const emit: EventSink = (event, payload) => {
    for (const [index, store] of windows.entries()) {
      const delivery = inFlight[index];
      if (delivery) {
        delivery.push(() => deliver(store, event, payload));
        continue;
      }
      deliver(store, event, payload);
    }
  };
  function deliver(store: DocumentStore, ...[event, payload]: Parameters<EventSink>): void {
    if (event === 'article.moved') {
      const { workspace, from, to } = payload as EventPayload<'article.moved'>;
      store.moved(workspace, from, to);
    } else if (event === 'article.changedOnDisk') {
      const { workspace, path: changed, stamp } = payload as EventPayload<'article.changedOnDisk'>;
      store.diskChanged(workspace, changed, stamp);
    }
  }
  const open = new OpenArticles();
  const identities = new WorkspaceIdentities();
  const library = new LibraryService({
    dataDir: null,
    watch: false,
    isOpen: (file) => open.has(file),
    workspaceId: (root) => identities.workspace(root).id,
    emit,
  });
  libraries.push(library);
  await library.open(workspace.root);
  const { handlers: main, workspace: id } = workspace.scoped({ emit, identities, library, open });
  const api = main as unknown as DocumentApi;
  const clients = ['window-one', 'window-two'] as const;
  const timers = [new ManualTimers(), new ManualTimers()] as const;
  const [one, two] = [
    newStore(asClient(api, clients[0]), timers[0], id),
    newStore(asClient(api, clients[1]), timers[1], id),
  ];
  windows.push(one, two);
  return {
    main,
    id,
    one,
    two,
    timers,
    open,
    changedOnDisk: (file: string) => library.pathsChanged([path.join(workspace.root, file)]),
    releaseWindow: (index: 0 | 1) => open.release(clients[index]),
    holdEvents: (index: 0 | 1) => void (inFlight[index] = []),
    deliverEvents: (index: 0 | 1) => {
      const delivery = inFlight[index] ?? [];
      inFlight[index] = null;
      for (const deliverOne of delivery) deliverOne();
    },
  };
}

describe('one article open in two windows', () => {
  it('renamed in one window, the other follows: its document takes the new path and saves its unsaved words there', async () => {
    const { main, id, one, two, timers } = await twoWindows();
    await one.open('a.md');
    const elsewhere = await two.open('a.md');
    type(elsewhere, '另一个窗口的新段落。');

    await one.rename(
      'a.md',
      async () =>
        (await main['article.rename']({ workspace: id, path: 'a.md', name: 'a-renamed' })).path,
    );

    expect(elsewhere.info).toMatchObject({ path: 'a-renamed.md', status: 'dirty' });
    expect(elsewhere.text()).toBe('# A\n\n甲。\n另一个窗口的新段落。');
    expect(two.byPath('a-renamed.md')).toBe(elsewhere);
    timers[1].fire(autosaveDelayMs);
    await elsewhere.settled();
    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(onDisk('a-renamed.md')).toBe('# A\n\n甲。\n另一个窗口的新段落。');
    expect(elsewhere.info.status).toBe('clean');
  });

  it('trashed in one window, the other is told and keeps its unsaved words; autosave never recreates the file', async () => {
    const { main, id, one, two, timers } = await twoWindows();
    const here = await one.open('a.md');
    const elsewhere = await two.open('a.md');
    type(elsewhere, '另一个窗口的新段落。');

    await main['article.trash']({ workspace: id, path: 'a.md' });
    // The window that trashed it closes its clean tab, as the library's trash action does.
    one.close(here.id);

    await vi.waitFor(() => expect(elsewhere.info.status).toBe('deleted'));
    timers[1].fire(autosaveDelayMs);
    await elsewhere.settled();
    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(elsewhere.text()).toBe('# A\n\n甲。\n另一个窗口的新段落。');
    expect(elsewhere.dirty).toBe(true);
  });

  it('a save sent before the window heard of a trash in another is refused; the words stay and "save it again" puts the file back', async () => {
    const { main, id, one, two, holdEvents, deliverEvents } = await twoWindows();
    const here = await one.open('a.md');
    const elsewhere = await two.open('a.md');
    type(elsewhere, '另一个窗口的新段落。');

    // The trash notice is still on its way to the second window when it saves.
    holdEvents(1);
    await main['article.trash']({ workspace: id, path: 'a.md' });
    one.close(here.id);
    expect(await elsewhere.save()).toMatchObject({ status: 'error', code: 'missing-on-disk' });
    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(elsewhere.info).toMatchObject({ status: 'deleted', saveError: null });
    expect(elsewhere.text()).toBe('# A\n\n甲。\n另一个窗口的新段落。');
    deliverEvents(1);
    expect(elsewhere.info.status).toBe('deleted');

    // The writer chooses to keep the article after all.
    expect(await elsewhere.save()).toMatchObject({ status: 'saved' });
    expect(onDisk('a.md')).toBe('# A\n\n甲。\n另一个窗口的新段落。');
    expect(elsewhere.info.status).toBe('clean');
  });

  it('a save of a file deleted outside Byline, sent before the window heard, is refused and keeps the words', async () => {
    const { one } = await twoWindows();
    const doc = await one.open('a.md');
    type(doc, '新段落。');
    // Deleted by another program; the watcher's notice has not reached the window yet.
    rmSync(path.join(workspace.root, 'a.md'));

    expect(await doc.save()).toMatchObject({ status: 'error', code: 'missing-on-disk' });
    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(doc.info.status).toBe('deleted');
    expect(doc.dirty).toBe(true);
  });

  it('closed in one window, the other still hears its file changed on disk and takes the new text', async () => {
    const { one, two, changedOnDisk } = await twoWindows();
    const here = await one.open('a.md');
    const elsewhere = await two.open('a.md');
    one.close(here.id);

    // Another program (git pull, a colleague's sync) rewrites the file.
    writeFileSync(path.join(workspace.root, 'a.md'), '# A\n\n编辑部改过的版本。\n');
    await changedOnDisk('a.md');

    await vi.waitFor(() => expect(elsewhere.text()).toBe('# A\n\n编辑部改过的版本。\n'));
    expect(elsewhere.info.status).toBe('clean');
  });

  it('closed in one window, the other with unsaved words hears of a delete on disk; autosave never recreates the file', async () => {
    const { one, two, timers, changedOnDisk } = await twoWindows();
    const here = await one.open('a.md');
    const elsewhere = await two.open('a.md');
    type(elsewhere, '另一个窗口的新段落。');
    one.close(here.id);

    rmSync(path.join(workspace.root, 'a.md'));
    await changedOnDisk('a.md');

    await vi.waitFor(() => expect(elsewhere.info.status).toBe('deleted'));
    timers[1].fire(autosaveDelayMs);
    await elsewhere.settled();
    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(elsewhere.text()).toBe('# A\n\n甲。\n另一个窗口的新段落。');
  });

  it('a save sent before the window heard of a rename in another writes the new file, never recreating the old one', async () => {
    const { main, id, one, two, holdEvents, deliverEvents } = await twoWindows();
    await one.open('a.md');
    const elsewhere = await two.open('a.md');
    type(elsewhere, '另一个窗口的新段落。');

    // The rename's article.moved is still on its way to the second window when it saves.
    holdEvents(1);
    await one.rename(
      'a.md',
      async () =>
        (await main['article.rename']({ workspace: id, path: 'a.md', name: 'a-renamed' })).path,
    );
    expect(await elsewhere.save()).toMatchObject({ status: 'saved' });
    deliverEvents(1);

    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(onDisk('a-renamed.md')).toBe('# A\n\n甲。\n另一个窗口的新段落。');
    expect(elsewhere.info).toMatchObject({ path: 'a-renamed.md', status: 'clean' });
  });

  it('such a save of a version older than the renamed file is a conflict there, and overwrites nothing', async () => {
    const { main, id, one, two, holdEvents } = await twoWindows();
    const here = await one.open('a.md');
    const elsewhere = await two.open('a.md');
    type(here, '第一个窗口已保存的段落。');
    await here.save();
    type(elsewhere, '另一个窗口的新段落。');

    holdEvents(1);
    await one.rename(
      'a.md',
      async () =>
        (await main['article.rename']({ workspace: id, path: 'a.md', name: 'a-renamed' })).path,
    );
    expect(await elsewhere.save()).toMatchObject({ status: 'conflict' });

    expect(existsSync(path.join(workspace.root, 'a.md'))).toBe(false);
    expect(onDisk('a-renamed.md')).toBe('# A\n\n甲。\n第一个窗口已保存的段落。');
    expect(elsewhere.text()).toBe('# A\n\n甲。\n另一个窗口的新段落。');
  });

  it('a window that went away no longer keeps the article open; one closing it twice does not close it for the other', async () => {
    const { one, two, open, releaseWindow } = await twoWindows();
    const here = await one.open('a.md');
    const elsewhere = await two.open('a.md');
    // A reload re-opens; the one close after it still leaves the article open in the other window.
    await one.reload(here.id);
    one.close(here.id);
    expect(open.has('a.md')).toBe(true);
    releaseWindow(1);
    expect(open.has('a.md')).toBe(false);
    expect(elsewhere.info.status).toBe('clean');
  });
});

describe('which article comes to the front', () => {
  /** main's API with a.md's read held until `release` is called. */
  const slowToRead = (): { api: DocumentApi; release: () => void } => {
    const api = mainApi();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = api['article.open'];
    return {
      api: {
        ...api,
        'article.open': async (input) => {
          if (input.path === 'a.md') await held;
          return open(input);
        },
      },
      release: () => release(),
    };
  };

  it('an article that takes long to read does not replace one opened after it', async () => {
    const { api, release } = slowToRead();
    const store = newStore(api);
    const a = store.open('a.md');
    await store.open('b.md');
    release();
    await a;
    expect(store.active?.path).toBe('b.md');
    expect(store.all.map((d) => d.path)).toEqual(['b.md', 'a.md']);
  });

  it('nor one the writer switched to while it was read', async () => {
    const { api, release } = slowToRead();
    const store = newStore(api);
    const c = await store.open('c.md');
    await store.open('b.md');
    const a = store.open('a.md');
    store.activate(c.id);
    release();
    await a;
    expect(store.active?.path).toBe('c.md');
  });

  it('the latest request wins, and each open or switch counts as one when it is made', async () => {
    const store = newStore(mainApi());
    expect(store.activationRequests).toBe(0);
    const a = store.open('a.md');
    expect(store.activationRequests).toBe(1);
    await a;
    await store.open('b.md', { activate: false });
    expect(store.activationRequests).toBe(1);
    expect(store.active?.path).toBe('a.md');
    await store.open('b.md');
    expect(store.active?.path).toBe('b.md');
    expect(store.activationRequests).toBe(2);
  });
});
