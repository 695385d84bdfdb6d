import { promises as fs } from 'node:fs';

/**
 * Rename `from` to `to` (a file or a folder; `to` must not exist). Across mounts, where rename
 * fails with EXDEV (a trash or data folder on another disk), copy then remove the original; when
 * the copy fails half way, the partial copy is removed and the original stays as it was.
 */
export async function moveAcrossDevices(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  try {
    await fs.cp(from, to, {
      recursive: true,
      errorOnExist: true,
      force: false,
      preserveTimestamps: true,
      verbatimSymlinks: true,
    });
  } catch (error) {
    await fs.rm(to, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  await fs.rm(from, { recursive: true, force: true });
}
