import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canMountTmpfs } from './testing/tmpfs';
import type { EventPayload, EventSink } from '../../shared/ipc/contract';
import { openAndSave, openTempWorkspace, type TempWorkspace } from './testing/tempWorkspace';

type Warning = EventPayload<'storage.warning'>;

let workspace: TempWorkspace;
let warnings: Warning[];
const emit: EventSink = (event, payload) => {
  if (event === 'storage.warning') warnings.push(payload as Warning);
};
beforeEach(async () => {
  warnings = [];
  workspace = await openTempWorkspace('storage', {
    'a.md': 'original\n',
    'bundle/index.md': 'bundle\n',
    'bundle/photo.jpg': 'jpeg bytes',
  });
});
afterEach(() => workspace.close());

const journalWrite = (h: ReturnType<TempWorkspace['handlers']>, text: string): Promise<unknown> =>
  h['journal.write']({
    path: 'a.md',
    format: { encoding: 'utf-8', bom: false, eol: '\n' },
    baseStamp: null,
    stream: 'tab-1',
    revision: 1,
    content: { text },
  });

describe('a data folder that cannot be written is reported, never silent', () => {
  it('warns once per area, saves still succeed, and the warning clears when writing works again', async () => {
    // The data folder's place is taken by a file: every journal and history write fails.
    const blocked = path.join(path.dirname(workspace.root), 'blocked-data');
    writeFileSync(blocked, 'not a folder');
    const h = workspace.handlers({ dataDir: blocked, emit });
    await expect(journalWrite(h, 'unsaved\n')).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(journalWrite(h, 'unsaved, more\n')).rejects.toBeDefined();
    expect((await openAndSave(h, 'a.md', 'saved anyway\n')).status).toBe('saved');
    expect(readFileSync(path.join(workspace.root, 'a.md'), 'utf8')).toBe('saved anyway\n');
    expect(warnings.map((w) => [w.area, w.problem?.code])).toEqual([
      ['journal', 'ENOTDIR'],
      ['history', 'ENOTDIR'],
    ]);
    expect(warnings[0]?.problem?.message).toMatch(/Crash recovery is off/);
    rmSync(blocked);
    await journalWrite(h, 'unsaved again\n');
    expect(warnings.at(-1)).toEqual({ area: 'journal', problem: null });
  });

  it.runIf(canMountTmpfs())(
    'says the disk is full when the data folder is on a full disk',
    async () => {
      const mount = mkdtempSync(path.join(os.tmpdir(), 'byline-full-data-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mount]);
      try {
        const h = workspace.handlers({ dataDir: mount, emit });
        await expect(journalWrite(h, 'x'.repeat(64 * 1024))).rejects.toMatchObject({
          code: 'ENOSPC',
        });
        expect(warnings[0]).toMatchObject({ area: 'journal', problem: { code: 'ENOSPC' } });
        expect(warnings[0]?.problem?.message).toMatch(/disk .* is full/);
      } finally {
        execFileSync('umount', [mount]);
        rmSync(mount, { recursive: true, force: true });
      }
    },
  );
});

describe('trash across mounts', () => {
  const shm = '/dev/shm';
  const canMount = existsSync(shm) && canMountTmpfs();
  let elsewhere: string;
  let trashFolder: string;
  beforeEach(() => {
    if (!canMount) return;
    // The workspace is on the temp disk; its trash folder is a mount of a folder on tmpfs (a real
    // folder inside the workspace, not a link out, which confinement refuses): rename says EXDEV.
    elsewhere = mkdtempSync(path.join(shm, 'byline-trash-'));
    trashFolder = path.join(workspace.root, '.byline', 'trash');
    mkdirSync(trashFolder, { recursive: true });
    execFileSync('mount', ['--bind', elsewhere, trashFolder], { stdio: 'ignore' });
  });
  afterEach(() => {
    if (!canMount) return;
    execFileSync('umount', [trashFolder], { stdio: 'ignore' });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it.runIf(canMount)('copies then removes, both ways', async () => {
    const h = workspace.handlers();
    const { id } = await h['article.trash']({ path: 'bundle/index.md' });
    expect(existsSync(path.join(workspace.root, 'bundle'))).toBe(false);
    expect(readdirSync(path.join(elsewhere, id ?? '', 'bundle')).sort()).toEqual([
      'index.md',
      'photo.jpg',
    ]);
    expect(await h['trash.restore']({ id: id ?? '' })).toEqual({ path: 'bundle/index.md' });
    expect(readFileSync(path.join(workspace.root, 'bundle/photo.jpg'), 'utf8')).toBe('jpeg bytes');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it.runIf(canMount)(
    'leaves the original whole and no partial copy when the copy fails',
    async () => {
      // A named pipe cannot be copied: the copy fails part way through the bundle.
      execFileSync('mkfifo', [path.join(workspace.root, 'bundle', 'pipe')]);
      const h = workspace.handlers();
      await expect(h['article.trash']({ path: 'bundle/index.md' })).rejects.toBeDefined();
      expect(readdirSync(path.join(workspace.root, 'bundle')).sort()).toEqual([
        'index.md',
        'photo.jpg',
        'pipe',
      ]);
      expect(readFileSync(path.join(workspace.root, 'bundle/index.md'), 'utf8')).toBe('bundle\n');
      expect(readdirSync(elsewhere)).toEqual([]);
    },
  );
});
