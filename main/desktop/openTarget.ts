import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findHugoSiteRoot } from '../site/siteRoot';
import { isArticleFile } from '../workspace/articleFileNames';
import { isInside } from '../workspace/resolveInWorkspace';

export interface OpenTarget {
  /** Absolute folder to open as the workspace. */
  workspaceRoot: string;
  /** Absolute article to open in it, or null when a folder was given. */
  article: string | null;
}

/**
 * Which workspace an absolute path from the OS (command line, file manager, dialog) opens in:
 * a folder is the workspace itself; an article stays in the current workspace when it lies inside
 * it, else opens in its enclosing Hugo site, else in its own folder. Null for anything else.
 */
export async function resolveOpenTarget(
  absolute: string,
  currentRoot: string | null,
): Promise<OpenTarget | null> {
  const target = path.resolve(absolute);
  const stats = await fs.stat(target).catch(() => null);
  if (!stats) return null;
  if (stats.isDirectory()) return { workspaceRoot: target, article: null };
  if (!stats.isFile() || !isArticleFile(target)) return null;
  if (currentRoot && isInside(currentRoot, target))
    return { workspaceRoot: currentRoot, article: target };
  const site = await findHugoSiteRoot(target);
  return { workspaceRoot: site ?? path.dirname(target), article: target };
}
