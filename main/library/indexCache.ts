import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { writeFileAtomic } from '../files/atomicWrite';

/** Bump when summarizeArticle changes what it extracts, so old caches are rebuilt, not trusted. */
const cacheVersion = 1;

interface CacheFile {
  version: number;
  root: string;
  entries: LibraryEntry[];
}

/**
 * The library index of one workspace, kept in the app data folder (never in the workspace) so
 * reopening only needs a stat per file: an entry is reused while its size and mtime match.
 */
export class IndexCache {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly root: string,
  ) {
    const key = createHash('sha256').update(root).digest('hex').slice(0, 24);
    this.file = path.join(dataDir, 'library-index', `${key}.json`);
  }

  async load(): Promise<Map<string, LibraryEntry>> {
    let parsed: CacheFile;
    try {
      parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as CacheFile;
    } catch {
      return new Map();
    }
    if (
      parsed.version !== cacheVersion ||
      parsed.root !== this.root ||
      !Array.isArray(parsed.entries)
    )
      return new Map();
    return new Map(parsed.entries.map((entry) => [entry.path, entry]));
  }

  async save(entries: Iterable<LibraryEntry>): Promise<void> {
    const content: CacheFile = { version: cacheVersion, root: this.root, entries: [...entries] };
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, Buffer.from(JSON.stringify(content)));
  }
}
