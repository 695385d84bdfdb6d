import { mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { searchArticles } from './librarySearch';
import { SearchIndex } from './searchIndex';

// Few distinct characters, so random queries often hit and often miss; full-width and upper-case
// letters, kana, punctuation, a character outside the BMP and İ (which lowercases to two code
// units) test the folding, the key split and the snippets' text as written.
const alphabet = [...'芯片算力出口新规合同季度ＡＩaiAIsaidopen-ai.，。 \nカナ𠀋İ'];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function entryFor(relative: string, title: string): LibraryEntry {
  const stats = statSync(path.join(root, relative));
  return {
    path: relative,
    title,
    date: null,
    draft: false,
    tags: [],
    topics: [],
    words: null,
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    frontMatterError: null,
  };
}

describe('SearchIndex', () => {
  it('finds exactly what reading every article finds, for random articles, queries and edits', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'byline-search-index-'));
    const next = random(7);
    const pick = (): string => alphabet[Math.floor(next() * alphabet.length)] as string;
    const textOf = (length: number): string => Array.from({ length }, pick).join('');
    const entries = new Map<string, LibraryEntry>();
    const write = (name: string): void => {
      writeFileSync(path.join(root, name), textOf(20 + Math.floor(next() * 200)));
      entries.set(name, entryFor(name, textOf(6).replace(/\n/g, ' ')));
    };
    for (let i = 0; i < 40; i++) write(`a${i}.md`);
    // Compacting after a few removals, so that the rebuild of the keys is checked too.
    const index = new SearchIndex(root, 500);
    await index.sync([...entries.values()]);

    const queries = [
      '芯片',
      '算力 季度',
      'ai',
      'ＡＩ',
      'AI',
      'said',
      'open-ai',
      '𠀋',
      'カナ',
      '新',
      '。',
      'zz',
    ];
    for (let i = 0; i < 150; i++) {
      const text = textOf(1 + Math.floor(next() * 4));
      queries.push(next() < 0.3 ? `${text} ${textOf(2)}` : text);
    }
    const compare = async (): Promise<void> => {
      const list = [...entries.values()];
      for (const query of queries) {
        // Every hit (fewer articles than the limit); a smaller limit takes the first of them,
        // and the index stops reading once no unread article can enter it.
        const all = await searchArticles(root, list, query, 100);
        for (const limit of [100, 7, 3, 1])
          expect(index.search(query, limit), `${query} (limit ${limit})`).toEqual(
            all.slice(0, limit),
          );
      }
    };
    await compare();

    // The watcher's updates: changed, new and deleted articles.
    for (let i = 0; i < 10; i++) {
      const name = `a${Math.floor(next() * 40)}.md`;
      write(name);
      index.update(entries.get(name) as LibraryEntry);
    }
    write('new.md');
    index.update(entries.get('new.md') as LibraryEntry);
    unlinkSync(path.join(root, 'a3.md'));
    entries.delete('a3.md');
    index.remove('a3.md');
    await compare();
    expect(index.size).toBe(entries.size);
    expect(index.approximateBytes()).toBeGreaterThan(0);
  });

  it('re-reads on sync what changed on disk without an update', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'byline-search-index-'));
    writeFileSync(path.join(root, 'a.md'), '多家企业表示将完成合规评估\n');
    const index = new SearchIndex(root);
    await index.sync([entryFor('a.md', 'A')]);
    expect(index.search('合规', 10)).toHaveLength(1);
    writeFileSync(path.join(root, 'a.md'), '开源模型让算力需求更加分散，还有更多文字\n');
    const changed = entryFor('a.md', 'A');
    await index.sync([changed]);
    expect(index.search('合规', 10)).toEqual([]);
    expect(index.search('需求更加', 10)).toMatchObject([{ path: 'a.md', line: 1 }]);
    await index.sync([]);
    expect(index.size).toBe(0);
  });
  it('snippets come from the body: a term only in the front matter shows the first body line', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'byline-search-snippet-'));
    writeFileSync(
      path.join(root, 'a.md'),
      '---\ntitle: 芯片出口新规\ntags: [芯片]\n---\n\n新规正式生效，芯片企业调整供应链。\n\n出口合同延期。\n',
    );
    const entries = [entryFor('a.md', '芯片出口新规')];
    const index = new SearchIndex(root);
    await index.sync(entries);
    expect(index.search('芯片', 10)[0]).toMatchObject({
      line: 6,
      snippet: '新规正式生效，芯片企业调整供应链。',
    });
    expect(index.search('出口', 10)[0]).toMatchObject({
      line: 8,
      snippet: '出口合同延期。',
    });
    expect(index.search('新规', 10)[0]).toMatchObject({ line: 6 });
    // Only in the title: the body's first line, never "title: …".
    writeFileSync(path.join(root, 'b.md'), '---\ntitle: 算力租赁\n---\n\n市场观察。\n');
    const withB = [...entries, entryFor('b.md', '算力租赁')];
    await index.sync(withB);
    expect(index.search('租赁', 10)[0]).toMatchObject({
      path: 'b.md',
      line: 5,
      snippet: '市场观察。',
    });
  });
});
