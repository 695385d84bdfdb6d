/**
 * Image sources in an article, resolved to something the preview may load. Pure: no file system,
 * no URL globals. Paths are workspace-relative POSIX paths ("content/posts/a/index.md"); the
 * transport decides what URL serves them (`toAssetUrl`: a custom protocol in Electron, an HTTP
 * path in the browser transport).
 */

export interface ImageResolverContext {
  /** Workspace-relative POSIX path of the article file; '' for an unsaved article. */
  articlePath: string;
  /** Turns a workspace-relative path into the URL the preview loads. */
  toAssetUrl: (workspaceRelativePath: string) => string;
  /**
   * Folders (workspace-relative) that site-absolute sources like `/images/x.png` resolve into,
   * tried in order; Hugo serves `static/` at the site root. Default: `['static']`.
   */
  staticDirs?: readonly string[];
  /**
   * Whether a workspace file exists, when the caller knows (main, a library index). Used only to
   * pick among candidates; without it the first candidate wins.
   */
  fileExists?: (workspaceRelativePath: string) => boolean;
  /** The app is offline by design: remote images become placeholders unless this is true. */
  allowRemoteImages?: boolean;
}

export type ImageSource =
  | { kind: 'workspace'; path: string; url: string }
  | { kind: 'data'; url: string }
  | { kind: 'remote'; url: string; allowed: boolean }
  | { kind: 'rejected'; reason: 'empty' | 'outside-workspace' | 'unsupported-scheme' };

const remoteSource = /^(?:https?:)?\/\//i;
const anyScheme = /^[a-z][a-z0-9+.-]*:/i;
// The raster types markdown-it's validateLink lets through; SVG (scriptable) stays out.
const safeDataImage = /^data:image\/(?:png|gif|jpeg|webp|avif);/i;

export const isRemoteImageSource = (src: string): boolean => remoteSource.test(src.trim());

/**
 * The fallback when no resolver is configured: relative and site-absolute paths stay as written,
 * raster data: images pass, remote sources and every other scheme are refused (null).
 */
export function keepLocalImageSources(src: string): string | null {
  const trimmed = src.trim();
  if (trimmed === '' || remoteSource.test(trimmed)) return null;
  if (anyScheme.test(trimmed) && !safeDataImage.test(trimmed)) return null;
  return trimmed;
}

/** Decodes percent-escapes once; a stray `%` (a file really named "100%.png") stays as written. */
function decodePercentEscapes(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Joins and normalizes POSIX segments; returns null when `..` climbs above the workspace root.
 * Backslashes count as separators (Windows writers), so `..\..\x` is caught as well.
 */
export function normalizeWorkspacePath(...parts: string[]): string | null {
  const segments: string[] = [];
  for (const part of parts) {
    for (const segment of part.replace(/\\/g, '/').split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (segments.length === 0) return null;
        segments.pop();
      } else {
        segments.push(segment);
      }
    }
  }
  return segments.join('/');
}

const folderOf = (path: string): string => {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
};

/** Percent-encodes each segment of a workspace path, for use in a URL path. */
export const encodeWorkspacePath = (path: string): string =>
  path.split('/').map(encodeURIComponent).join('/');

export function classifyImageSource(src: string, context: ImageResolverContext): ImageSource {
  const trimmed = src.trim();
  if (trimmed === '') return { kind: 'rejected', reason: 'empty' };
  if (remoteSource.test(trimmed)) {
    const url = trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
    return { kind: 'remote', url, allowed: context.allowRemoteImages === true };
  }
  if (safeDataImage.test(trimmed)) return { kind: 'data', url: trimmed };
  if (anyScheme.test(trimmed)) return { kind: 'rejected', reason: 'unsupported-scheme' };

  // Query and fragment never name a different file on disk.
  const pathPart = decodePercentEscapes(trimmed.replace(/[?#].*$/, ''));
  if (pathPart.includes('\0')) return { kind: 'rejected', reason: 'outside-workspace' };

  const candidates: (string | null)[] = [];
  if (pathPart.startsWith('/') || pathPart.startsWith('\\')) {
    // Site-absolute: climbing above the site root is never legitimate.
    const sitePath = normalizeWorkspacePath(pathPart);
    if (sitePath === null) return { kind: 'rejected', reason: 'outside-workspace' };
    for (const dir of context.staticDirs ?? ['static'])
      candidates.push(normalizeWorkspacePath(dir, sitePath));
    // A page bundle may keep the image beside index.md and still write it site-absolute.
    candidates.push(normalizeWorkspacePath(folderOf(context.articlePath), sitePath));
  } else {
    candidates.push(normalizeWorkspacePath(folderOf(context.articlePath), pathPart));
  }

  const inside = candidates.filter((path): path is string => path !== null && path !== '');
  const exists = context.fileExists;
  const path = (exists ? inside.find((candidate) => exists(candidate)) : undefined) ?? inside[0];
  if (path === undefined) return { kind: 'rejected', reason: 'outside-workspace' };
  return { kind: 'workspace', path, url: context.toAssetUrl(path) };
}

/**
 * The resolver the renderer takes: a URL to load, or null for a placeholder (remote images
 * while offline, traversal outside the workspace, foreign schemes).
 */
export function createImageResolver(context: ImageResolverContext): (src: string) => string | null {
  return (src) => {
    const source = classifyImageSource(src, context);
    switch (source.kind) {
      case 'workspace':
      case 'data':
        return source.url;
      case 'remote':
        return source.allowed ? source.url : null;
      case 'rejected':
        return null;
    }
  };
}
