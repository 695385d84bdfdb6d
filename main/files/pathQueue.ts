import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyedQueue } from './keyedQueue';

/**
 * One queue per real file path for the whole process: every window and both transports save
 * through it, so a save's compare-stamp-and-write is one step that no other save of the same file
 * can interleave with. Two spellings of one file (a symlink, `a/../b.md`) share a queue.
 */
const queue = new KeyedQueue();

export async function runExclusivelyOnFile<T>(
  absolute: string,
  task: () => Promise<T>,
): Promise<T> {
  return queue.run(await realFileKey(absolute), task);
}

/** The file's real path; for a file that does not exist yet, its real folder plus its name. */
async function realFileKey(absolute: string): Promise<string> {
  try {
    return await fs.realpath(absolute);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return path.resolve(absolute);
    }
  }
}
