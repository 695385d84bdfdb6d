/**
 * Child process for the crash journal test: journals a growing buffer (as a writer typing would,
 * one entry per debounce) and prints "wrote <n>" after each write is on disk, until killed.
 * With `changes`, each write after the first carries only the change since the last (the
 * editor's way), so the kill lands while changes are appended to the entry's log.
 */
import { ChangeSet } from '@codemirror/state';
import { CrashJournal } from '../crashJournal';
import { journalVersion } from './journalVersions';

const [dataDir, root, mode] = process.argv.slice(2) as [string, string, string | undefined];
const journal = new CrashJournal(dataDir, () => root);
const entry = {
  stream: 'child',
  path: 'posts/未保存.md',
  format: { encoding: 'gb18030', bom: false, eol: '\r\n' },
  baseStamp: { size: 12, mtimeMs: 1732800000123.25, hash: 'abc' },
} as const;

/** The change from version n - 1 to version n, in the editor's text (lines joined by `\n`). */
function changeTo(n: number): unknown[] {
  const before = journalVersion(n - 1).replace(/\r\n/g, '\n');
  const after = journalVersion(n).replace(/\r\n/g, '\n');
  return ChangeSet.of(
    { from: before.length, insert: after.slice(before.length) },
    before.length,
  ).toJSON();
}

const run = async (): Promise<void> => {
  for (let n = 0; ; n++) {
    if (mode === 'changes' && n > 0)
      await journal.writeStream({
        ...entry,
        revision: n,
        content: { baseRevision: n - 1, changes: changeTo(n) },
      });
    else if (mode === 'changes')
      await journal.writeStream({ ...entry, revision: n, content: { text: journalVersion(n) } });
    else await journal.write({ ...entry, revision: n, text: journalVersion(n) });
    process.stdout.write(`wrote ${n}\n`);
  }
};
void run();
