import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CslItem, MergeResult } from '../../shared/citations';
import {
  mergeIntoLibrary,
  parseDateText,
  parseAuthors,
  searchLibrary,
  toCslDate,
} from '../../shared/citations';
import type { ReferencesWorkspaceSettings } from '../../shared/citations/referenceSchemas';
import {
  CslItemSchema,
  ReferencesWorkspaceSettings as SettingsSchema,
} from '../../shared/citations/referenceSchemas';
import { BylineError } from '../../shared/ipc/contract';
import { readRegularFile } from '../files/readTextFile';
import { workspaceDataFile } from '../workspace/confinement';

export const LIBRARY_FILE = '.byline/references.json';
const SETTINGS_FILE = '.byline/references-settings.json';

const defaultReferencesSettings: ReferencesWorkspaceSettings = {
  headingZh: '## 参考资料',
  headingEn: '## References',
};

/** Temp file in the same folder, fsync, rename: a crash leaves the old file or the new one, whole. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await fs.open(temp, 'wx', 0o666);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Fixes what importers leave behind: string ids, citation-js bookkeeping, RIS news authors
 * stored as `reporter`, dates given only as raw text.
 */
export function normalizeItem(raw: Record<string, unknown>, fallbackId: string): CslItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new TypeError('not a CSL item');
  const item: Record<string, unknown> = { ...raw };
  delete item._graph;
  const id = item.id ?? item['citation-key'];
  item.id = typeof id === 'string' || typeof id === 'number' ? String(id) : fallbackId;
  if (typeof item.type !== 'string' || !item.type) item.type = 'article-newspaper';
  if (!item.author && typeof item.reporter === 'string') {
    item.author = parseAuthors(item.reporter.replace(/\s*;\s*/g, ' & '));
    delete item.reporter;
  }
  for (const field of ['issued', 'accessed'] as const) {
    const date = item[field] as { 'date-parts'?: unknown; raw?: unknown } | undefined;
    if (date && !date['date-parts'] && typeof date.raw === 'string') {
      const parts = parseDateText(date.raw);
      if (parts) item[field] = toCslDate(parts);
    }
  }
  return CslItemSchema.parse(item) as CslItem;
}

/**
 * The workspace's source library: CSL-JSON in `.byline/references.json`, shared by every
 * article of the workspace. Read on every call (the file is small and may be edited by hand
 * or by Zotero exports); writes are serialised and atomic.
 */
export class ReferenceLibrary {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly workspaceRoot: () => string) {}

  private get file(): string {
    return workspaceDataFile(this.workspaceRoot(), LIBRARY_FILE);
  }

  private get settingsFile(): string {
    return workspaceDataFile(this.workspaceRoot(), SETTINGS_FILE);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async read(): Promise<CslItem[]> {
    return (await this.readAll()).items;
  }

  /** The sources, and the entries Byline cannot read (kept as they are when the file is rewritten). */
  private async readAll(): Promise<{ items: CslItem[]; unreadable: unknown[] }> {
    let text: string;
    try {
      text = (await readRegularFile(this.file)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: [], unreadable: [] };
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // Never overwrite a library we could not read: the writer may have hand-edited it.
      throw new BylineError(
        'references-unreadable',
        `${LIBRARY_FILE} is not valid JSON; fix or remove it. Byline left it unchanged.`,
      );
    }
    if (!Array.isArray(data)) {
      throw new BylineError(
        'references-unreadable',
        `${LIBRARY_FILE} should hold a CSL-JSON list of sources. Byline left it unchanged.`,
      );
    }
    const items: CslItem[] = [];
    const unreadable: unknown[] = [];
    data.forEach((entry, i) => {
      try {
        items.push(normalizeItem(entry as Record<string, unknown>, `source-${i + 1}`));
      } catch {
        unreadable.push(entry);
      }
    });
    return { items, unreadable };
  }

  list(query = ''): Promise<CslItem[]> {
    return this.read().then((items) => searchLibrary(items, query));
  }

  /** Adds sources; the same URL or DOI (or title+outlet for sources without either) is not added twice. */
  add(incoming: readonly CslItem[]): Promise<MergeResult> {
    return this.serial(async () => {
      const { items, unreadable } = await this.readAll();
      const merged = mergeIntoLibrary(items, incoming);
      if (JSON.stringify(merged.items) !== JSON.stringify(items)) {
        await writeAtomically(
          this.file,
          `${JSON.stringify([...merged.items, ...unreadable], null, 2)}\n`,
        );
      }
      return merged;
    });
  }

  async settings(): Promise<ReferencesWorkspaceSettings> {
    try {
      const parsed = SettingsSchema.partial().safeParse(
        JSON.parse((await readRegularFile(this.settingsFile)).toString('utf8')),
      );
      return { ...defaultReferencesSettings, ...(parsed.success ? parsed.data : {}) };
    } catch {
      return { ...defaultReferencesSettings };
    }
  }

  updateSettings(
    patch: Partial<ReferencesWorkspaceSettings>,
  ): Promise<ReferencesWorkspaceSettings> {
    return this.serial(async () => {
      const next = { ...(await this.settings()), ...patch };
      await writeAtomically(this.settingsFile, `${JSON.stringify(next, null, 2)}\n`);
      return next;
    });
  }
}
