import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSession, pushRecent, SessionStore } from './sessionStore';

const tempDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'byline-session-'));

describe('SessionStore', () => {
  it('keeps open tabs per workspace across restarts', async () => {
    const dir = tempDir();
    const store = new SessionStore(dir);
    expect(await store.get('/ws/a')).toEqual({ openTabs: [], activeTab: null });
    await store.update('/ws/a', { openTabs: ['x.md', 'y.md'], activeTab: 'y.md' });
    await store.update('/ws/b', { openTabs: ['z.md'], activeTab: 'z.md' });
    const reopened = new SessionStore(dir);
    expect(await reopened.get('/ws/a')).toEqual({ openTabs: ['x.md', 'y.md'], activeTab: 'y.md' });
    expect(await reopened.get('/ws/b')).toEqual({ openTabs: ['z.md'], activeTab: 'z.md' });
  });

  it('remembers recent files and workspaces, newest first, and clears them', async () => {
    const dir = tempDir();
    const store = new SessionStore(dir);
    await store.addRecentFile('/ws/a/1.md');
    await store.addRecentFile('/ws/a/2.md');
    await store.addRecentFile('/ws/a/1.md');
    await store.addRecentWorkspace('/ws/a');
    await store.addRecentWorkspace('/ws/b');
    expect(await new SessionStore(dir).recentFiles()).toEqual(['/ws/a/1.md', '/ws/a/2.md']);
    expect(await new SessionStore(dir).recentWorkspaces()).toEqual(['/ws/b', '/ws/a']);
    await store.clearRecent();
    expect(await new SessionStore(dir).recentFiles()).toEqual([]);
    expect(await new SessionStore(dir).recentWorkspaces()).toEqual([]);
  });

  it('a damaged or hand-edited file never stops Byline from starting', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'session.json'),
      '{"workspaces":[{"root":"/ws","session":{"openTabs":[42]}}],"recentFiles":[1,"/ok.md"]}',
    );
    const store = new SessionStore(dir);
    expect(await store.get('/ws')).toEqual({ openTabs: [], activeTab: null });
    expect(await store.recentFiles()).toEqual(['/ok.md']);
    writeFileSync(path.join(dir, 'session.json'), 'not json');
    expect(await new SessionStore(dir).recentFiles()).toEqual([]);
    await new SessionStore(dir).addRecentFile('/new.md');
    expect(JSON.parse(readFileSync(path.join(dir, 'session.json'), 'utf8')).recentFiles).toEqual([
      '/new.md',
    ]);
  });
});

describe('helpers', () => {
  it('normalizeSession drops duplicate tabs and a dangling active tab', () => {
    expect(normalizeSession({ openTabs: ['a.md', 'b.md', 'a.md'], activeTab: 'c.md' })).toEqual({
      openTabs: ['a.md', 'b.md'],
      activeTab: 'a.md',
    });
    expect(normalizeSession({ openTabs: [], activeTab: 'c.md' })).toEqual({
      openTabs: [],
      activeTab: null,
    });
  });

  it('pushRecent moves an item to the front and caps the list', () => {
    expect(pushRecent(['a', 'b', 'c'], 'c', 3)).toEqual(['c', 'a', 'b']);
    expect(pushRecent(['a', 'b', 'c'], 'd', 3)).toEqual(['d', 'a', 'b']);
  });
});
