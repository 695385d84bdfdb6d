import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CrashJournal } from '../../../main/files/crashJournal';

/**
 * The texts the crash journal in `dataDir` would offer back after a crash, every workspace's:
 * read by the journal itself, so an entry's logged changes count.
 */
export async function journaledTexts(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, 'journal');
  if (!existsSync(dir)) return [];
  const roots = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const { root } = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { root?: unknown };
      if (typeof root === 'string') roots.add(root);
    } catch {
      // Replaced while read: the next poll reads it whole.
    }
  }
  const texts: string[] = [];
  for (const root of roots)
    for (const entry of await new CrashJournal(dataDir, () => root).list()) texts.push(entry.text);
  return texts;
}
