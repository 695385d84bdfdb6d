import { promises as fs } from 'node:fs';
import path from 'node:path';
import { scanWorkspace, isArticleFile } from '../library/scanWorkspace';
import { decodeTextLazily, readRegularFileSync } from '../files/readTextFile';

/** Files to act on: the file itself, or every article below a folder (same skip rules as the library). */
export async function collectArticleFiles(target: string): Promise<string[]> {
  const absolute = path.resolve(target);
  const stats = await fs.stat(absolute).catch(() => null);
  if (!stats) throw new Error(`No such file or folder: ${target}`);
  if (stats.isDirectory()) return scanWorkspace(absolute);
  if (!isArticleFile(absolute)) throw new Error(`Not a Markdown file: ${target}`);
  return [absolute];
}

/** Reads an article with the same encoding detection as the editor (line endings kept). */
export async function readArticleText(file: string): Promise<string> {
  // Read synchronously: the CLI handles one file at a time anyway, and an async read is four
  // thread-pool round trips (open, stat, read, close) whose waits dominated a 1,000-file check.
  return (await decodeTextLazily(new Uint8Array(readRegularFileSync(file)))).text;
}
