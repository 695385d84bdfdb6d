import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PaneLayout } from '../../shared/ipc/contract';
import type { PaneLayout as PaneLayoutValue } from '../../shared/ipc/contract';
import { writeFileAtomic } from '../files/atomicWrite';
import { pushRecent } from './sessionStore';

const maxWorkspaces = 30;

const StoredLayouts = z.object({
  workspaces: z.array(z.object({ root: z.string(), layout: PaneLayout })).max(maxWorkspaces),
});
type StoredLayouts = z.output<typeof StoredLayouts>;

/**
 * Pane widths and docked side panels per workspace, in `layout.json` in the app data folder
 * (never in a workspace, which may be shared). A damaged file counts as no layout saved yet.
 */
export class LayoutStore {
  private state: StoredLayouts | null = null;
  private readonly file: string;
  /** Writes one after another, so an older layout never lands after a newer one. */
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'layout.json');
  }

  async get(root: string): Promise<PaneLayoutValue | null> {
    const state = await this.load();
    return state.workspaces.find((entry) => entry.root === root)?.layout ?? null;
  }

  async update(root: string, layout: PaneLayoutValue): Promise<void> {
    const state = await this.load();
    state.workspaces = pushRecent(state.workspaces, { root, layout }, maxWorkspaces, (w) => w.root);
    const bytes = new TextEncoder().encode(JSON.stringify(state, null, 2) + '\n');
    const write = this.writing.then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, bytes);
    });
    this.writing = write.catch(() => undefined);
    await write;
  }

  private async load(): Promise<StoredLayouts> {
    if (this.state) return this.state;
    let parsed: StoredLayouts = { workspaces: [] };
    try {
      const result = StoredLayouts.safeParse(JSON.parse(await fs.readFile(this.file, 'utf8')));
      if (result.success) parsed = result.data;
    } catch {
      // Missing or unreadable: start without saved layouts.
    }
    this.state ??= parsed;
    return this.state;
  }
}
