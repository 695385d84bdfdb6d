import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryService } from '../../library/libraryService';
import { createFileHandlers } from '../fileHandlers';
import { OpenArticles } from '../openArticles';

/** A workspace in a new temp folder, with main's real file handlers over it (for tests). */
export interface TempWorkspace {
  readonly root: string;
  readonly library: LibraryService;
  /** File handlers as main creates them (a fresh set is main after a restart); app data in the temp folder. */
  handlers(): ReturnType<typeof createFileHandlers>;
  close(): Promise<void>;
}

export async function openTempWorkspace(
  name: string,
  files: Record<string, string>,
): Promise<TempWorkspace> {
  const base = mkdtempSync(path.join(os.tmpdir(), `byline-${name}-`));
  const root = path.join(base, 'ws');
  mkdirSync(root);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
  const library = new LibraryService({
    dataDir: null,
    emit: () => {},
    isOpen: () => false,
    watch: false,
  });
  await library.open(root);
  return {
    root,
    library,
    handlers: () =>
      createFileHandlers({
        dataDir: path.join(base, 'data'),
        workspaceRoot: () => root,
        library,
        open: new OpenArticles(),
      }),
    close: async () => {
      await library.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
