import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BylineError } from '../../shared/ipc/contract';

/** What one identity reaches: a workspace folder, or a single file in its folder (a one-file grant). */
export interface WorkspaceScope {
  readonly id: string;
  /** Absolute folder every path of a request is resolved against (and confined to). */
  readonly root: string;
  /** A one-file grant: the only workspace-relative path it reaches. Null for a workspace. */
  readonly file: string | null;
}

/**
 * The identities main issued for workspaces and one-file grants in this run. A request names its
 * identity, so a window keeps reading and writing its own workspace after another window switched
 * main's current one; an id main never issued (or revoked) is refused, never read as "the current
 * workspace".
 */
export class WorkspaceIdentities {
  private readonly scopes = new Map<string, WorkspaceScope>();

  /** The identity of a workspace folder: one per folder for the whole run, so windows share it. */
  workspace(root: string): WorkspaceScope {
    const absolute = path.resolve(root);
    for (const scope of this.scopes.values())
      if (scope.file === null && scope.root === absolute) return scope;
    return this.add({ root: absolute, file: null });
  }

  /** A new grant for one file outside the workspace: only that file (and its history and journal). */
  grantFile(absolute: string): WorkspaceScope {
    const file = path.resolve(absolute);
    return this.add({ root: path.dirname(file), file: path.basename(file) });
  }

  /** The scope an id names; `unknown-workspace` when main did not issue it or revoked it. */
  resolve(id: string): WorkspaceScope {
    const scope = this.scopes.get(id);
    if (!scope)
      throw new BylineError(
        'unknown-workspace',
        'This window refers to a workspace Byline no longer has open. Nothing was read or written; reload the window.',
      );
    return scope;
  }

  /** Ends a grant (its tab closed): later requests with its id are refused. */
  revoke(id: string): void {
    const scope = this.scopes.get(id);
    if (scope?.file !== null) this.scopes.delete(id);
  }

  private add(scope: Omit<WorkspaceScope, 'id'>): WorkspaceScope {
    const issued = { id: randomBytes(12).toString('base64url'), ...scope };
    this.scopes.set(issued.id, issued);
    return issued;
  }
}

/**
 * Refuses a path a one-file grant does not reach (workspaces reach every path; the confinement
 * gate checks those).
 */
export function assertReachable(scope: WorkspaceScope, relativePath: string): void {
  if (scope.file === null) return;
  if (path.posix.normalize(relativePath.replace(/\\/g, '/')) !== scope.file)
    throw new BylineError(
      'outside-grant',
      `"${relativePath}" is not the file that was opened on its own; Byline does not reach other files through it.`,
    );
}

/** Refuses a workspace-wide action (create, rename, trash, import…) through a one-file grant. */
export function assertWorkspace(scope: WorkspaceScope, action: string): void {
  if (scope.file !== null)
    throw new BylineError(
      'single-file-grant',
      `A file opened on its own cannot ${action}; open its folder as a workspace for that.`,
    );
}
