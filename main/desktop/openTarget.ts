import { promises as fs } from 'node:fs';
import path from 'node:path';
import { hasSiteConfig } from '../site/siteConfig';

/** Extensions Byline opens as articles (the OS file associations list the first two). */
export const articleExtensions = ['md', 'markdown', 'mdown', 'mkd'] as const;

export function isArticleFile(file: string): boolean {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (articleExtensions as readonly string[]).includes(ext);
}

export interface OpenTarget {
  /** Absolute folder to open as the workspace. */
  workspaceRoot: string;
  /** Absolute article to open in it, or null when a folder was given. */
  article: string | null;
}

/** True when `candidate` is `root` itself or inside it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
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

/** The nearest ancestor that has a Hugo config file and a `content/` folder holding the file. */
export async function findHugoSiteRoot(file: string, maxDepth = 12): Promise<string | null> {
  let dir = path.dirname(path.resolve(file));
  for (let depth = 0; depth < maxDepth; depth += 1) {
    const content = path.join(dir, 'content');
    if (isInside(content, file) && (await isDirectory(content))) {
      if (await hasSiteConfig(dir)) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

async function isDirectory(candidate: string): Promise<boolean> {
  return (await fs.stat(candidate).catch(() => null))?.isDirectory() ?? false;
}
