import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryService } from '../../library/libraryService';
import type { SaveResult } from '../../../shared/ipc/contract';
import { WorkspaceIdentities } from '../../workspace/workspaceIdentities';
import type { FileRequest, FileServicesDeps } from '../fileHandlers';
import { createFileHandlers } from '../fileHandlers';
import { OpenArticles } from '../openArticles';

/** A workspace in a new temp folder, with main's real file handlers over it (for tests). */
export interface TempWorkspace {
  readonly root: string;
  /** App data (journal, history), outside the workspace. */
  readonly dataDir: string;
  readonly library: LibraryService;
  /**
   * File handlers as main creates them (a fresh set is main after a restart); app data in the temp
   * folder. Requests go to this workspace's identity, which each call adds.
   */
  handlers(overrides?: Partial<FileServicesDeps>): FileHandlers;
  /** The handlers as main has them (each request names its identity), and that identity. */
  scoped(overrides?: Partial<FileServicesDeps>): {
    handlers: ReturnType<typeof createFileHandlers>;
    identities: WorkspaceIdentities;
    workspace: string;
  };
  close(): Promise<void>;
}

export async function openTempWorkspace(
  name: string,
  files: Record<string, string | Uint8Array>,
  options: { baseDir?: string } = {},
): Promise<TempWorkspace> {
  const parent = options.baseDir && existsSync(options.baseDir) ? options.baseDir : os.tmpdir();
  const base = mkdtempSync(path.join(parent, `byline-${name}-`));
  const root = path.join(base, 'ws');
  const dataDir = path.join(base, 'data');
  mkdirSync(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  const library = new LibraryService({
    dataDir: null,
    emit: () => {},
    isOpen: () => false,
    watch: false,
  });
  await library.open(root);
  const scoped: TempWorkspace['scoped'] = (overrides = {}) => {
    const identities = overrides.identities ?? new WorkspaceIdentities();
    const handlers = createFileHandlers({
      dataDir,
      identities,
      currentRoot: () => root,
      library,
      open: new OpenArticles(),
      ...overrides,
    });
    return { handlers, identities, workspace: identities.workspace(root).id };
  };
  return {
    root,
    dataDir,
    library,
    scoped,
    handlers: (overrides = {}) => {
      const { handlers, workspace } = scoped(overrides);
      return inWorkspace(handlers, workspace);
    },
    close: async () => {
      await library.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

type ScopedHandlers = ReturnType<typeof createFileHandlers>;
type WithoutWorkspace<T> = T extends unknown ? Omit<T, 'workspace'> : never;
/** The file handlers with the workspace identity filled in (tests of one workspace). */
export type FileHandlers = {
  [N in FileRequest]: (
    ...input: keyof WithoutWorkspace<Parameters<ScopedHandlers[N]>[0]> extends never
      ? []
      : [WithoutWorkspace<Parameters<ScopedHandlers[N]>[0]>]
  ) => ReturnType<ScopedHandlers[N]>;
};

/** Every request of `handlers` sent with identity `workspace` (replacing any the caller named). */
export function inWorkspace(handlers: ScopedHandlers, workspace: string): FileHandlers {
  const bound: Record<string, (input?: object) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: object) => unknown][])
    bound[name] = (input = {}) => handler({ ...input, workspace });
  return bound as unknown as FileHandlers;
}

/** Open an article and save `text` over the version just read, as the editor does. */
export async function openAndSave(
  handlers: FileHandlers,
  relativePath: string,
  text: string,
): Promise<SaveResult> {
  const opened = await handlers['article.open']({ path: relativePath });
  return handlers['article.save']({
    path: relativePath,
    text,
    format: opened.format,
    baseStamp: opened.stamp,
    overwrite: false,
  });
}

/** Every version in an article's history, newest first, as text. */
export async function historyTexts(
  handlers: FileHandlers,
  relativePath: string,
): Promise<string[]> {
  const entries = await handlers['history.list']({ path: relativePath });
  return Promise.all(
    entries.map(
      async (e) => (await handlers['history.read']({ path: relativePath, id: e.id })).text,
    ),
  );
}
