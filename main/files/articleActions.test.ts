import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/article';
import { loadWorkspaceSchema } from '../schema/workspaceSchemaService';
import { ArticleActions } from './articleActions';
import { SystemTrash, WorkspaceTrash } from './trash';

let root: string;
let moved: [string, string][];
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'byline-actions-'));
  moved = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const actions = (now = new Date(2026, 10, 28, 21, 40, 0)): ArticleActions =>
  new ArticleActions({
    workspaceRoot: () => root,
    trash: new WorkspaceTrash(
      () => root,
      () => now.getTime(),
    ),
    now: () => now,
    onMoved: async (from, to) => {
      moved.push([from, to]);
    },
  });
const read = (relative: string): string => readFileSync(path.join(root, relative), 'utf8');
const write = (relative: string, content: string): void => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
};

describe('ArticleActions.create', () => {
  it('names a Chinese title by its pinyin and fills the template', async () => {
    const created = await actions().create({
      title: '芯片出口新规落地',
      folder: 'posts',
      bundle: false,
    });
    expect(created).toBe('posts/xin-pian-chu-kou-xin-gui-luo-di.md');
    const { data, error } = parseArticle(read(created));
    expect(error).toBeNull();
    expect(data).toEqual({
      title: '芯片出口新规落地',
      date: expect.stringMatching(/^2026-11-28T21:40:00[+-]\d\d:\d\d$/),
      draft: true,
      summary: '',
      tags: [],
    });
  });

  it("starts with the fields the workspace's articles usually have, from its schema", async () => {
    write('posts/a.md', '---\ntitle: A\nmain_topics: [能源]\nfeatured_image: images/a.png\n---\n');
    write('posts/b.md', '---\ntitle: B\nmain_topics: [芯片]\nfeatured_image: images/b.png\n---\n');
    write('posts/c.md', '---\ntitle: C\nmain_topics: [算力]\nweight: 3\n---\n');
    const withSchema = new ArticleActions({
      workspaceRoot: () => root,
      trash: new WorkspaceTrash(() => root),
      now: () => new Date(2026, 10, 28, 21, 40, 0),
      schema: () => loadWorkspaceSchema(root),
    });
    const created = await withSchema.create({ title: '新稿', folder: 'posts', bundle: false });
    const text = read(created);
    const { data, error } = parseArticle(text);
    expect(error).toBeNull();
    // Two of three articles have a featured image, all have topics; one has a weight: left out.
    expect(data).toEqual({
      title: '新稿',
      date: expect.stringMatching(/^2026-11-28T21:40:00[+-]\d\d:\d\d$/),
      draft: true,
      summary: '',
      tags: [],
      main_topics: [],
      featured_image: '',
    });
    expect(text.endsWith('---\n\n')).toBe(true);
  });

  it('writes the date in the local zone with its offset', async () => {
    const text = read(await actions().create({ title: 'Offset', folder: '', bundle: false }));
    const date = /date: (\S+)/.exec(text)?.[1] ?? '';
    const offset = -new Date(2026, 10, 28, 21, 40).getTimezoneOffset();
    const sign = offset >= 0 ? '+' : '-';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    expect(date).toBe(`2026-11-28T21:40:00${sign}${hh}:${mm}`);
  });

  it('never makes an empty slug and never overwrites', async () => {
    const a = actions();
    expect(await a.create({ title: '', folder: '', bundle: false })).toBe('untitled-2026-11-28.md');
    expect(await a.create({ title: '！？😀', folder: '', bundle: false })).toBe(
      'untitled-2026-11-28-2.md',
    );
    expect(await a.create({ title: 'Same', folder: '', bundle: false })).toBe('same.md');
    expect(await a.create({ title: 'Same', folder: '', bundle: false })).toBe('same-2.md');
    expect(parseArticle(read('untitled-2026-11-28.md')).data?.title).toBe('');
  });

  it('creates a Hugo page bundle', async () => {
    expect(
      await actions().create({ title: '算力博弈', folder: 'content/posts', bundle: true }),
    ).toBe('content/posts/suan-li-bo-yi/index.md');
  });

  it('refuses folders outside the workspace', async () => {
    await expect(
      actions().create({ title: 'x', folder: '../outside', bundle: false }),
    ).rejects.toMatchObject({ code: 'outside-workspace' });
  });
});

describe('ArticleActions.rename / duplicate', () => {
  it('renames a file, keeping its content, and reports the move', async () => {
    write('posts/a.md', 'content\r\n');
    expect(await actions().rename('posts/a.md', 'better-name')).toBe('posts/better-name.md');
    expect(read('posts/better-name.md')).toBe('content\r\n');
    expect(existsSync(path.join(root, 'posts/a.md'))).toBe(false);
    expect(moved).toEqual([['posts/a.md', 'posts/better-name.md']]);
  });

  it('a name too long for the disk is reported as such, not as a way out of the workspace', async () => {
    write('posts/a.md', 'content\n');
    // 85 Chinese characters: 255 bytes of UTF-8 with ".md", over the 255-byte limit of ext4.
    await expect(actions().rename('posts/a.md', '长'.repeat(85))).rejects.toMatchObject({
      code: 'ENAMETOOLONG',
    });
    expect(read('posts/a.md')).toBe('content\n');
  });

  it('renames a page bundle by its folder', async () => {
    write('posts/old-slug/index.md', 'bundle\n');
    write('posts/old-slug/image.png', 'png');
    expect(await actions().rename('posts/old-slug/index.md', 'new-slug')).toBe(
      'posts/new-slug/index.md',
    );
    expect(readdirSync(path.join(root, 'posts/new-slug')).sort()).toEqual([
      'image.png',
      'index.md',
    ]);
  });

  it('refuses to overwrite, to leave the folder, and odd names', async () => {
    write('a.md', 'a');
    write('b.md', 'b');
    await expect(actions().rename('a.md', 'b.md')).rejects.toMatchObject({ code: 'exists' });
    await expect(actions().rename('a.md', '../x.md')).rejects.toMatchObject({ code: 'bad-name' });
    await expect(actions().rename('a.md', '.hidden')).rejects.toMatchObject({ code: 'bad-name' });
    expect(read('a.md')).toBe('a');
  });

  it('duplicates byte for byte next to the original', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
    mkdirSync(path.join(root, 'posts'));
    writeFileSync(path.join(root, 'posts/a.md'), bytes);
    expect(await actions().duplicate('posts/a.md')).toBe('posts/a-copy.md');
    expect(await actions().duplicate('posts/a.md')).toBe('posts/a-copy-2.md');
    expect(readFileSync(path.join(root, 'posts/a-copy.md')).equals(bytes)).toBe(true);
    write('posts/bundle/index.md', 'b');
    expect(await actions().duplicate('posts/bundle/index.md')).toBe('posts/bundle-copy/index.md');
  });
});

describe('trash', () => {
  it('moves an article to .byline/trash and restores it to its place', async () => {
    write('posts/a.md', 'keep me\n');
    const a = actions();
    expect(await a.trash('posts/a.md')).toEqual({ restorable: true, id: expect.any(String) });
    expect(existsSync(path.join(root, 'posts/a.md'))).toBe(false);
    const trash = new WorkspaceTrash(() => root);
    const { items } = await trash.list();
    expect(items).toMatchObject([{ path: 'posts/a.md', bundle: false }]);
    expect(await a.restore(items[0]?.id ?? '')).toBe('posts/a.md');
    expect(read('posts/a.md')).toBe('keep me\n');
    expect((await trash.list()).items).toEqual([]);
  });

  it('trashes a page bundle with its images, and restores next to a new article of the same name', async () => {
    write('posts/story/index.md', 'bundle\n');
    write('posts/story/photo.jpg', 'jpg');
    const a = actions();
    await a.trash('posts/story/index.md');
    expect(existsSync(path.join(root, 'posts/story'))).toBe(false);
    write('posts/story/index.md', 'a new story took the name\n');
    const [item] = (await new WorkspaceTrash(() => root).list()).items;
    expect(await a.restore(item?.id ?? '')).toBe('posts/story-restored/index.md');
    expect(readdirSync(path.join(root, 'posts/story-restored')).sort()).toEqual([
      'index.md',
      'photo.jpg',
    ]);
    expect(read('posts/story/index.md')).toBe('a new story took the name\n');
  });

  it('the desktop trash hands the file to the injected system trash', async () => {
    write('a.md', 'x');
    const trashed: string[] = [];
    const a = new ArticleActions({
      workspaceRoot: () => root,
      trash: new SystemTrash(async (p) => {
        trashed.push(p);
        rmSync(p);
      }),
    });
    expect(await a.trash('a.md')).toEqual({ restorable: false, id: null });
    expect(trashed).toEqual([path.join(root, 'a.md')]);
    await expect(a.restore('x')).rejects.toMatchObject({ code: 'not-supported' });
  });

  it('refuses ids that are not trash ids', async () => {
    await expect(new WorkspaceTrash(() => root).restore('../../etc')).rejects.toMatchObject({
      code: 'not-in-trash',
    });
  });
});
