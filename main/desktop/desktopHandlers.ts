import path from 'node:path';
import type { RequestHandlers, WorkspaceInfo } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { toWorkspacePath } from '../workspace/resolveInWorkspace';
import { resolveOpenTarget } from './openTarget';
import type { SessionStore } from './sessionStore';

export type DesktopRequestName =
  | 'dialog.pickFolder'
  | 'dialog.pickFile'
  | 'dialog.saveAs'
  | 'workspace.openPath'
  | 'window.setDirtyState'
  | 'session.get'
  | 'session.update';

export type DesktopHandlers = Pick<RequestHandlers, DesktopRequestName>;

export interface DesktopHandlerDeps {
  session: SessionStore;
  workspaceRoot(): string;
  workspaceInfo(): WorkspaceInfo;
  /** A one-file grant for an article outside the workspace (its identity's id). */
  grantFile(absolute: string): { id: string };
  /** Switches the workspace (the `workspace.open` handler). */
  openWorkspace(root: string): Promise<WorkspaceInfo>;
}

/**
 * The desktop-integration requests as browser mode answers them: there are no native dialogs
 * (`unavailable`: the renderer asks for a path itself) and the unsaved-changes guard is the page's
 * own `beforeunload`. The Electron main process replaces the dialog and dirty-state handlers.
 */
export function createDesktopHandlers(deps: DesktopHandlerDeps): DesktopHandlers {
  return {
    'dialog.pickFolder': async () => ({ status: 'unavailable' }),
    'dialog.pickFile': async () => ({ status: 'unavailable' }),
    'dialog.saveAs': async () => ({ status: 'unavailable' }),
    'workspace.openPath': async ({ path: requested }) => {
      const target = await resolveOpenTarget(path.resolve(requested), deps.workspaceRoot());
      if (!target) {
        throw new BylineError(
          'not-openable',
          `"${requested}" is neither a folder nor a Markdown file.`,
        );
      }
      if (target.article && target.workspaceRoot !== deps.workspaceRoot()) {
        // A file outside the workspace opens on its own: the workspace and its tabs stay.
        const grant = deps.grantFile(target.article);
        return {
          workspace: deps.workspaceInfo(),
          article: null,
          standalone: {
            workspace: grant.id,
            path: path.basename(target.article),
            location: target.article,
          },
        };
      }
      const switching = target.workspaceRoot !== deps.workspaceRoot();
      const workspace = switching
        ? await deps.openWorkspace(target.workspaceRoot)
        : deps.workspaceInfo();
      const article = target.article ? toWorkspacePath(workspace.root, target.article) : null;
      return { workspace, article, standalone: null };
    },
    'window.setDirtyState': async () => undefined,
    'session.get': () => deps.session.get(deps.workspaceRoot()),
    'session.update': (session) => deps.session.update(deps.workspaceRoot(), session),
  };
}
