import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaveResult } from '../../shared/ipc/contract';
import { hexDump } from './historyBytes';
import {
  historyTexts,
  openAndSave,
  openTempWorkspace,
  type TempWorkspace,
} from './testing/tempWorkspace';

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('foreign', { 'a.md': 'pre-Byline original\n' });
});
afterEach(() => workspace.close());

const file = (): string => path.join(workspace.root, 'a.md');
// Not UTF-8, and 0xFF starts no character in GB18030 or Big5: no encoding Byline reads.
const unreadable = Buffer.concat([
  Buffer.from('colleague wrote '),
  Buffer.from([0xff, 0xfe, 0xff, 0xff]),
  Buffer.from('\n'),
]);

describe('every write over a version Byline did not write keeps that version first', () => {
  it('"keep my version" after a conflict snapshots the colleague\'s text before replacing it', async () => {
    const h = workspace.handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    writeFileSync(file(), "colleague's text\n");
    const save = (baseStamp: typeof opened.stamp): Promise<SaveResult> =>
      h['article.save']({
        path: 'a.md',
        text: 'mine\n',
        format: opened.format,
        baseStamp,
        overwrite: false,
      });
    const conflict = await save(opened.stamp);
    expect(conflict).toMatchObject({ status: 'conflict', diskText: "colleague's text\n" });
    // Keep mine: saved against the disk version just seen.
    const kept = await save(conflict.status === 'conflict' ? conflict.diskStamp : opened.stamp);
    expect(kept.status).toBe('saved');
    expect(await historyTexts(h, 'a.md')).toEqual(['mine\n', "colleague's text\n"]);
    const entries = await h['history.list']({ path: 'a.md' });
    expect(entries.map((e) => e.source)).toEqual(['byline', 'disk']);
    expect(entries[1]?.pinned).toBe(true);
  });

  it("an explicit overwrite keeps the replaced version too, and Byline's own last save is not stored twice", async () => {
    const h = workspace.handlers();
    await openAndSave(h, 'a.md', 'v2\n');
    await openAndSave(h, 'a.md', 'v3\n');
    writeFileSync(file(), 'edited elsewhere\n');
    const format = { encoding: 'utf-8', bom: false, eol: '\n' } as const;
    const result = await h['article.save']({
      path: 'a.md',
      text: 'v4\n',
      format,
      baseStamp: null,
      overwrite: true,
    });
    expect(result.status).toBe('saved');
    expect(await historyTexts(h, 'a.md')).toEqual([
      'v4\n',
      'edited elsewhere\n',
      'v3\n',
      'v2\n',
      'pre-Byline original\n',
    ]);
  });
});

describe('a version on disk that Byline cannot decode', () => {
  it('is never presented as empty text: a distinct conflict, kept in History as bytes', async () => {
    const h = workspace.handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    writeFileSync(file(), unreadable);
    const result = await h['article.save']({
      path: 'a.md',
      text: 'mine\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result).toMatchObject({ status: 'conflict-unreadable', code: 'unreadable-on-disk' });
    expect(result).not.toHaveProperty('diskText');
    expect(readFileSync(file()).equals(unreadable)).toBe(true);
    const [entry] = await h['history.list']({ path: 'a.md' });
    expect(entry).toMatchObject({ readable: false, source: 'disk', size: unreadable.length });
    const id = entry?.id ?? '';
    await expect(h['history.read']({ path: 'a.md', id })).rejects.toMatchObject({
      code: 'unknown-encoding',
    });
    expect(await h['history.readBytes']({ path: 'a.md', id })).toEqual(hexDump(unreadable));
    expect((await h['history.readBytes']({ path: 'a.md', id })).dump).toContain('ff fe ff ff');
    // Re-decoded with the writer's choice: the undecodable bytes are counted, not hidden.
    const asGb = await h['history.read']({ path: 'a.md', id, encoding: 'gb18030' });
    expect(asGb.text.startsWith('colleague wrote ')).toBe(true);
    expect(asGb.replaced).toBeGreaterThan(0);
  });

  it('"keep mine" saves mine as a copy, or overwrites only on request with the disk bytes kept', async () => {
    const h = workspace.handlers();
    const opened = await h['article.open']({ path: 'a.md' });
    writeFileSync(file(), unreadable);
    const copy = await h['article.saveCopy']({
      path: 'a.md',
      text: 'mine\n',
      format: opened.format,
    });
    expect(copy).toEqual({ path: 'a-mine.md' });
    expect(readFileSync(path.join(workspace.root, 'a-mine.md'), 'utf8')).toBe('mine\n');
    expect(readFileSync(file()).equals(unreadable)).toBe(true);
    const overwritten = await h['article.save']({
      path: 'a.md',
      text: 'mine\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: true,
    });
    expect(overwritten.status).toBe('saved');
    expect(readFileSync(file(), 'utf8')).toBe('mine\n');
    const entries = await h['history.list']({ path: 'a.md' });
    const kept = entries.find((e) => e.readable === false);
    expect(kept && (await h['history.readBytes']({ path: 'a.md', id: kept.id }))).toEqual(
      hexDump(unreadable),
    );
  });
});
