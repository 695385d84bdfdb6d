import { readdirSync } from 'node:fs';
import path from 'node:path';
import { siteOutputFolders } from './siteOutputFolders';
import { isConfinedSync } from '../workspace/confinement';

/**
 * Folders never indexed or watched, at any depth: dependencies, VCS data and dot folders (.byline
 * too). A Hugo site's generated folders are skipped by path, not by name (siteOutputFolders).
 */
const skippedFolders = new Set(['.git', 'node_modules']);

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

/**
 * Every article file and indexable folder below root. Unreadable folders are skipped, not fatal.
 * Synchronous readdir in slices of a few milliseconds: twice as fast as the promise API on a
 * 2,000-folder site, and the event loop still gets a turn between slices.
 */
export async function scanWorkspaceTree(root: string): Promise<WorkspaceScan> {
  const siteOutputs = new Set(siteOutputFolders(root));
  const files: string[] = [];
  const folders: string[] = [];
  const stack = [root];
  let sliceStart = performance.now();
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    folders.push(dir);
    for (const entry of entries) {
      if (entry.isDirectory()) {
        const folder = path.join(dir, entry.name);
        if (!isSkippedFolder(entry.name) && !siteOutputs.has(folder)) stack.push(folder);
      } else if (entry.isFile() && isArticleFile(entry.name)) {
        files.push(path.join(dir, entry.name));
      } else if (entry.isSymbolicLink() && isArticleFile(entry.name)) {
        // A linked article is indexed only when it really lies inside (docs/security.md).
        const file = path.join(dir, entry.name);
        if (isConfinedSync(root, file)) files.push(file);
      }
    }
    if (performance.now() - sliceStart > 8) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  files.sort();
  // The root first: callers (the watcher) rely on it.
  return { files, folders };
}
