import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomicWrite';
import { SessionState } from '../../shared/ipc/contract';
import type { SessionState as SessionValue } from '../../shared/ipc/contract';

const maxWorkspaces = 30;
const maxRecentFiles = 15;

interface StoredSession {
  /** Open tabs per workspace root, most recently used first. */
  workspaces: { root: string; session: SessionValue }[];
  /** Absolute paths of recently opened articles, newest first. */
  recentFiles: string[];
  /** Absolute workspace folders, newest first (the native Open Recent menu, jump list and dock). */
  recentWorkspaces: string[];
}

const emptySession: SessionValue = { openTabs: [], activeTab: null };

/** Normalise a session: no duplicate tabs, the active tab is one of them. */
export function normalizeSession(session: SessionValue): SessionValue {
  const openTabs = [...new Set(session.openTabs)];
  const activeTab =
    session.activeTab && openTabs.includes(session.activeTab)
      ? session.activeTab
      : (openTabs[0] ?? null);
  return { openTabs, activeTab };
}

/** Puts `item` first, drops duplicates (by `key`), keeps at most `limit`. */
export function pushRecent<T>(
  list: readonly T[],
  item: T,
  limit: number,
  key: (value: T) => string = String,
): T[] {
  const id = key(item);
  return [item, ...list.filter((entry) => key(entry) !== id)].slice(0, limit);
}

/**
 * Open tabs per workspace and recent files, in `session.json` in the app data folder (never in a
 * workspace). A damaged file is ignored rather than stopping Byline from starting.
 */
export class SessionStore {
  private state: StoredSession = { workspaces: [], recentFiles: [], recentWorkspaces: [] };
  private readonly file: string;
  private loaded = false;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'session.json');
  }

  async load(): Promise<void> {
    this.loaded = true;
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(this.file, 'utf8'));
    } catch {
      return;
    }
    const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const workspaces: StoredSession['workspaces'] = [];
    if (Array.isArray(record.workspaces)) {
      for (const entry of record.workspaces as unknown[]) {
        const item = (entry ?? {}) as Record<string, unknown>;
        const parsed = SessionState.safeParse(item.session);
        if (typeof item.root === 'string' && parsed.success)
          workspaces.push({ root: item.root, session: normalizeSession(parsed.data) });
      }
    }
    const strings = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.filter((f): f is string => typeof f === 'string').slice(0, maxRecentFiles)
        : [];
    this.state = {
      workspaces: workspaces.slice(0, maxWorkspaces),
      recentFiles: strings(record.recentFiles),
      recentWorkspaces: strings(record.recentWorkspaces),
    };
  }

  async get(root: string): Promise<SessionValue> {
    if (!this.loaded) await this.load();
    return this.state.workspaces.find((w) => w.root === root)?.session ?? emptySession;
  }

  async update(root: string, session: SessionValue): Promise<SessionValue> {
    if (!this.loaded) await this.load();
    const normalized = normalizeSession(session);
    this.state.workspaces = pushRecent(
      this.state.workspaces,
      { root, session: normalized },
      maxWorkspaces,
      (w) => w.root,
    );
    await this.persist();
    return normalized;
  }

  async recentFiles(): Promise<string[]> {
    if (!this.loaded) await this.load();
    return this.state.recentFiles;
  }

  async addRecentFile(absolute: string): Promise<string[]> {
    if (!this.loaded) await this.load();
    this.state.recentFiles = pushRecent(this.state.recentFiles, absolute, maxRecentFiles);
    await this.persist();
    return this.state.recentFiles;
  }

  async recentWorkspaces(): Promise<string[]> {
    if (!this.loaded) await this.load();
    return this.state.recentWorkspaces;
  }

  async addRecentWorkspace(root: string): Promise<string[]> {
    if (!this.loaded) await this.load();
    if (this.state.recentWorkspaces[0] === root) return this.state.recentWorkspaces;
    this.state.recentWorkspaces = pushRecent(this.state.recentWorkspaces, root, maxRecentFiles);
    await this.persist();
    return this.state.recentWorkspaces;
  }

  /** "Clear Menu": forgets recent articles and workspaces (open tabs per workspace are kept). */
  async clearRecent(): Promise<void> {
    if (!this.loaded) await this.load();
    this.state.recentFiles = [];
    this.state.recentWorkspaces = [];
    await this.persist();
  }

  private async persist(): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(
      this.file,
      new TextEncoder().encode(JSON.stringify(this.state, null, 2) + '\n'),
    );
  }
}
