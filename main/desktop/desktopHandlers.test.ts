import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../shared/ipc/contract';
import { createDesktopHandlers } from './desktopHandlers';
import { SessionStore } from './sessionStore';

function setup() {
  const base = mkdtempSync(path.join(os.tmpdir(), 'byline-desktop-'));
  for (const file of ['ws/posts/a.md', 'site/hugo.toml', 'site/content/b.md', 'loose/c.md']) {
    mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
    writeFileSync(path.join(base, file), '# x\n');
  }
  let root = path.join(base, 'ws');
  const opened: string[] = [];
  const info = (): WorkspaceInfo => ({ id: 'ws', root, name: path.basename(root), recent: [] });
  const granted: string[] = [];
  const handlers = createDesktopHandlers({
    session: new SessionStore(path.join(base, 'data')),
    workspaceRoot: () => root,
    workspaceInfo: info,
    grantFile: (absolute) => {
      granted.push(absolute);
      return { id: `grant${granted.length}` };
    },
    openWorkspace: async (next) => {
      opened.push(next);
      root = next;
      return info();
    },
  });
  return { base, handlers, opened, granted };
}

describe('desktop handlers (browser-mode answers)', () => {
  it('has no native dialogs: the renderer is told to ask for a path itself', async () => {
    const { handlers } = setup();
    expect(await handlers['dialog.pickFolder']({})).toEqual({ status: 'unavailable' });
    expect(await handlers['dialog.pickFile']({})).toEqual({ status: 'unavailable' });
    expect(await handlers['dialog.saveAs']({ kind: 'markdown' })).toEqual({
      status: 'unavailable',
    });
  });

  it('workspace.openPath: an article of the current workspace opens without switching', async () => {
    const { base, handlers, opened } = setup();
    const result = await handlers['workspace.openPath']({ path: path.join(base, 'ws/posts/a.md') });
    expect(result).toMatchObject({
      workspace: { root: path.join(base, 'ws') },
      article: 'posts/a.md',
    });
    expect(opened).toEqual([]);
  });

  it('workspace.openPath: an article outside the workspace opens on its own under a one-file grant', async () => {
    const { base, handlers, opened, granted } = setup();
    const file = path.join(base, 'site/content/b.md');
    expect(await handlers['workspace.openPath']({ path: file })).toEqual({
      workspace: { id: 'ws', root: path.join(base, 'ws'), name: 'ws', recent: [] },
      article: null,
      standalone: { workspace: 'grant1', path: 'b.md', location: file },
    });
    expect(granted).toEqual([file]);
    // The workspace stays, and so does its session.
    expect(opened).toEqual([]);
    expect(await handlers['session.get']()).toEqual({ openTabs: [], activeTab: null });
  });

  it('workspace.openPath: a folder switches the workspace to it', async () => {
    const { base, handlers, opened } = setup();
    expect(await handlers['workspace.openPath']({ path: path.join(base, 'loose') })).toMatchObject({
      workspace: { root: path.join(base, 'loose') },
      article: null,
      standalone: null,
    });
    expect(opened).toEqual([path.join(base, 'loose')]);
  });

  it('workspace.openPath refuses what it cannot open with a readable message', async () => {
    const { base, handlers } = setup();
    await expect(
      handlers['workspace.openPath']({ path: path.join(base, 'site/hugo.toml') }),
    ).rejects.toThrow(/neither a folder nor a Markdown file/);
  });

  it('session.get/update keep the current workspace’s tabs', async () => {
    const { handlers } = setup();
    expect(
      await handlers['session.update']({
        openTabs: ['posts/a.md', 'posts/a.md'],
        activeTab: 'posts/a.md',
      }),
    ).toEqual({
      openTabs: ['posts/a.md'],
      activeTab: 'posts/a.md',
    });
    expect(await handlers['session.get']()).toEqual({
      openTabs: ['posts/a.md'],
      activeTab: 'posts/a.md',
    });
    expect(await handlers['window.setDirtyState']({ dirty: [] })).toBeUndefined();
  });
});
