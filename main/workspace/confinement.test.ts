import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConfined, isConfinedSync, resolveConfined } from './confinement';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-confine-'));
  root = path.join(base, 'ws');
  mkdirSync(path.join(root, 'posts'), { recursive: true });
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(base, 'outside', 'secret'), 'x');
  writeFileSync(path.join(root, 'posts', 'a.md'), 'x');
  symlinkSync(path.join(base, 'outside'), path.join(root, 'out'));
  symlinkSync(path.join(root, 'posts'), path.join(root, 'in'));
  symlinkSync(path.join(base, 'outside', 'secret'), path.join(root, 'secret.md'));
  // The workspace itself reached through a symlink: its own links still count from its real path.
  symlinkSync(root, path.join(base, 'ws-link'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('confinement by real path', () => {
  it('follows symlinks that stay inside, for existing and new paths', async () => {
    expect(await resolveConfined(root, 'in/a.md')).toBe(path.join(root, 'in', 'a.md'));
    expect(await isConfined(root, path.join(root, 'in', 'new', 'deeper.md'))).toBe(true);
    expect(await isConfined(path.join(base, 'ws-link'), path.join(root, 'posts', 'a.md'))).toBe(
      true,
    );
  });

  it('refuses folders and files that lead outside, existing or not', async () => {
    await expect(resolveConfined(root, 'out/secret')).rejects.toThrow(/symbolic link/);
    await expect(resolveConfined(root, 'out/new/file.md')).rejects.toThrow(/symbolic link/);
    await expect(resolveConfined(root, 'secret.md')).rejects.toThrow(/symbolic link/);
    await expect(resolveConfined(root, '../outside/secret')).rejects.toThrow(
      /Not a workspace path/,
    );
    expect(isConfinedSync(root, path.join(root, 'out', 'secret'))).toBe(false);
    expect(isConfinedSync(root, path.join(root, 'in', 'a.md'))).toBe(true);
  });

  it('is not fooled by a sibling folder whose name starts like the root', async () => {
    mkdirSync(path.join(base, 'ws-evil'), { recursive: true });
    expect(await isConfined(root, path.join(base, 'ws-evil', 'x'))).toBe(false);
  });
});
