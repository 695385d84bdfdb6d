import { promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/ipc/bylineError';
import { resolveInWorkspace } from './resolveInWorkspace';

/**
 * The confinement gate. A path checked as text is not confined: `linkdir/id_rsa` looks inside the
 * workspace while `linkdir` is a symlink to `~/.ssh`. So every path from the renderer, from files
 * in the workspace (links, `.byline/*.json`) or from the CLI is resolved with realpath (for a
 * target that does not exist yet: the realpath of its nearest existing ancestor) and must land
 * inside the root's own realpath. Symlinks that stay inside are followed; others are refused.
 */

function isWithin(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

function outsideError(display: string): BylineError {
  return new BylineError(
    'outside-workspace',
    `"${display}" leads outside the workspace through a symbolic link; Byline does not follow it.`,
  );
}

/**
 * The real path of `absolute`, or of its nearest existing ancestor with the missing rest appended.
 * Synchronous on purpose: a few realpath calls, and the exporters' image lookups are synchronous.
 */
function realPathOf(absolute: string): string {
  let existing = absolute;
  const missing: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...missing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A name too long for the disk names nothing that exists: the write itself will say so.
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENAMETOOLONG') throw error;
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/** True when `absolute` (existing or not) really lies inside `root`, symlinks resolved on both sides. */
export function isConfinedSync(root: string, absolute: string): boolean {
  try {
    return isWithin(realPathOf(root), realPathOf(absolute));
  } catch {
    return false;
  }
}

export async function isConfined(root: string, absolute: string): Promise<boolean> {
  return isConfinedSync(root, absolute);
}

/** Throws `outside-workspace` unless `absolute` really lies inside `root`. */
export async function assertConfined(
  root: string,
  absolute: string,
  display: string,
): Promise<void> {
  if (!(await isConfined(root, absolute))) throw outsideError(display);
}

/**
 * A workspace-relative path from the renderer or a workspace file, resolved and confined by text
 * (resolveInWorkspace) and then by real path. Returns the lexical absolute path, so names shown
 * to the writer stay the ones in the workspace.
 */
export async function resolveConfined(root: string, relativePath: string): Promise<string> {
  const absolute = resolveInWorkspace(root, relativePath);
  await assertConfined(root, absolute, relativePath);
  return absolute;
}

/**
 * A file of the workspace's own (`.byline/export.json`, `.byline/references.json`): a `.byline`
 * that is a symlink out must not make Byline read or write the writer's files elsewhere.
 */
export function workspaceDataFile(root: string, relativePath: string): string {
  const absolute = resolveInWorkspace(root, relativePath);
  if (!isConfinedSync(root, absolute)) throw outsideError(relativePath);
  return absolute;
}

/** True when the file itself (not a folder above it) is a symbolic link. */
export async function isSymbolicLink(absolute: string): Promise<boolean> {
  try {
    return (await fs.lstat(absolute)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Shown when an article that is itself a symlink opens: edits would land in another file. */
export const symlinkedArticleNotice =
  'This article is a symbolic link to another file; it opened read-only so edits cannot land somewhere unexpected.';
