import path from 'node:path';
import { findHugoSiteRoot, isHugoSiteRoot } from '../desktop/openTarget';

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
