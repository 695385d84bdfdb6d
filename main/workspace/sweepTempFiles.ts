import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempFilesInFlight } from '../files/atomicWrite';
import { parseTempName, thisHost } from '../files/tempName';

export interface SweepOptions {
  /** A temp file this old is left over whoever wrote it: no write stays in flight this long. */
  staleAfterMs: number;
  now: () => number;
  /** Whether a process of this host is running (injectable: a test cannot keep a pid alive forever). */
  isRunning: (pid: number) => boolean;
}

const defaultSweepOptions: SweepOptions = {
  staleAfterMs: 60 * 60 * 1000,
  now: Date.now,
  isRunning: processIsRunning,
};

// Folders that never hold articles (and can be huge); dot folders are skipped too.
const skippedFolders = new Set(['node_modules']);

/**
 * Remove temp files that a killed or crashed save left behind (atomicWrite.ts). A temp file is
 * removed when its writer is gone: this process and not in flight, a process of this host that
 * no longer runs, or any writer once the file is older than `staleAfterMs`. Another running
 * instance's write in flight is never touched. Returns the removed files.
 */
export async function sweepTempFiles(
  root: string,
  options: Partial<SweepOptions> = {},
): Promise<string[]> {
  const settings = { ...defaultSweepOptions, ...options };
  const removed: string[] = [];
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !skippedFolders.has(entry.name)) folders.push(full);
        continue;
      }
      if (!entry.isFile() || !(await isStale(full, entry.name, settings))) continue;
      await fs.rm(full, { force: true }).then(
        () => removed.push(full),
        () => {},
      );
    }
  }
  return removed;
}

async function isStale(file: string, name: string, options: SweepOptions): Promise<boolean> {
  const info = parseTempName(name);
  if (!info || (await isInFlightHere(file))) return false;
  const writer = info.writer;
  if (writer && writer.host === thisHost) {
    if (writer.pid === process.pid) return true;
    if (!options.isRunning(writer.pid)) return true;
  }
  try {
    const { mtimeMs } = await fs.stat(file);
    return options.now() - mtimeMs > options.staleAfterMs;
  } catch {
    return false;
  }
}

/** The writer registered its temp file by its real folder; the walk may have come another way. */
async function isInFlightHere(file: string): Promise<boolean> {
  if (tempFilesInFlight.has(file)) return true;
  const real = await fs.realpath(file).catch(() => null);
  return real !== null && tempFilesInFlight.has(real);
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
