import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from '../files/readTextFile';
import { isInside } from '../workspace/resolveInWorkspace';
import { hugoConfigNames } from './siteConfig';

/**
 * Where image paths of an article outside any workspace resolve (the CLI): the Hugo site the
 * folder belongs to (a config file and a content folder holding it), else the given folder.
 */
export async function findSiteRoot(start: string, fallback: string): Promise<string> {
  const folder = path.resolve(start);
  // The folder is the site itself, or lies inside its content folder.
  const site = (await isHugoSiteRoot(folder))
    ? folder
    : await findHugoSiteRoot(path.join(folder, 'article.md'));
  return site ?? path.resolve(fallback);
}

/**
 * The nearest ancestor that has a Hugo config file and a content folder holding the file: `content/`
 * or the config's `contentDir` (inside the site). A config file alone (`~/config.json` above
 * `~/Downloads`) does not make a site: its root would bound what exports may copy.
 */
export async function findHugoSiteRoot(file: string, maxDepth = 12): Promise<string | null> {
  let dir = path.dirname(path.resolve(file));
  for (let depth = 0; depth < maxDepth; depth += 1) {
    const contentDirs = await hugoContentDirs(dir);
    for (const contentDir of contentDirs) {
      const content = path.join(dir, contentDir);
      if (isInside(content, file) && (await isDirectory(content))) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** True when `dir` holds a Hugo config and the content folder it names. */
export async function isHugoSiteRoot(dir: string): Promise<boolean> {
  for (const contentDir of await hugoContentDirs(dir))
    if (await isDirectory(path.join(dir, contentDir))) return true;
  return false;
}

/** The content folders a Hugo config in `dir` declares (`content` unless `contentDir` says otherwise); none without a config. */
async function hugoContentDirs(dir: string): Promise<string[]> {
  const declared = new Set<string>();
  let hasConfig = await isDirectory(path.join(dir, 'config', '_default'));
  for (const name of hugoConfigNames) {
    const file = path.join(dir, name);
    if (!(await isFile(file))) continue;
    hasConfig = true;
    const contentDir = declaredContentDir(await readRegularFile(file).then(String, () => ''));
    if (contentDir !== null) declared.add(contentDir);
  }
  if (!hasConfig) return [];
  return declared.size > 0 ? [...declared] : ['content'];
}

/** `contentDir = "posts"` (TOML), `contentDir: posts` (YAML), `"contentDir": "posts"` (JSON); only a path inside the site. */
export function declaredContentDir(config: string): string | null {
  const match = /^[ \t]*"?contentdir"?[ \t]*[:=][ \t]*["']?([^"'\s,]+)/im.exec(config);
  const value = match?.[1];
  if (value === undefined) return null;
  const normalized = path.posix.normalize(value.replace(/\\/g, '/'));
  if (path.posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../'))
    return null;
  return normalized;
}

async function isDirectory(candidate: string): Promise<boolean> {
  return (await fs.stat(candidate).catch(() => null))?.isDirectory() ?? false;
}

async function isFile(candidate: string): Promise<boolean> {
  return (await fs.stat(candidate).catch(() => null))?.isFile() ?? false;
}
