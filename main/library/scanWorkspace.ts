import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Folders never indexed or watched: build output, dependencies, VCS data and dot folders (.byline too). */
export const skippedFolders = new Set(['.git', 'node_modules', 'public', 'resources']);

export function isSkippedFolder(name: string): boolean {
  return skippedFolders.has(name) || name.startsWith('.');
}

export function isArticleFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name) && !name.startsWith('.');
}

/** True when a workspace-relative POSIX path lies inside a skipped folder. */
export function isInSkippedFolder(relativePath: string): boolean {
  const parts = relativePath.split('/');
  return parts.slice(0, -1).some(isSkippedFolder);
}

export interface WorkspaceScan {
  /** Absolute paths of article files (symlinks to files included), sorted. */
  files: string[];
  /** Absolute paths of every folder walked, the root first: what the watcher watches. */
  folders: string[];
}

/** Every article file below root, as absolute paths, sorted. */
export async function scanWorkspace(root: string): Promise<string[]> {
  return (await scanWorkspaceTree(root)).files;
}

/** Every article file and indexable folder below root. Unreadable folders are skipped, not fatal. */
export async function scanWorkspaceTree(root: string): Promise<WorkspaceScan> {
  const files: string[] = [];
  const folders: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    folders.push(dir);
    const below: Promise<void>[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) below.push(walk(full));
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isArticleFile(entry.name)) {
        files.push(full);
      }
    }
    await Promise.all(below);
  };
  await walk(root);
  files.sort();
  return { files, folders };
}
