import path from 'node:path';
import { BylineError } from '../../shared/ipc/bylineError';

/**
 * Turn a workspace-relative path from the renderer into an absolute one, refusing anything that
 * would escape the workspace. The renderer never handles absolute paths, so this is the one gate.
 */
export function resolveInWorkspace(root: string, relativePath: string): string {
  const normalized = relativePath.replace(/\\/g, '/');
  if (path.isAbsolute(normalized) || /^[a-zA-Z]:/.test(normalized)) {
    throw new BylineError('outside-workspace', `Not a workspace path: ${relativePath}`);
  }
  const absolute = path.resolve(root, normalized);
  const fromRoot = path.relative(root, absolute);
  if (fromRoot === '' || leavesRoot(fromRoot)) {
    throw new BylineError('outside-workspace', `Not a workspace path: ${relativePath}`);
  }
  return absolute;
}

/** The inverse: absolute path inside the workspace -> POSIX relative path for the renderer. */
export function toWorkspacePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** True when `candidate` is `root` itself or inside it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || !leavesRoot(relative);
}

/**
 * True when a path relative to a root (`path.relative`, either separator) leads out of it. Only a
 * whole `..` segment does: `..draft.md` is a file in the root.
 */
export function leavesRoot(relative: string): boolean {
  return (
    relative === '..' ||
    relative.startsWith('../') ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  );
}
