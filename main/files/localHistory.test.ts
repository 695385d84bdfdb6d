import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalHistory } from './localHistory';

let dataDir: string;
let now: number;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'byline-history-'));
  now = 1_000_000;
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array): string => new TextDecoder().decode(data);
const history = (
  options: Partial<ConstructorParameters<typeof LocalHistory>[2]> = {},
): LocalHistory => new LocalHistory(dataDir, () => '/workspace', { now: () => now, ...options });

describe('LocalHistory', () => {
  it('keeps a snapshot per save, newest first, and reads any of them back', async () => {
    const h = history();
    await h.snapshot('a.md', bytes('v1'));
    now += 1000;
    await h.snapshot('a.md', bytes('v2'));
    const entries = await h.list('a.md');
    expect(entries.map((e) => e.savedAt)).toEqual([1_001_000, 1_000_000]);
    expect(text(await h.read('a.md', entries[1]?.id ?? ''))).toBe('v1');
    expect(await h.list('other.md')).toEqual([]);
  });

  it('stores identical content once and skips a save that changed nothing', async () => {
    const h = history();
    await h.snapshot('a.md', bytes('same'));
    await h.snapshot('a.md', bytes('same'));
    now += 1;
    await h.snapshot('a.md', bytes('other'));
    now += 1;
    await h.snapshot('a.md', bytes('same'));
    expect((await h.list('a.md')).length).toBe(3);
    const folder = path.join(dataDir, 'history');
    const blobs = readdirSync(folder, { recursive: true })
      .map(String)
      .filter((n) => n.endsWith('.snap'));
    expect(blobs).toHaveLength(2);
  });

  it('is bounded by count and by age, keeping the newest', async () => {
    const h = history({ maxSnapshots: 3, maxAgeMs: 10_000 });
    for (let i = 0; i < 5; i++) {
      now += 1000;
      await h.snapshot('a.md', bytes(`v${i}`));
    }
    expect((await h.list('a.md')).length).toBe(3);
    now += 60_000;
    await h.snapshot('a.md', bytes('late'));
    const left = await h.list('a.md');
    expect(left.length).toBe(1);
    expect(text(await h.read('a.md', left[0]?.id ?? ''))).toBe('late');
    // Blobs of pruned snapshots are gone too.
    expect(
      readdirSync(path.join(dataDir, 'history'), { recursive: true })
        .map(String)
        .filter((n) => n.endsWith('.snap')),
    ).toHaveLength(1);
  });

  it('follows a renamed article and lives outside the workspace', async () => {
    const h = history();
    await h.snapshot('old.md', bytes('v1'));
    await h.move('old.md', 'new.md');
    expect(await h.list('old.md')).toEqual([]);
    expect((await h.list('new.md')).length).toBe(1);
    await expect(h.read('new.md', 'missing-id')).rejects.toMatchObject({ code: 'no-snapshot' });
  });
});
