import { promises as fs } from 'node:fs';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { toWorkspacePath } from '../workspace/resolveInWorkspace';
import { scanWorkspace } from './scanWorkspace';
import { summarizeArticle } from './summarizeArticle';

/** The list of articles in the current workspace. */
export class LibraryService {
  constructor(private readonly workspaceRoot: () => string) {}

  async list(): Promise<LibraryEntry[]> {
    const root = this.workspaceRoot();
    const files = await scanWorkspace(root);
    const entries = await Promise.all(
      files.map(async (absolute) => {
        try {
          const [stats, text] = await Promise.all([fs.stat(absolute), fs.readFile(absolute, 'utf8')]);
          return summarizeArticle(toWorkspacePath(root, absolute), text, stats);
        } catch {
          return null;
        }
      }),
    );
    return entries.filter((e): e is LibraryEntry => e !== null);
  }
}
