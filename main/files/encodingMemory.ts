import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TextEncodingName } from '../../shared/ipc/contract';
import { TextEncodingName as EncodingSchema } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomicWrite';
import type { EncodingHints } from './detectEncoding';

const Remembered = z.record(z.string(), EncodingSchema);
type Remembered = z.output<typeof Remembered>;

/**
 * The encoding each article of a workspace was last opened in, kept in the app data folder
 * (`encodings/<workspace key>.json`). Short legacy files cannot be told apart by their bytes;
 * what a file, and most files of its workspace, were before is the best evidence there is.
 */
export class EncodingMemory {
  private cache: { root: string; files: Remembered } | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly workspaceRoot: () => string,
  ) {}

  async hints(relativePath: string): Promise<EncodingHints> {
    const files = await this.files();
    const counts = new Map<TextEncodingName, number>();
    for (const encoding of Object.values(files))
      counts.set(encoding, (counts.get(encoding) ?? 0) + 1);
    let workspace: TextEncodingName | null = null;
    for (const [encoding, count] of counts)
      if (workspace === null || count > (counts.get(workspace) ?? 0)) workspace = encoding;
    return { previous: files[relativePath] ?? null, workspace };
  }

  async remember(relativePath: string, encoding: TextEncodingName): Promise<void> {
    const files = await this.files();
    if (files[relativePath] === encoding) return;
    files[relativePath] = encoding;
    await this.persist(files);
  }

  /** The article was renamed or moved: its encoding goes with it. */
  async move(from: string, to: string): Promise<void> {
    const files = await this.files();
    const prefix = `${from}/`;
    let changed = false;
    for (const [file, encoding] of Object.entries(files)) {
      if (file !== from && !file.startsWith(prefix)) continue;
      delete files[file];
      files[to + file.slice(from.length)] = encoding;
      changed = true;
    }
    if (changed) await this.persist(files);
  }

  private async files(): Promise<Remembered> {
    const root = this.workspaceRoot();
    if (this.cache?.root === root) return this.cache.files;
    let files: Remembered = {};
    try {
      const parsed = Remembered.safeParse(
        JSON.parse(await fs.readFile(this.fileFor(root), 'utf8')),
      );
      if (parsed.success) files = parsed.data;
    } catch {
      // Nothing remembered yet, or unreadable: detection then works from the bytes alone.
    }
    this.cache = { root, files };
    return files;
  }

  private persist(files: Remembered): Promise<void> {
    const file = this.fileFor(this.workspaceRoot());
    const bytes = new TextEncoder().encode(JSON.stringify(files));
    this.writes = this.writes
      .catch(() => {})
      .then(async () => {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, bytes);
      });
    return this.writes;
  }

  private fileFor(root: string): string {
    const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
    return path.join(this.dataDir, 'encodings', `${key}.json`);
  }
}
