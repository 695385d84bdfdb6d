import { normalizeWorkspacePath } from '../markdown/resolveImage';

const folderOf = (path: string): string => {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
};

/**
 * Workspace paths an image field's value may name, most likely first. Hugo themes read
 * `featured_image` beside the page (bundles), from the site root, or from `static/`; a
 * site-absolute `/images/x.png` is served from `static/`. Remote and data URLs give none.
 */
export function imageCandidates(
  articlePath: string,
  source: string,
  staticDirs: readonly string[] = ['static'],
): string[] {
  let value = source.trim().replace(/[?#].*$/, '');
  if (value === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value)) return [];
  try {
    value = /%[0-9a-f]{2}/i.test(value) ? decodeURIComponent(value) : value;
  } catch {
    // a literal '%' in the file name
  }
  const candidates: (string | null)[] = [];
  if (value.startsWith('/')) {
    for (const dir of staticDirs) candidates.push(normalizeWorkspacePath(dir, value));
    candidates.push(
      normalizeWorkspacePath(value),
      normalizeWorkspacePath(folderOf(articlePath), value),
    );
  } else {
    candidates.push(
      normalizeWorkspacePath(folderOf(articlePath), value),
      normalizeWorkspacePath(value),
    );
    for (const dir of staticDirs) candidates.push(normalizeWorkspacePath(dir, value));
  }
  return [...new Set(candidates.filter((path): path is string => path !== null && path !== ''))];
}

/** The workspace file an image value names, or null when none of its candidates exists. */
export function findImage(
  articlePath: string,
  source: string,
  exists: (workspacePath: string) => boolean,
): string | null {
  return imageCandidates(articlePath, source).find(exists) ?? null;
}

/**
 * What to write for an image picked from the workspace: relative to the article when it sits in
 * the article's folder (a page bundle), relative to `static/` for site images (as Hugo themes
 * expect), else its workspace path. Spaces and other characters stay as they are (YAML quotes
 * them only when it must). Every form is among imageCandidates' answers.
 */
export function imageValueFor(
  articlePath: string,
  imagePath: string,
  staticDirs: readonly string[] = ['static'],
): string {
  const folder = folderOf(articlePath);
  if (folder !== '' && imagePath.startsWith(folder + '/'))
    return imagePath.slice(folder.length + 1);
  for (const dir of staticDirs) {
    if (imagePath.startsWith(dir + '/')) return imagePath.slice(dir.length + 1);
  }
  return imagePath;
}
