import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileStamp, RequestHandlers, SaveResult } from '../../shared/ipc/contract';
import { dispatchRequest } from '../app/dispatchRequest';
import type { FileWriter } from './atomicWrite';
import { writeFileAtomic } from './atomicWrite';
import { openTempWorkspace, type TempWorkspace } from './testing/tempWorkspace';

// tmpfs when the machine has one: a thousand fsyncs on a loaded disk prove nothing more.
const onTmpfs = { baseDir: '/dev/shm' };

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('concurrent', { 'a.md': 'base\n' }, onTmpfs);
});
afterEach(() => workspace.close());

const format = { encoding: 'utf-8', bom: false, eol: '\n' } as const;

/** Through the dispatcher both transports use (web server and Electron's ipcBridge). */
async function save(
  window: ReturnType<TempWorkspace['scoped']>,
  text: string,
  baseStamp: FileStamp,
): Promise<SaveResult> {
  // The dispatcher only looks up the requested handler; these are main's real file handlers.
  const handlers = window.handlers as unknown as RequestHandlers;
  const outcome = await dispatchRequest(handlers, 'article.save', {
    workspace: window.workspace,
    path: 'a.md',
    text,
    format,
    baseStamp,
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value as SaveResult;
}

/**
 * A slow disk: another program writes `file` after Byline's temp file is on disk and before
 * Byline renames it over the original (the writer's last moment, not a sleep).
 */
const writerOnSlowDisk =
  (file: string, theirs: string): FileWriter =>
  (target, bytes, options) =>
    writeFileAtomic(target, bytes, {
      beforeCommit: async () => {
        writeFileSync(file, theirs);
        await options?.beforeCommit?.();
      },
    });

describe('saves of one file are serialized per path', () => {
  it('1,000 pairs of simultaneous saves from one base: one saved, one conflict, disk holds the saved text', async () => {
    // Two handler sets over one workspace, like two windows: the queue is per real path, not per set.
    const windows = [workspace.scoped(), workspace.scoped()] as const;
    let base = (await workspace.handlers()['article.open']({ path: 'a.md' })).stamp;
    const pairs = 1000;
    for (let i = 0; i < pairs; i++) {
      const texts = [`left ${i}\n`, `right ${i}\n`] as const;
      const results = await Promise.all([
        save(windows[0], texts[0], base),
        save(windows[1], texts[1], base),
      ]);
      const statuses = results.map((r) => r.status).sort();
      if (statuses[0] !== 'conflict' || statuses[1] !== 'saved')
        throw new Error(`pair ${i}: ${statuses.join(', ')}`);
      const winner = results.findIndex((r) => r.status === 'saved');
      const saved = results[winner] as Extract<SaveResult, { status: 'saved' }>;
      const conflict = results[1 - winner] as Extract<SaveResult, { status: 'conflict' }>;
      const onDisk = readFileSync(path.join(workspace.root, 'a.md'), 'utf8');
      if (onDisk !== texts[winner] || conflict.diskText !== texts[winner])
        throw new Error(`pair ${i}: disk holds ${JSON.stringify(onDisk)}`);
      base = saved.stamp;
    }
    expect(readdirSync(workspace.root)).toEqual(['a.md']);
  }, 600_000);

  it('an external write landing while the temp file is written is detected, not overwritten', async () => {
    const file = path.join(workspace.root, 'a.md');
    const h = workspace.handlers({
      articleOptions: { writeFile: writerOnSlowDisk(file, 'colleague\n') },
    });
    const opened = await h['article.open']({ path: 'a.md' });
    const result = await h['article.save']({
      path: 'a.md',
      text: 'mine\n',
      format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result).toMatchObject({ status: 'conflict', diskText: 'colleague\n' });
    expect(readFileSync(file, 'utf8')).toBe('colleague\n');
    expect(readdirSync(workspace.root)).toEqual(['a.md']);
  });

  it('a file created by someone else during the save of a new file is not replaced', async () => {
    const file = path.join(workspace.root, 'new.md');
    const h = workspace.handlers({
      articleOptions: { writeFile: writerOnSlowDisk(file, 'theirs\n') },
    });
    const result = await h['article.save']({
      path: 'new.md',
      text: 'mine\n',
      format,
      baseStamp: null,
      overwrite: false,
    });
    expect(result).toMatchObject({ status: 'conflict', diskText: 'theirs\n' });
    expect(readFileSync(file, 'utf8')).toBe('theirs\n');
  });
});
