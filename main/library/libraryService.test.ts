import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { LibraryService } from './libraryService';

let base: string;
let root: string;
let events: { event: EventName; payload: unknown }[];
let service: LibraryService | null;
const open = new Set<string>();

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-library-'));
  root = path.join(base, 'workspace');
  mkdirSync(root);
  events = [];
  service = null;
  open.clear();
});
afterEach(async () => {
  await service?.close();
  rmSync(base, { recursive: true, force: true });
});

const write = (relative: string, content: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
};

function start(options: { dataDir?: string | null } = {}): LibraryService {
  service = new LibraryService({
    dataDir: options.dataDir === undefined ? path.join(base, 'data') : options.dataDir,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      events.push({ event, payload }),
    isOpen: (p) => open.has(p),
  });
  void service.open(root);
  return service;
}

/** Polls until `check` passes; the timeout only guards against a hang, it is not what is tested. */
async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

const titles = async (library: LibraryService): Promise<Record<string, string>> =>
  Object.fromEntries((await library.list()).map((e) => [e.path, e.title]));

describe('LibraryService', () => {
  it('lists articles with title, date, draft, tags, topics and words, skipping build and dot folders', async () => {
    write(
      'posts/a.md',
      '---\ntitle: 芯片新规\ndate: 2025-06-18T11:20:04+08:00\ndraft: true\ntags: [芯片, AI]\nmain_topics:\n  - 半导体\n---\n\n正文十个汉字就在这里 and three words\n',
    );
    write('posts/b.markdown', '# Heading title\n\ntext\n');
    write('posts/bundle/index.md', 'no title here\n');
    write('notes.md', '---\ntitle: [unclosed\n---\nbody\n');
    write(
      'legacy.md',
      iconv.encode(
        '---\ntitle: 晶片出口新規落地，供應鏈重組背後的算力博弈\n---\n在全球算力競爭日益激烈的背景下，新規的落地被視為產業格局的一次重要調整。\n',
        'big5',
      ),
    );
    // A Hugo site: its publishDir and resourceDir (at the site root only) are generated output.
    write('hugo.toml', 'title = "site"\n');
    write('content/resources/guide.md', '# A content folder named resources\n');
    write('posts/public/index.md', '# A content folder named public\n');
    for (const skipped of [
      'node_modules/x',
      'public/posts',
      'resources/_gen',
      '.git/x',
      '.byline/trash/1',
      'drafts/.hidden',
    ]) {
      write(`${skipped}/skip.md`, '# skip\n');
    }
    write('posts/image.png', 'not an article');
    const library = start();
    await library.settled();
    const entries = Object.fromEntries((await library.list()).map((e) => [e.path, e]));
    expect(Object.keys(entries).sort()).toEqual([
      'content/resources/guide.md',
      'legacy.md',
      'notes.md',
      'posts/a.md',
      'posts/b.markdown',
      'posts/bundle/index.md',
      'posts/public/index.md',
    ]);
    expect(entries['posts/a.md']).toMatchObject({
      title: '芯片新规',
      date: '2025-06-18T11:20:04+08:00',
      draft: true,
      tags: ['芯片', 'AI'],
      topics: ['半导体'],
      words: 13,
      frontMatterError: null,
    });
    expect(entries['posts/b.markdown']?.title).toBe('Heading title');
    expect(entries['posts/bundle/index.md']?.title).toBe('bundle');
    expect(entries['notes.md']?.frontMatterError).toMatch(/Line \d/);
    expect(entries['legacy.md']?.title).toBe('晶片出口新規落地，供應鏈重組背後的算力博弈');
  });

  it('reuses the cache when reopening and notices files changed meanwhile', async () => {
    write('a.md', '# A\n');
    write('b.md', '# B\n');
    const first = start();
    await first.settled();
    await first.close();
    write('b.md', '# B changed while Byline was closed\n');
    unlinkSync(path.join(root, 'a.md'));
    write('c.md', '# C\n');
    const second = start();
    expect(await titles(second)).toEqual({
      'b.md': 'B changed while Byline was closed',
      'c.md': 'C',
    });
  });

  it('shows files created, changed, renamed and deleted outside Byline, and folders moved in or out', async () => {
    write('posts/a.md', '# A\n');
    const library = start();
    await library.ready();
    write('posts/new.md', '# New\n');
    await eventually(async () => expect((await titles(library))['posts/new.md']).toBe('New'));
    write('posts/a.md', '# A edited\n');
    await eventually(async () => expect((await titles(library))['posts/a.md']).toBe('A edited'));
    renameSync(path.join(root, 'posts/new.md'), path.join(root, 'posts/renamed.md'));
    await eventually(async () =>
      expect(Object.keys(await titles(library)).sort()).toEqual(['posts/a.md', 'posts/renamed.md']),
    );
    // A whole folder moved in, with a folder inside it: indexed and then watched.
    const outside = path.join(base, 'incoming');
    mkdirSync(path.join(outside, 'deep'), { recursive: true });
    writeFileSync(path.join(outside, 'deep', 'x.md'), '# X\n');
    renameSync(outside, path.join(root, 'incoming'));
    await eventually(async () => expect((await titles(library))['incoming/deep/x.md']).toBe('X'));
    writeFileSync(path.join(root, 'incoming/deep/y.md'), '# Y\n');
    await eventually(async () => expect((await titles(library))['incoming/deep/y.md']).toBe('Y'));
    rmSync(path.join(root, 'incoming'), { recursive: true });
    unlinkSync(path.join(root, 'posts/renamed.md'));
    await eventually(async () =>
      expect(Object.keys(await titles(library))).toEqual(['posts/a.md']),
    );
    const changed = events
      .filter((e) => e.event === 'library.changed')
      .flatMap((e) => (e.payload as { paths: string[] }).paths);
    expect(changed).toEqual(
      expect.arrayContaining([
        'posts/new.md',
        'posts/renamed.md',
        'incoming/deep/x.md',
        'incoming/deep/y.md',
      ]),
    );
    // Files in skipped folders never show up.
    write('node_modules/pkg/readme.md', '# no\n');
    write('posts/.draft.md', '# no\n');
    write('posts/z.md', '# Z\n');
    await eventually(async () =>
      expect(Object.keys(await titles(library)).sort()).toEqual(['posts/a.md', 'posts/z.md']),
    );
  });

  it('reports images added and removed (not in skipped folders) as assets.changed', async () => {
    write('posts/a.md', '# A\n');
    write('images/old.png', 'png');
    const library = start();
    await library.ready();
    const assets = (): string[] =>
      events
        .filter((e) => e.event === 'assets.changed')
        .flatMap((e) => (e.payload as { paths: string[] }).paths);
    write('node_modules/pkg/logo.png', 'png');
    write('images/港口 夜景.png', 'png');
    await eventually(() => expect(assets()).toContain('images/港口 夜景.png'));
    unlinkSync(path.join(root, 'images/old.png'));
    await eventually(() => expect(assets()).toContain('images/old.png'));
    expect(assets().some((p) => p.startsWith('node_modules'))).toBe(false);
    // Images are no articles: never library rows.
    expect(await library.list()).toHaveLength(1);
  });

  it('tells open editors about their file: new stamp on change, null when deleted', async () => {
    write('a.md', '# A\n');
    open.add('a.md');
    const library = start();
    await library.ready();
    write('a.md', '# A changed elsewhere\n');
    await eventually(() =>
      expect(
        events.some(
          (e) =>
            e.event === 'article.changedOnDisk' && (e.payload as { stamp: unknown }).stamp !== null,
        ),
      ).toBe(true),
    );
    const changed = events.find((e) => e.event === 'article.changedOnDisk')?.payload as {
      path: string;
      stamp: { size: number };
    };
    expect(changed.path).toBe('a.md');
    expect(changed.stamp.size).toBe(Buffer.byteLength('# A changed elsewhere\n'));
    unlinkSync(path.join(root, 'a.md'));
    await eventually(() =>
      expect(
        events.some(
          (e) =>
            e.event === 'article.changedOnDisk' && (e.payload as { stamp: unknown }).stamp === null,
        ),
      ).toBe(true),
    );
  });

  it('returns rows for changed paths and reports the ones that are gone', async () => {
    write('a.md', '# A\n');
    const library = start();
    expect(await library.entries(['a.md', 'gone.md'])).toMatchObject({
      entries: [{ path: 'a.md', title: 'A' }],
      removed: ['gone.md'],
    });
  });

  it('a short file that reads as Big5 謝謝 and as GB18030 谅谅 is listed under its file name, never as one guess', async () => {
    write('thanks.md', '# Draft\n');
    const library = start();
    await library.settled();
    // Another program rewrites it as Big5: C1C2 C1C2 is also GB18030 谅谅.
    const big5 = iconv.encode('---\ntitle: 謝謝\n---\n\n謝謝\n', 'big5');
    expect(big5.includes(Buffer.from('c1c2c1c2', 'hex'))).toBe(true);
    write('thanks.md', big5);
    await library.pathsChanged([path.join(root, 'thanks.md')]);
    const { entries } = await library.entries(['thanks.md']);
    expect(entries).toMatchObject([{ path: 'thanks.md', title: 'thanks' }]);
    expect(entries[0]?.frontMatterError).toMatch(/Big5 or GB18030|GB18030 or Big5/);
  });

  it('searches the full text, CJK substrings and full-width letters included', async () => {
    write(
      'a.md',
      '---\ntitle: 芯片出口新规\n---\n多家企业表示，将在未来两个季度内完成合规评估。\n',
    );
    write('b.md', '# Other\n\n开源模型的流行让算力需求更加分散，ＡＩ 公司受益。\n');
    write('c.md', '# Third\n\nNothing to see.\n');
    const library = start();
    const byPath = async (query: string): Promise<string[]> =>
      (await library.search(query, 100)).map((h) => h.path);
    expect(await byPath('季度')).toEqual(['a.md']);
    expect(await byPath('需求更加')).toEqual(['b.md']);
    expect(await byPath('ai')).toEqual(['b.md']);
    expect(await byPath('芯片')).toEqual(['a.md']);
    expect(await byPath('算力 分散')).toEqual(['b.md']);
    expect(await byPath('算力 季度')).toEqual([]);
    const [hit] = await library.search('合规', 10);
    expect(hit).toMatchObject({ path: 'a.md', line: 4, matches: 1 });
    expect(hit?.snippet).toContain('合规评估');
  });

  it('keeps search current through changes on disk between searches', async () => {
    write('a.md', '# A\n\n多家企业完成合规评估。\n');
    write('b.md', '# B\n\n市场观察。\n');
    const library = start();
    await library.settled();
    const byPath = async (query: string): Promise<string[]> =>
      (await library.search(query, 100)).map((h) => h.path).sort();
    expect(await byPath('合规')).toEqual(['a.md']);
    expect(await byPath('观察')).toEqual(['b.md']);
    write('a.md', '# A\n\n市场变化很快，企业调整策略。\n');
    write('c.md', '# C\n\n合规评估与市场。\n');
    rmSync(path.join(root, 'b.md'));
    await library.pathsChanged(['a.md', 'b.md', 'c.md'].map((p) => path.join(root, p)));
    expect(await byPath('合规')).toEqual(['c.md']);
    expect(await byPath('市场')).toEqual(['a.md', 'c.md']);
    expect(await byPath('观察')).toEqual([]);
  });
});
