import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TrashListing } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { assertArticlePath } from '../workspace/articleFileNames';
import { assertConfined, resolveConfined } from '../workspace/confinement';
import { toWorkspacePath } from '../workspace/resolveInWorkspace';
import { availablePath } from './availablePath';
import { moveAcrossDevices } from './moveAcrossDevices';
import { readRegularFile } from './readTextFile';

/** Where deleted articles go. Services never call Electron: the desktop app injects shell.trashItem. */
export interface Trash {
  /** Move `absolute` (an article file, or a page bundle's folder) out of the workspace; returns the id to restore it, if restorable. */
  trash(absolute: string, articlePath: string, bundle: boolean): Promise<string | null>;
  list(): Promise<TrashListing>;
  /** Put an item back; returns the article's workspace path (renamed if its place is taken). */
  restore(id: string): Promise<string>;
  readonly restorable: boolean;
}

/** The desktop app: the system trash. Items are restored from the file manager, not from Byline. */
export class SystemTrash implements Trash {
  readonly restorable = false;

  constructor(private readonly trashItem: (absolute: string) => Promise<void>) {}

  async trash(absolute: string): Promise<null> {
    await this.trashItem(absolute);
    return null;
  }

  async list(): Promise<TrashListing> {
    return { canRestore: false, items: [] };
  }

  restore(): Promise<string> {
    return Promise.reject(
      new BylineError('not-supported', 'Restore this article from your system trash.'),
    );
  }
}

interface TrashMeta {
  path: string;
  itemName: string;
  deletedAt: number;
  bundle: boolean;
}

/**
 * Browser mode has no system trash: `<workspace>/.byline/trash/<id>/` holds the item and a
 * meta.json saying where it was. Dot folders are never indexed, so trashed articles leave the library.
 */
export class WorkspaceTrash implements Trash {
  readonly restorable = true;

  constructor(
    private readonly workspaceRoot: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  private get dir(): string {
    return path.join(this.workspaceRoot(), '.byline', 'trash');
  }

  async trash(absolute: string, articlePath: string, bundle: boolean): Promise<string> {
    const id = `${this.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const folder = path.join(this.dir, id);
    // A planted `.byline` symlink must not carry the article out of the workspace.
    await assertConfined(this.workspaceRoot(), folder, path.join('.byline', 'trash', id));
    await fs.mkdir(folder, { recursive: true });
    const meta: TrashMeta = {
      path: articlePath,
      itemName: path.basename(absolute),
      deletedAt: this.now(),
      bundle,
    };
    await fs.writeFile(path.join(folder, 'meta.json'), JSON.stringify(meta));
    try {
      // The trash folder may be on another disk (a linked .byline folder): copy, then remove.
      await moveAcrossDevices(absolute, path.join(folder, meta.itemName));
    } catch (error) {
      await fs.rm(folder, { recursive: true, force: true });
      throw error;
    }
    return id;
  }

  async list(): Promise<TrashListing> {
    let ids: string[];
    try {
      ids = await fs.readdir(this.dir);
    } catch {
      return { canRestore: true, items: [] };
    }
    const items = [];
    for (const id of ids) {
      const meta = await this.readMeta(id);
      if (meta) items.push({ id, path: meta.path, deletedAt: meta.deletedAt, bundle: meta.bundle });
    }
    return { canRestore: true, items: items.sort((a, b) => b.deletedAt - a.deletedAt) };
  }

  async restore(id: string): Promise<string> {
    const meta = /^[A-Za-z0-9_-]+$/.test(id) ? await this.readMeta(id) : null;
    if (!meta) throw new BylineError('not-in-trash', 'That article is no longer in the trash.');
    const root = this.workspaceRoot();
    // meta.json is a file in the workspace, written by anyone who sent the folder: data, not orders.
    const item = path.join(this.dir, id, meta.itemName);
    await assertConfined(path.join(this.dir, id), item, meta.itemName);
    await assertConfined(root, item, meta.itemName);
    assertArticlePath(meta.path);
    const original = await resolveConfined(root, meta.path);
    if (meta.bundle && !isBundleArticlePath(meta.path)) throw untrustworthy();
    const wanted = meta.bundle ? path.dirname(original) : original;
    const target = await availablePath(wanted, meta.bundle ? '' : path.extname(wanted), 'restored');
    await fs.mkdir(path.dirname(target), { recursive: true });
    await assertConfined(root, target, meta.path);
    await moveAcrossDevices(item, target);
    await fs.rm(path.join(this.dir, id), { recursive: true, force: true });
    return toWorkspacePath(root, meta.bundle ? path.join(target, path.basename(original)) : target);
  }

  private async readMeta(id: string): Promise<TrashMeta | null> {
    try {
      const meta = JSON.parse(
        (await readRegularFile(path.join(this.dir, id, 'meta.json'))).toString('utf8'),
      ) as TrashMeta;
      return typeof meta.path === 'string' &&
        isSinglePathSegment(meta.itemName) &&
        typeof meta.bundle === 'boolean' &&
        typeof meta.deletedAt === 'number'
        ? meta
        : null;
    } catch {
      return null;
    }
  }
}

/** A plain file or folder name: not empty, no separators, not `.` or `..`, no NUL. */
function isSinglePathSegment(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\0]/.test(name) &&
    !/^[a-zA-Z]:/.test(name)
  );
}

/** A restored bundle is a folder inside the workspace holding its `index.md`, never the workspace itself. */
function isBundleArticlePath(articlePath: string): boolean {
  return path.posix.dirname(articlePath.replace(/\\/g, '/')) !== '.';
}

function untrustworthy(): BylineError {
  return new BylineError(
    'not-in-trash',
    'That trash entry is damaged; Byline will not restore it.',
  );
}
