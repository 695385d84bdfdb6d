import {
  closeSync,
  fsyncSync,
  openSync,
  promises as fs,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { tempFileName } from './tempName';

export interface WriteOptions {
  /**
   * Runs after the temp file is written and synced, right before it is renamed over the target.
   * Throwing cancels the write: the temp file is removed and the target keeps its bytes. Article
   * saves re-check here that nobody changed the file while the temp file was being written.
   */
  beforeCommit?: () => Promise<void>;
}

/** Writes a whole file or throws; the target then still holds its old bytes. Injectable for tests. */
export type FileWriter = (file: string, bytes: Uint8Array, options?: WriteOptions) => Promise<void>;

/** Temp files of writes in flight in this process: the temp sweep never touches them. */
export const tempFilesInFlight = new Set<string>();

/**
 * Replace a file's content atomically: write a temp file in the same folder, fsync it, give it the
 * original's mode and owner, rename it over the original, fsync the folder. A crash at any moment
 * leaves the old or the new content, whole. Symlinks are followed, so the link stays a link.
 *
 * Not write-file-atomic: it issues a single write() and ignores a short count, so on a nearly full
 * disk it renames a truncated temp file over the original without an error (seen on a 64 KB tmpfs).
 * FileHandle.writeFile loops until every byte is written or the disk reports ENOSPC.
 */
export const writeFileAtomic: FileWriter = async (file, bytes, options = {}) => {
  const target = await fs.realpath(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return file;
    throw error;
  });
  const existing = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const dir = path.dirname(target);
  const temp = path.join(dir, tempFileName());
  tempFilesInFlight.add(temp);
  try {
    const handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    try {
      try {
        await handle.writeFile(bytes);
        await handle.sync();
        if (existing) {
          // open() applied the umask; restore the exact mode, and the owner when we may.
          await handle.chmod(existing.mode & 0o7777);
          await handle.chown(existing.uid, existing.gid).catch(() => {});
        }
      } finally {
        await handle.close();
      }
      await options.beforeCommit?.();
      await fs.rename(temp, target);
    } catch (error) {
      await fs.unlink(temp).catch(() => {});
      throw error;
    }
  } finally {
    tempFilesInFlight.delete(temp);
  }
  await syncFolder(dir);
};

/** Make the rename itself durable. Windows cannot open folders for fsync; there it is a no-op. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already synced.
  } finally {
    await handle.close();
  }
}

/**
 * Synchronous variant for exit paths (a window's `close` event) where the process may end before
 * an async write finishes. Small app-state files only; articles always use writeFileAtomic.
 */
export function writeFileAtomicSync(file: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(file), tempFileName());
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
