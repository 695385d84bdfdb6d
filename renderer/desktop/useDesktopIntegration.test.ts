import { describe, expect, it } from 'vitest';
import type { BylineApi, PickResult } from '../../shared/ipc/contract';
import {
  dirtyDocuments,
  dirtyKey,
  pickPath,
  restoreSession,
  tabsToRestore,
  workspaceRelative,
} from './useDesktopIntegration';
import { desktopEn, desktopZh } from './strings';

const tabs = [
  { path: 'posts/a.md', title: 'A', dirty: false },
  { path: 'posts/b.md', title: '乙', dirty: true },
];

describe('dirty documents for the close guard', () => {
  it('lists the unsaved tabs in order, with a key that changes only when that list does', () => {
    expect(dirtyDocuments(tabs)).toEqual([{ path: 'posts/b.md', title: '乙' }]);
    expect(dirtyKey(tabs)).toBe(dirtyKey([{ ...tabs[0]!, title: 'renamed' }, tabs[1]!]));
    expect(dirtyKey(tabs)).not.toBe(dirtyKey([tabs[0]!, { ...tabs[1]!, dirty: false }]));
  });
});

describe('pickPath', () => {
  const answer = (result: PickResult) => async (): Promise<PickResult> => result;

  it('uses the native dialog where there is one', async () => {
    expect(await pickPath(answer({ status: 'picked', path: '/ws' }), () => 'typed')).toBe('/ws');
    expect(await pickPath(answer({ status: 'canceled' }), () => 'typed')).toBeNull();
  });

  it('browser mode: asks for a typed path, and an empty answer cancels', async () => {
    expect(await pickPath(answer({ status: 'unavailable' }), () => '  /home/li/site  ')).toBe(
      '/home/li/site',
    );
    expect(await pickPath(answer({ status: 'unavailable' }), () => '   ')).toBeNull();
    expect(await pickPath(answer({ status: 'unavailable' }), () => null)).toBeNull();
  });
});

describe('tabsToRestore', () => {
  const entries = [{ path: 'welcome.md' }, { path: 'posts/a.md' }, { path: 'posts/b.md' }];

  it('reopens last time’s tabs with the active one opened last', () => {
    expect(
      tabsToRestore(
        { openTabs: ['posts/a.md', 'posts/b.md', 'welcome.md'], activeTab: 'posts/b.md' },
        entries,
      ),
    ).toEqual(['posts/a.md', 'welcome.md', 'posts/b.md']);
  });

  it('drops articles that are gone, keeps one the OS asked for, falls back to the welcome article', () => {
    expect(
      tabsToRestore({ openTabs: ['gone.md', 'posts/a.md'], activeTab: 'gone.md' }, entries),
    ).toEqual(['posts/a.md', 'gone.md']);
    expect(tabsToRestore({ openTabs: ['gone.md'], activeTab: null }, entries)).toEqual([
      'welcome.md',
    ]);
    expect(tabsToRestore({ openTabs: [], activeTab: null }, [{ path: 'x.md' }])).toEqual(['x.md']);
    expect(tabsToRestore({ openTabs: [], activeTab: null }, [])).toEqual([]);
  });
});

describe('restoreSession', () => {
  const entries = [{ path: 'welcome.md' }, { path: 'posts/a.md' }, { path: 'posts/b.md' }];
  const savedSession = (): BylineApi =>
    ({
      'session.get': async () => ({
        openTabs: ['posts/a.md', 'posts/b.md', 'welcome.md'],
        activeTab: 'welcome.md',
      }),
    }) as unknown as BylineApi;

  /** A window whose opens count as the store's do, and finish when the test says. */
  const fakeWindow = () => {
    let requests = 0;
    const opened: string[] = [];
    const pending: (() => void)[] = [];
    return {
      opened,
      requests: () => requests,
      open: (path: string): Promise<void> => {
        requests++;
        return new Promise<void>((resolve) =>
          pending.push(() => {
            opened.push(path);
            resolve();
          }),
        );
      },
      finishNext: async () => {
        pending.shift()?.();
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
  };

  it('opens last time’s tabs one after the other', async () => {
    const w = fakeWindow();
    const restoring = restoreSession(savedSession(), entries, w.open, w.requests);
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await w.finishNext();
    }
    await restoring;
    expect(w.opened).toEqual(['posts/a.md', 'posts/b.md', 'welcome.md']);
  });

  it('steps aside when the writer opens an article first, or while a tab is restored', async () => {
    const before = fakeWindow();
    void before.open('posts/b.md');
    await restoreSession(savedSession(), entries, before.open, before.requests);
    expect(before.requests()).toBe(1);

    const during = fakeWindow();
    const restoring = restoreSession(savedSession(), entries, during.open, during.requests);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(during.requests()).toBe(1);
    void during.open('posts/b.md');
    await during.finishNext();
    await restoring;
    // The restore's first tab finished; nothing more was restored after the writer's request.
    expect(during.requests()).toBe(2);
    expect(during.opened).toEqual(['posts/a.md']);
  });
});

describe('desktop strings', () => {
  it('exist in both languages', () => {
    expect(Object.keys(desktopZh).sort()).toEqual(Object.keys(desktopEn).sort());
  });
});

describe('workspaceRelative (Save As)', () => {
  it('accepts Markdown files inside the workspace, absolute or relative', () => {
    expect(workspaceRelative('/home/li/ws/posts/copy.md', '/home/li/ws')).toBe('posts/copy.md');
    expect(workspaceRelative('C:\\Users\\li\\WS\\a.markdown', 'C:\\Users\\li\\ws')).toBe(
      'a.markdown',
    );
    expect(workspaceRelative('posts/new.md', '/home/li/ws')).toBe('posts/new.md');
    expect(workspaceRelative('./new.md', '/home/li/ws/')).toBe('new.md');
  });

  it('refuses paths outside the workspace, escapes and other file types', () => {
    expect(workspaceRelative('/home/li/wsx/a.md', '/home/li/ws')).toBeNull();
    expect(workspaceRelative('/tmp/a.md', '/home/li/ws')).toBeNull();
    expect(workspaceRelative('../a.md', '/home/li/ws')).toBeNull();
    expect(workspaceRelative('posts/a.txt', '/home/li/ws')).toBeNull();
    expect(workspaceRelative('', '/home/li/ws')).toBeNull();
  });
});
