import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomicWrite';

/** Writes an export atomically (temp file + rename): a reader never sees half a file. */
export async function writeOutput(file: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, typeof data === 'string' ? new TextEncoder().encode(data) : data);
}
