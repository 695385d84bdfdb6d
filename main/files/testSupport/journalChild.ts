/**
 * Child process for the crash journal test: journals a growing buffer (as a writer typing would,
 * one entry per debounce) and prints "wrote <n>" after each write is on disk, until killed.
 */
import { CrashJournal } from '../crashJournal';
import { journalVersion } from './journalVersions';

const [dataDir, root] = process.argv.slice(2) as [string, string];
const journal = new CrashJournal(dataDir, () => root);

const run = async (): Promise<void> => {
  for (let n = 0; ; n++) {
    await journal.write({
      stream: 'child',
      revision: n,
      path: 'posts/未保存.md',
      text: journalVersion(n),
      format: { encoding: 'gb18030', bom: false, eol: '\r\n' },
      baseStamp: { size: 12, mtimeMs: 1732800000123.25, hash: 'abc' },
    });
    process.stdout.write(`wrote ${n}\n`);
  }
};
void run();
