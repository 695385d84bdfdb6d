import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PickResult, RequestHandlers } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { writeFileAtomic } from '../files/atomicWrite';
import { isConfined } from '../workspace/confinement';

const maxGrants = 100;

/**
 * Absolute paths the writer picked in a native dialog. In the desktop app the renderer may name a
 * folder or file outside the workspace only if main granted it this way: a compromised renderer
 * that invents `/home/me/.ssh` gets nothing. Kept in the app data folder (never in a workspace,
 * never writable by the renderer), so a remembered export folder still works after a restart.
 */
export class PathGrants {
  private granted: string[] = [];

  constructor(private readonly file: string | null) {}

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const stored: unknown = JSON.parse(await fs.readFile(this.file, 'utf8'));
      if (Array.isArray(stored))
        this.granted = stored.filter((p): p is string => typeof p === 'string').slice(0, maxGrants);
    } catch {
      this.granted = [];
    }
  }

  async grant(absolute: string): Promise<void> {
    const resolved = path.resolve(absolute);
    this.granted = [resolved, ...this.granted.filter((p) => p !== resolved)].slice(0, maxGrants);
    if (!this.file) return;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify(this.granted)));
  }

  /**
   * A file the writer dropped on the window. Only the preload calls this, with the path Electron
   * itself gave for a File from the OS (a File the page makes has none), so the page never names it.
   */
  async grantDroppedFile(dropped: unknown): Promise<void> {
    const isFile =
      typeof dropped === 'string' &&
      path.isAbsolute(dropped) &&
      (await fs.stat(dropped).then(
        (stat) => stat.isFile(),
        () => false,
      ));
    if (!isFile)
      throw new BylineError('not-granted', 'Only a file dropped from disk can be opened.');
    await this.grant(dropped);
  }

  has(absolute: string): boolean {
    return this.granted.includes(path.resolve(absolute));
  }

  /** Granted itself, or inside a granted folder by real path. */
  async covers(absolute: string): Promise<boolean> {
    if (this.has(absolute)) return true;
    for (const granted of this.granted) if (await isConfined(granted, absolute)) return true;
    return false;
  }
}

export interface GrantedRequestDeps {
  grants: PathGrants;
  /** Folders and files main itself offered the writer (recent workspaces and files, the current workspace). */
  offered(): Promise<string[]>;
  /** Folders exports may go to without a pick: the workspace and `<Documents>/Byline Exports`. */
  exportRoots(): string[];
}

function notGranted(requested: string): BylineError {
  return new BylineError(
    'not-granted',
    `Byline only opens or writes "${requested}" after you choose it in a file dialog.`,
  );
}

/**
 * The requests the desktop renderer may make with an absolute path, wrapped so that path must be a
 * grant: picked in a native dialog (the dialog answers grant what they return) or offered by main.
 * Browser mode has no native dialogs and keeps typed paths behind its token (docs/security.md).
 */
export function requireGrantedPaths(
  handlers: RequestHandlers,
  deps: GrantedRequestDeps,
): RequestHandlers {
  const granting =
    <I>(pick: (input: I) => Promise<PickResult>) =>
    async (input: I): Promise<PickResult> => {
      const result = await pick(input);
      if (result.status === 'picked') await deps.grants.grant(result.path);
      return result;
    };
  const assertOffered = async (requested: string): Promise<void> => {
    const absolute = path.resolve(requested);
    if (deps.grants.has(absolute)) return;
    const offered = (await deps.offered()).map((p) => path.resolve(p));
    if (!offered.includes(absolute)) throw notGranted(requested);
  };
  return {
    ...handlers,
    'dialog.pickFolder': granting(handlers['dialog.pickFolder']),
    'dialog.pickFile': granting(handlers['dialog.pickFile']),
    'dialog.saveAs': granting(handlers['dialog.saveAs']),
    'workspace.open': async (input) => {
      await assertOffered(input.root);
      return handlers['workspace.open'](input);
    },
    'workspace.openPath': async (input) => {
      await assertOffered(input.path);
      return handlers['workspace.openPath'](input);
    },
    'export.run': async (input) => {
      const requested = input.outputDir;
      if (requested !== null && path.isAbsolute(requested)) {
        let allowed = await deps.grants.covers(requested);
        for (const root of deps.exportRoots()) allowed ||= await isConfined(root, requested);
        if (!allowed) throw notGranted(requested);
      }
      return handlers['export.run'](input);
    },
  };
}
