/**
 * Where Hugo publishes a page: its `url` front matter, else the section's `[permalinks]`
 * pattern, else the content path (folder + slug or file name), lower-cased as Hugo does by
 * default. Used to resolve `ref`/`relref` shortcodes to the target's published URL.
 */
export interface PageFacts {
  /** Path inside the content folder, POSIX (`posts/b.md`, `posts/a/index.md`). */
  contentPath: string;
  /** The target's front matter, or null when it is not known (the path alone decides). */
  data: Readonly<Record<string, unknown>> | null;
}

const isBundleIndex = (stem: string): boolean => /^_?index$/i.test(stem);

/** Hugo's `urlize` for the ASCII and CJK cases: lower case, spaces to `-`, punctuation dropped. */
export function urlize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_./-]/gu, '');
}

function dateParts(value: unknown): [string, string, string] | null {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  return match ? [match[1] ?? '', match[2] ?? '', match[3] ?? ''] : null;
}

const stringField = (data: PageFacts['data'], key: string): string | null => {
  const value = data?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

const withSlashes = (path: string): string => {
  const lead = path.startsWith('/') ? path : `/${path}`;
  return /\.[a-z0-9]+$/i.test(lead) || lead.endsWith('/') ? lead : `${lead}/`;
};

/** The page's path on the site, from the site root: `/2017/01/roller-coaster/`. */
export function publishedPath(
  page: PageFacts,
  permalinks: Readonly<Record<string, string>> = {},
): string {
  const url = stringField(page.data, 'url');
  if (url !== null) return withSlashes(url);
  const segments = page.contentPath.split('/').filter((s) => s !== '');
  const file = segments.pop() ?? '';
  const stem = file.replace(/\.[^.]+$/, '');
  const bundle = isBundleIndex(stem);
  const filename = bundle ? (segments[segments.length - 1] ?? '') : stem;
  const folders = bundle ? segments.slice(0, -1) : segments;
  const section = segments[0] ?? '';
  const slug = stringField(page.data, 'slug');
  const title = stringField(page.data, 'title');
  const pattern =
    section !== '' && !(bundle && segments.length === 1) ? permalinks[section] : undefined;
  // A page without a date has Go's zero date: Hugo publishes it under /1/01/.
  const date = dateParts(page.data?.['date']) ?? ['1', '01', '01'];
  const needsData = /:(?:year|month|day|title|slug)\b/.test(pattern ?? '');
  if (pattern !== undefined && (!needsData || page.data !== null)) {
    const expanded = pattern.replace(/:(\w+)/g, (whole, token: string) => {
      switch (token) {
        case 'year':
          return date[0];
        case 'month':
          return date[1];
        case 'day':
          return date[2];
        case 'slug':
          return urlize(slug ?? title ?? filename);
        case 'title':
          return urlize(title ?? filename);
        case 'filename':
        case 'contentbasename':
          return urlize(filename);
        case 'section':
          return section;
        case 'sections':
          return folders.join('/');
        default:
          return whole;
      }
    });
    if (!/:\w/.test(expanded)) return withSlashes(expanded.toLowerCase());
  }
  const last = slug !== null ? urlize(slug) : filename;
  return withSlashes(
    [...folders, last]
      .filter((s) => s !== '')
      .join('/')
      .toLowerCase(),
  );
}

/** `ref` gives the absolute permalink, `relref` the path under the site's base path. */
export function refUrl(kind: 'ref' | 'relref', sitePath: string, baseURL: string): string {
  const relative = sitePath.replace(/^\//, '');
  if (kind === 'ref' && /^[a-z][a-z0-9+.-]*:\/\//i.test(baseURL)) return `${baseURL}${relative}`;
  const basePath = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]*(\/.*)?$/i.exec(baseURL)?.[1] ?? '/';
  return `${basePath.endsWith('/') ? basePath : `${basePath}/`}${relative}`;
}

/**
 * The content paths a `ref` target may name, in Hugo's order: relative to the referring page's
 * folder, then from the content root; `x` also as `x.md`, `x/index.md`, `x/_index.md`.
 */
export function refCandidates(target: string, fromContentPath: string): string[] {
  const clean = target.replace(/#.*$/, '').trim();
  if (clean === '') return [fromContentPath];
  const folder = fromContentPath.split('/').slice(0, -1).join('/');
  const bases = clean.startsWith('/')
    ? [clean.slice(1)]
    : [folder === '' ? clean : `${folder}/${clean}`, clean];
  const out: string[] = [];
  for (const base of bases) {
    const normal = normalizePath(base);
    if (normal === null) continue;
    if (/\.(md|markdown)$/i.test(normal)) out.push(normal);
    else out.push(`${normal}.md`, `${normal}/index.md`, `${normal}/_index.md`);
  }
  return [...new Set(out)];
}

function normalizePath(path: string): string | null {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

/** The `#anchor` part of a ref target, with its `#`, or ''. */
export const refAnchor = (target: string): string => /#.*$/.exec(target.trim())?.[0] ?? '';
