import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceWatcher } from './workspaceWatcher';

let root: string;
let watcher: WorkspaceWatcher | null;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'byline-watch-'));
  for (const folder of ['posts', 'node_modules/pkg', '.git'])
    mkdirSync(path.join(root, folder), { recursive: true });
  watcher = null;
});
afterEach(() => {
  watcher?.close();
  rmSync(root, { recursive: true, force: true });
});

async function collect(
  platform: NodeJS.Platform,
  folders: string[],
  act: () => void,
): Promise<string[]> {
  const seen: string[] = [];
  let resolveSeen: () => void = () => {};
  const done = new Promise<void>((resolve) => (resolveSeen = resolve));
  watcher = new WorkspaceWatcher(root, {
    platform,
    batchMs: 20,
    onChange: (paths) => {
      seen.push(...paths.map((p) => path.relative(root, p).split(path.sep).join('/')));
      if (seen.includes('posts/last.md')) resolveSeen();
    },
  });
  watcher.start(folders.map((f) => path.join(root, f)));
  act();
  await done;
  return seen;
}

describe('WorkspaceWatcher', () => {
  const act = (): void => {
    writeFileSync(path.join(root, 'node_modules/pkg/readme.md'), 'x');
    writeFileSync(path.join(root, '.git/HEAD'), 'x');
    writeFileSync(path.join(root, 'posts/.a.md.1234.byline-tmp'), 'x');
    writeFileSync(path.join(root, 'posts/a.md'), 'x');
    writeFileSync(path.join(root, 'posts/last.md'), 'x');
  };

  it('Linux: one watch per indexed folder, reporting article changes only there', async () => {
    const seen = await collect('linux', ['', 'posts'], act);
    expect(watcher?.watchCount).toBe(2);
    expect([...new Set(seen)].sort()).toEqual(['posts/a.md', 'posts/last.md']);
  });

  it('macOS/Windows: one recursive watch on the root, with skipped folders and temp files filtered out', async () => {
    const seen = await collect('darwin', ['', 'posts'], act);
    expect(watcher?.watchCount).toBe(1);
    expect([...new Set(seen)].filter((p) => p !== 'posts').sort()).toEqual([
      'posts/a.md',
      'posts/last.md',
    ]);
  });
});
