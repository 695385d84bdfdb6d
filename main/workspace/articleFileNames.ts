import path from 'node:path';
import { BylineError } from '../../shared/ipc/bylineError';

/** Extensions Byline opens as articles (the OS file associations list the first two). */
export const articleExtensions = ['md', 'markdown', 'mdown', 'mkd'] as const;

export function isArticleFile(file: string): boolean {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (articleExtensions as readonly string[]).includes(ext);
}

/** Folders of other programs and of Byline itself, whose files are configuration, not articles. */
const protectedFolders = new Set(['.git', '.byline']);

/**
 * The renderer names the file a save, copy, rename, duplicate or trash acts on; a script smuggled
 * into the page (or a planted trash entry) could name `.git/config` or a hook, which git would
 * run. Main therefore acts only on article files outside `.git` and `.byline`.
 */
export function assertArticlePath(relativePath: string): void {
  const parts = relativePath.split(/[\\/]/);
  if (
    !isArticleFile(relativePath) ||
    parts.some((part) => protectedFolders.has(part.toLowerCase()))
  )
    throw new BylineError(
      'not-an-article',
      `"${relativePath}" is not an article: Byline writes only Markdown files (.md, .markdown), never inside .git or .byline.`,
    );
}
