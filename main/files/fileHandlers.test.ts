import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceIdentities } from '../workspace/workspaceIdentities';
import { createFileHandlers } from './fileHandlers';
import { OpenArticles } from './openArticles';
import { inWorkspace, openTempWorkspace, type TempWorkspace } from './testing/tempWorkspace';

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('handlers', { 'a.md': 'original\n' });
});
afterEach(() => workspace.close());

const handlers = (): ReturnType<TempWorkspace['handlers']> => workspace.handlers();

describe('file handlers', () => {
  it('a save snapshots the replaced and the new version and clears the journal', async () => {
    const h = handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    await h['journal.write']({
      path: 'a.md',
      format: opened.format,
      baseStamp: opened.stamp,
      stream: 'tab-1',
      revision: 1,
      content: { text: 'edited\n' },
    });
    expect((await h['journal.list']()).map((e) => e.text)).toEqual(['edited\n']);
    const saved = await h['article.save']({
      path: 'a.md',
      text: 'edited\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(saved.status).toBe('saved');
    expect(await h['journal.list']()).toEqual([]);
    const versions = await h['history.list']({ path: 'a.md' });
    const texts = await Promise.all(
      versions.map(async (v) => (await h['history.read']({ path: 'a.md', id: v.id })).text),
    );
    expect(texts).toEqual(['edited\n', 'original\n']);
  });

  it('journal writes carry only the changes once main has the buffer text', async () => {
    const h = handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    const { format, stamp: baseStamp } = opened;
    await h['journal.base']({ path: 'a.md', stream: 'tab-1', revision: 0, text: 'original\n' });
    // 'original\n' -> 'original, edited\n' as CodeMirror's ChangeSet JSON: keep 8, insert, keep 1.
    const insert = {
      path: 'a.md',
      format,
      baseStamp,
      stream: 'tab-1',
      revision: 1,
      content: { baseRevision: 0, changes: [8, [0, ', edited'], 1] },
    };
    expect(await h['journal.write'](insert)).toEqual({ status: 'written' });
    expect((await h['journal.list']()).map((e) => e.text)).toEqual(['original, edited\n']);
    // Another buffer, a gap in revisions or changes that do not fit: main asks for the text.
    expect(await h['journal.write']({ ...insert, stream: 'tab-2' })).toEqual({
      status: 'needsText',
    });
    expect(
      await h['journal.write']({
        ...insert,
        revision: 3,
        content: { baseRevision: 2, changes: [1] },
      }),
    ).toEqual({ status: 'needsText' });
    expect(
      await h['journal.write']({
        ...insert,
        revision: 2,
        content: { baseRevision: 1, changes: [3, [0, 'x']] },
      }),
    ).toEqual({ status: 'needsText' });
    expect((await h['journal.list']()).map((e) => e.text)).toEqual(['original, edited\n']);
    // The whole text starts the stream over.
    expect(
      await h['journal.write']({ ...insert, revision: 7, content: { text: 'new start\n' } }),
    ).toEqual({ status: 'written' });
    expect(
      await h['journal.write']({
        ...insert,
        revision: 8,
        content: { baseRevision: 7, changes: [[3, 'next'], 7] },
      }),
    ).toEqual({ status: 'written' });
    expect((await h['journal.list']()).map((e) => e.text)).toEqual(['next start\n']);
  });

  it('offers the unsaved words of a workspace moved after a crash, where they still fit', async () => {
    writeFileSync(path.join(workspace.root, 'b.md'), 'b before\n');
    const h = handlers();
    const journal = async (file: string, stream: string, text: string) => {
      const { format, stamp } = await h['article.open']({ path: file });
      await h['journal.write']({
        path: file,
        format,
        baseStamp: stamp,
        stream,
        revision: 1,
        content: { text },
      });
      return format;
    };
    const format = await journal('a.md', 'tab-a', 'original, unsaved\n');
    await journal('b.md', 'tab-b', 'b before, unsaved\n');
    await h['journal.write']({
      path: '无题.md',
      format,
      baseStamp: null,
      stream: 'tab-new',
      revision: 1,
      untitled: true,
      content: { text: '无题稿件\n' },
    });
    // The crash; then b.md changes (a sync from another machine) and the folder is renamed.
    writeFileSync(path.join(workspace.root, 'b.md'), 'b changed elsewhere\n');
    const moved = `${workspace.root}-renamed`;
    renameSync(workspace.root, moved);
    const identities = new WorkspaceIdentities();
    const restarted = inWorkspace(
      createFileHandlers({
        dataDir: workspace.dataDir,
        identities,
        currentRoot: () => moved,
        library: workspace.library,
        open: new OpenArticles(),
      }),
      identities.workspace(moved).id,
    );
    // a.md is the version the words were typed on; b.md is not, so its words are not forced on it.
    expect((await restarted['journal.list']()).map((e) => [e.path, e.text]).sort()).toEqual([
      ['a.md', 'original, unsaved\n'],
      ['无题.md', '无题稿件\n'],
    ]);
  });

  it('does not offer journal entries whose text is already on disk', async () => {
    const h = handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    await h['journal.write']({
      path: 'a.md',
      format: opened.format,
      baseStamp: opened.stamp,
      stream: 'tab-1',
      revision: 2,
      content: { text: 'original\n' },
    });
    expect(await h['journal.list']()).toEqual([]);
    await h['journal.write']({
      path: 'a.md',
      format: opened.format,
      baseStamp: opened.stamp,
      stream: 'tab-1',
      revision: 3,
      content: { text: 'different\n' },
    });
    expect((await h['journal.list']()).map((e) => e.text)).toEqual(['different\n']);
  });

  it('a rename carries history and journal along', async () => {
    const h = handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    await h['article.save']({
      path: 'a.md',
      text: 'v2\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    await h['journal.write']({
      path: 'a.md',
      format: opened.format,
      baseStamp: null,
      stream: 'tab-1',
      revision: 4,
      content: { text: 'v3 unsaved\n' },
    });
    const { path: renamed } = await h['article.rename']({ path: 'a.md', name: 'b' });
    expect(renamed).toBe('b.md');
    expect(readFileSync(path.join(workspace.root, 'b.md'), 'utf8')).toBe('v2\n');
    expect((await h['history.list']({ path: 'b.md' })).length).toBe(2);
    expect((await h['journal.list']()).map((e) => [e.path, e.text])).toEqual([
      ['b.md', 'v3 unsaved\n'],
    ]);
  });

  it('browser mode trashes into the workspace and restores', async () => {
    const h = handlers();
    expect(await h['article.trash']({ path: 'a.md' })).toEqual({
      restorable: true,
      id: expect.any(String),
    });
    const listing = await h['trash.list']();
    expect(listing.canRestore).toBe(true);
    expect(await h['trash.restore']({ id: listing.items[0]?.id ?? '' })).toEqual({ path: 'a.md' });
    expect(readFileSync(path.join(workspace.root, 'a.md'), 'utf8')).toBe('original\n');
  });

  it('writes, moves and trashes only articles: never .git, .byline or another kind of file', async () => {
    const config = '[core]\n\tbare = false\n';
    const planted = await openTempWorkspace('handlers-planted', {
      'a.md': 'original\n',
      '.git/config': config,
      'posts/run.sh': 'echo hi\n',
      '.byline/trash/planted/meta.json': JSON.stringify({
        path: '.git/hooks/pre-commit',
        itemName: 'pre-commit',
        deletedAt: 1,
        bundle: false,
      }),
      '.byline/trash/planted/pre-commit': '#!/bin/sh\necho owned\n',
    });
    try {
      const h = planted.handlers();
      const opened = await h['article.open']({ path: 'a.md' });
      const write = (target: string) =>
        h['article.save']({
          path: target,
          text: '[core]\n\tfsmonitor = echo owned\n',
          format: opened.format,
          baseStamp: null,
          overwrite: true,
        });
      for (const target of ['.git/config', '.git/hooks/pre-commit.md', '.byline/export.json'])
        await expect(write(target)).rejects.toMatchObject({ code: 'not-an-article' });
      await expect(write('posts/run.sh')).rejects.toMatchObject({ code: 'not-an-article' });
      await expect(
        h['article.saveCopy']({ path: '.git/config', text: 'x', format: opened.format }),
      ).rejects.toMatchObject({ code: 'not-an-article' });
      await expect(h['article.rename']({ path: '.git/config', name: 'x' })).rejects.toMatchObject({
        code: 'not-an-article',
      });
      await expect(h['article.duplicate']({ path: '.git/config' })).rejects.toMatchObject({
        code: 'not-an-article',
      });
      await expect(h['article.trash']({ path: '.git/config' })).rejects.toMatchObject({
        code: 'not-an-article',
      });
      await expect(h['trash.restore']({ id: 'planted' })).rejects.toMatchObject({
        code: 'not-an-article',
      });
      expect(readFileSync(path.join(planted.root, '.git/config'), 'utf8')).toBe(config);
      expect(existsSync(path.join(planted.root, '.git/hooks/pre-commit'))).toBe(false);
      expect(readFileSync(path.join(planted.root, 'posts/run.sh'), 'utf8')).toBe('echo hi\n');
      // Articles themselves, any of Byline's extensions, still save.
      expect((await write('posts/new.markdown')).status).toBe('saved');
    } finally {
      await planted.close();
    }
  });
});
