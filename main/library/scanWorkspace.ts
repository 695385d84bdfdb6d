import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Folders never indexed or watched: build output, dependencies, VCS data and dot folders. */
export const skippedFolders = new Set(['.git', 'node_modules', 'public', 'resources']);

export function isSkippedFolder(name: string): boolean {
  return skippedFolders.has(name) || name.startsWith('.');
}

export function isArticleFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/** Every article file below root, as absolute paths. */
export async function scanWorkspace(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: skip it, keep indexing the rest
    }
    await Promise.all(
      entries.map(async (entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!isSkippedFolder(entry.name)) await walk(full);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && isArticleFile(entry.name)) {
          found.push(full);
        }
      }),
    );
  };
  await walk(root);
  return found.sort();
}
