import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../shared/article';
import type { RenderProfile } from '../../shared/markdown/renderProfile';
import type { RefKind } from '../../shared/markdown/shortcodes/shortcodeEnv';
import { publishedPath, refAnchor, refCandidates, refUrl } from '../../shared/site/permalinks';
import { readRegularFileSync } from '../files/readTextFile';
import { isConfinedSync } from '../workspace/confinement';

const isArticle = (name: string): boolean => /\.(md|markdown)$/i.test(name);

/** Content paths (POSIX, inside the content folder) of every article, for lookups by name. */
function listArticles(contentRoot: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string, depth: number): void => {
    if (depth > 32) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative, depth + 1);
      else if (entry.isFile() && isArticle(entry.name)) out.push(relative);
    }
  };
  if (existsSync(contentRoot)) walk(contentRoot, '', 0);
  return out;
}

/** `name` as Hugo's ref looks it up by name: the file, or the bundle folder of an index.md. */
const logicalNames = (contentPath: string): string[] => {
  const segments = contentPath.split('/');
  const file = segments[segments.length - 1] ?? '';
  const folder = segments[segments.length - 2];
  const stem = file.replace(/\.[^.]+$/, '');
  return /^_?index$/i.test(stem) && folder ? [folder, `${folder}/${file}`] : [file, stem];
};

/**
 * Resolves `ref`/`relref` the way Hugo does, against the site's files: relative to the page,
 * from the content root, then by unique name anywhere; the URL from the target's front matter
 * (`url`, `slug`, `date`) and the site's permalinks.
 */
export function createRefResolver(
  siteRoot: string,
  profile: Readonly<RenderProfile>,
  articleFile: string,
): (target: string, kind: RefKind) => string | null {
  const contentRoot = path.join(siteRoot, profile.site?.contentDir ?? 'content');
  const from = path.relative(contentRoot, articleFile).split(path.sep).join('/');
  let all: string[] | null = null;
  const urlOf = (contentPath: string, target: string, kind: RefKind): string | null => {
    const file = path.join(contentRoot, ...contentPath.split('/'));
    if (!isConfinedSync(contentRoot, file)) return null;
    let text: string;
    try {
      text = readRegularFileSync(file).toString('utf8');
    } catch {
      return null;
    }
    const data = parseArticle(text).data;
    const sitePath = publishedPath({ contentPath, data }, profile.site?.permalinks ?? {});
    return refUrl(kind, sitePath, profile.baseURL) + refAnchor(target);
  };
  return (target, kind) => {
    for (const candidate of refCandidates(target, from)) {
      const url = urlOf(candidate, target, kind);
      if (url !== null) return url;
    }
    const name = target.replace(/#.*$/, '').trim().replace(/^\/+/, '');
    if (name === '' || name.includes('..')) return null;
    all ??= listArticles(contentRoot);
    const matches = all.filter((contentPath) => logicalNames(contentPath).includes(name));
    return matches.length === 1 && matches[0] !== undefined
      ? urlOf(matches[0], target, kind)
      : null;
  };
}
