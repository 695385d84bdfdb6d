import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryService } from '../../library/libraryService';
import type { SaveResult } from '../../../shared/ipc/contract';
import type { FileServicesDeps } from '../fileHandlers';
import { createFileHandlers } from '../fileHandlers';
import { OpenArticles } from '../openArticles';

/** A workspace in a new temp folder, with main's real file handlers over it (for tests). */
export interface TempWorkspace {
  readonly root: string;
  /** App data (journal, history), outside the workspace. */
  readonly dataDir: string;
  readonly library: LibraryService;
  /** File handlers as main creates them (a fresh set is main after a restart); app data in the temp folder. */
  handlers(overrides?: Partial<FileServicesDeps>): ReturnType<typeof createFileHandlers>;
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
  return {
    root,
    dataDir,
    library,
    handlers: (overrides = {}) =>
      createFileHandlers({
        dataDir,
        workspaceRoot: () => root,
        library,
        open: new OpenArticles(),
        ...overrides,
      }),
    close: async () => {
      await library.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

type FileHandlers = ReturnType<typeof createFileHandlers>;

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
