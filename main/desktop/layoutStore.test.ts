import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LayoutStore } from './layoutStore';

const layout = {
  libraryWidth: 240,
  sideWidth: 420,
  openPanels: ['references'],
  activePanel: 'references',
};

describe('LayoutStore', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-layout-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one layout per workspace, across instances', async () => {
    const dataDir = tempDir();
    const store = new LayoutStore(dataDir);
    expect(await store.get('/ws/a')).toBeNull();
    await store.update('/ws/a', layout);
    await store.update('/ws/b', { ...layout, openPanels: [], activePanel: null });

    const reopened = new LayoutStore(dataDir);
    expect(await reopened.get('/ws/a')).toEqual(layout);
    expect(await reopened.get('/ws/b')).toEqual({ ...layout, openPanels: [], activePanel: null });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'layout.json'), 'utf8'))).toMatchObject({
      workspaces: [{ root: '/ws/b' }, { root: '/ws/a' }],
    });
  });

  it('treats a damaged or foreign file as no layout saved', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'layout.json'), '{"workspaces":[{"root":"/ws","layout":7}]}');
    expect(await new LayoutStore(dataDir).get('/ws')).toBeNull();
    writeFileSync(path.join(dataDir, 'layout.json'), 'not json');
    const store = new LayoutStore(dataDir);
    expect(await store.get('/ws')).toBeNull();
    await store.update('/ws', layout);
    expect(await new LayoutStore(dataDir).get('/ws')).toEqual(layout);
  });
});
