// An open UTF-8 article that another program rewrites as a short Big5 text: 謝謝 is C1C2 C1C2,
// which GB18030 reads as 谅谅. The document layer over main's real file handlers never picks a
// reading itself: the writer chooses, as when opening such a file.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempWorkspace, type TempWorkspace } from '../../main/files/testing/tempWorkspace';
import type { EncodingCandidate, FileStamp, TextEncodingName } from '../../shared/ipc/contract';
import { diskEncodingUndecided } from '../../renderer/document/articleDocument';
import type { DocumentStore } from '../../renderer/document/documentStore';
import { autosaveDelayMs } from '../../renderer/document/documentStore';
import { mainApiOf, newStore, typeAtEnd } from './support/documentStoreHarness';
import { ManualTimers } from './support/manualTimers';

/** Made by Python's cp950 codec (tests/fixtures/encodings/README.md): `'謝謝\n'.encode('cp950')`. */
const big5Thanks = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/encodings/big5-short.md'),
);
const utf8Article = '# A\n\n甲。\n';
/** A stamp no version of the file has: main's notice that it changed. */
const changedStamp: FileStamp = { size: 5, mtimeMs: 1, hash: 'changed-on-disk' };

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('ambiguous-disk', { 'a.md': utf8Article });
});
afterEach(() => workspace.close());

const bytesOnDisk = (): Buffer => readFileSync(path.join(workspace.root, 'a.md'));
const colleagueWritesBig5 = (): void =>
  writeFileSync(path.join(workspace.root, 'a.md'), big5Thanks);

/** A store whose encoding dialog answers `answer` and records what it was shown. */
function storeChoosing(answer: TextEncodingName | null, timers = new ManualTimers()) {
  const store: DocumentStore = newStore(mainApiOf(workspace), timers);
  const asked: EncodingCandidate[][] = [];
  store.setEncodingChooser(async (_path, candidates) => {
    asked.push(candidates);
    return answer;
  });
  return { store, asked };
}

describe('a file rewritten on disk in bytes that fit Big5 and GB18030', () => {
  it('the fixture is the ambiguous case: Big5 謝謝 and GB18030 谅谅', () => {
    expect(big5Thanks.toString('hex')).toBe('c1c2c1c20a');
    expect(iconv.decode(big5Thanks, 'big5')).toBe('謝謝\n');
    expect(iconv.decode(big5Thanks, 'gb18030')).toBe('谅谅\n');
  });

  it('a clean buffer asks how to read it, takes the chosen reading and saves back in Big5', async () => {
    const { store, asked } = storeChoosing('big5');
    const doc = await store.open('a.md');
    colleagueWritesBig5();

    store.diskChanged('temp-workspace', 'a.md', changedStamp);
    await expect.poll(() => doc.text()).toBe('謝謝\n');

    expect(asked.map((c) => c.map((one) => one.encoding).sort())).toEqual([['big5', 'gb18030']]);
    expect(doc.info.status).toBe('clean');
    expect(doc.info.format.encoding).toBe('big5');
    typeAtEnd(doc, '你');
    expect(await doc.save()).toMatchObject({ status: 'saved' });
    expect(bytesOnDisk().toString('hex')).toBe('c1c2c1c20aa741');
  });

  it('a clean buffer whose writer chooses no reading keeps its text, does not claim the file, and never autosaves over it', async () => {
    const timers = new ManualTimers();
    const { store } = storeChoosing(null, timers);
    const doc = await store.open('a.md');
    colleagueWritesBig5();

    store.diskChanged('temp-workspace', 'a.md', changedStamp);
    await expect.poll(() => doc.info.saveError?.code).toBe(diskEncodingUndecided);

    expect(doc.text()).toBe(utf8Article);
    typeAtEnd(doc, '乙');
    expect(doc.autosavePending).toBe(false);
    timers.fire(autosaveDelayMs);
    await doc.settled();
    expect(bytesOnDisk().equals(big5Thanks)).toBe(true);

    // Asked again (the banner's "Choose how to read it…"), the writer picks Big5: a conflict now,
    // because the buffer has words of its own.
    store.setEncodingChooser(async () => 'big5');
    await doc.chooseDiskEncoding();
    expect(doc.info.saveError).toBeNull();
    expect(doc.info.conflict).toMatchObject({ diskText: '謝謝\n' });
    expect(doc.text()).toBe(`${utf8Article}乙`);
  });

  it('a save of unsaved words asks how to read the disk version; taking it keeps the file Big5', async () => {
    const { store, asked } = storeChoosing('big5');
    const doc = await store.open('a.md');
    typeAtEnd(doc, '我的字');
    colleagueWritesBig5();

    expect(await doc.save()).toEqual({ status: 'conflict' });

    expect(asked).toHaveLength(1);
    expect(bytesOnDisk().equals(big5Thanks)).toBe(true);
    expect(doc.text()).toBe(`${utf8Article}我的字`);
    expect(doc.info.conflict).toMatchObject({
      diskText: '謝謝\n',
      diskFormat: { encoding: 'big5' },
    });

    doc.takeDisk();
    expect(doc.text()).toBe('謝謝\n');
    expect(doc.info.status).toBe('clean');
    expect(doc.info.format.encoding).toBe('big5');
    typeAtEnd(doc, '你');
    expect(await doc.save()).toMatchObject({ status: 'saved' });
    expect(bytesOnDisk().toString('hex')).toBe('c1c2c1c20aa741');
  });

  it('a save whose writer chooses no reading keeps their words and the file; only an overwrite on purpose replaces it', async () => {
    const timers = new ManualTimers();
    const { store } = storeChoosing(null, timers);
    const doc = await store.open('a.md');
    typeAtEnd(doc, '我的字');
    colleagueWritesBig5();

    expect(await doc.save()).toEqual({ status: 'conflict' });

    expect(doc.info.saveError?.code).toBe(diskEncodingUndecided);
    expect(doc.info.conflict).toBeNull();
    expect(doc.text()).toBe(`${utf8Article}我的字`);
    timers.fire(autosaveDelayMs);
    await doc.settled();
    expect(bytesOnDisk().equals(big5Thanks)).toBe(true);

    expect(await doc.save({ overwrite: true })).toMatchObject({ status: 'saved' });
    expect(bytesOnDisk().toString('utf8')).toBe(`${utf8Article}我的字`);
  });
});
