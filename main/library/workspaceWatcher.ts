import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import path from 'node:path';
import { isSkippedFolder } from './scanWorkspace';

export interface WorkspaceWatcherOptions {
  /** Changed paths (absolute), batched: files or folders created, changed, renamed or deleted. */
  onChange(paths: string[]): void;
  /** The system refused more watches (inotify limit): changes below `folder` go unseen. */
  onLimit?(folder: string, error: NodeJS.ErrnoException): void;
  /** How long to gather events before reporting; an atomic save is several events. */
  batchMs?: number;
  platform?: NodeJS.Platform;
}

/**
 * Watches a workspace without polling. macOS and Windows: one native recursive watcher on the
 * root. Linux: one inotify watch per folder the library indexes, never per file and never in
 * skipped folders (.git, node_modules, dot folders, the Hugo site's publishDir and resourceDir), so a big Hugo site uses a
 * few thousand of the (often 8,192 or 65,536) watches a user has. chokidar would add a watch per
 * file and walk the tree a second time after the library's own scan.
 */
export class WorkspaceWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly recursive: boolean;

  constructor(
    private readonly root: string,
    private readonly options: WorkspaceWatcherOptions,
  ) {
    const platform = options.platform ?? process.platform;
    this.recursive = platform === 'darwin' || platform === 'win32';
  }

  /** Start watching; `folders` are those the library scan walked (the root first). */
  start(folders: readonly string[]): void {
    if (this.recursive) this.add(this.root, true);
    else for (const folder of folders) this.add(folder, false);
  }

  /** A folder appeared (created or moved in): watch it and the folders below it. */
  addFolders(folders: readonly string[]): void {
    if (this.recursive) return;
    for (const folder of folders) this.add(folder, false);
  }

  /** A folder disappeared: drop its watch and those below it. */
  removeFolder(folder: string): void {
    const prefix = folder + path.sep;
    for (const [watched, watcher] of this.watchers) {
      if (watched === folder || watched.startsWith(prefix)) {
        watcher.close();
        this.watchers.delete(watched);
      }
    }
  }

  isWatched(folder: string): boolean {
    return this.recursive || this.watchers.has(folder);
  }

  get watchCount(): number {
    return this.watchers.size;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.pending.clear();
  }

  private add(folder: string, recursive: boolean): void {
    if (this.closed || this.watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { recursive, persistent: false }, (_event, name) => {
        if (name !== null) this.note(folder, name.toString());
      });
    } catch (error) {
      const errno = error as NodeJS.ErrnoException;
      if (errno.code === 'ENOSPC' || errno.code === 'EMFILE') this.options.onLimit?.(folder, errno);
      return;
    }
    // The folder went away (its parent's watcher reports that); nothing to do here.
    watcher.on('error', () => this.removeFolder(folder));
    this.watchers.set(folder, watcher);
  }

  private note(folder: string, name: string): void {
    const full = path.join(folder, name);
    const relative = path.relative(this.root, full);
    // Recursive watchers report everything, including skipped folders and our own temp files.
    const parts = relative.split(path.sep);
    if (
      parts.some((part, i) => (i < parts.length - 1 ? isSkippedFolder(part) : part.startsWith('.')))
    )
      return;
    this.pending.add(full);
    this.timer ??= setTimeout(() => this.flush(), this.options.batchMs ?? 40);
  }

  private flush(): void {
    this.timer = null;
    if (this.closed || this.pending.size === 0) return;
    const paths = [...this.pending];
    this.pending.clear();
    this.options.onChange(paths);
  }
}
