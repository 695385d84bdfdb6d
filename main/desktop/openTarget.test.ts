import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredContentDir, findHugoSiteRoot } from '../site/siteRoot';
import { isInside } from '../workspace/resolveInWorkspace';
import { isArticleFile } from '../workspace/articleFileNames';
import { resolveOpenTarget } from './openTarget';

function tree(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'byline-open-'));
  for (const file of files) {
    const absolute = path.join(root, file);
    if (file.endsWith('/')) mkdirSync(absolute, { recursive: true });
    else {
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, '# x\n');
    }
  }
  return root;
}

describe('resolveOpenTarget', () => {
  it('a folder is the workspace', async () => {
    const root = tree(['notes/']);
    expect(await resolveOpenTarget(path.join(root, 'notes'), null)).toEqual({
      workspaceRoot: path.join(root, 'notes'),
      article: null,
    });
  });

  it('a loose Markdown file opens its folder as the workspace', async () => {
    const root = tree(['inbox/稿件.md']);
    const file = path.join(root, 'inbox/稿件.md');
    expect(await resolveOpenTarget(file, null)).toEqual({
      workspaceRoot: path.join(root, 'inbox'),
      article: file,
    });
  });

  it('an article inside a Hugo site opens the whole site', async () => {
    const root = tree(['site/hugo.toml', 'site/content/posts/2024/chips.md', 'site/themes/']);
    const file = path.join(root, 'site/content/posts/2024/chips.md');
    expect(await resolveOpenTarget(file, null)).toEqual({
      workspaceRoot: path.join(root, 'site'),
      article: file,
    });
    const legacy = tree(['blog/config.yaml', 'blog/content/a.markdown']);
    expect(await findHugoSiteRoot(path.join(legacy, 'blog/content/a.markdown'))).toBe(
      path.join(legacy, 'blog'),
    );
  });

  it("a config's contentDir names the content folder; one outside the site is ignored", async () => {
    const root = tree(['site/config.toml', 'site/posts/a.md', 'home/config.json', 'home/x/b.md']);
    writeFileSync(path.join(root, 'site/config.toml'), 'contentDir = "posts"\n');
    expect(await findHugoSiteRoot(path.join(root, 'site/posts/a.md'))).toBe(
      path.join(root, 'site'),
    );
    writeFileSync(path.join(root, 'home/config.json'), '{ "contentDir": "../.." }');
    expect(await findHugoSiteRoot(path.join(root, 'home/x/b.md'))).toBeNull();
    expect(declaredContentDir('contentdir: articles')).toBe('articles');
    expect(declaredContentDir('contentDir = "/etc"')).toBeNull();
  });

  it('a config file without a content/ folder holding the article is not a Hugo site', async () => {
    const root = tree(['proj/config.json', 'proj/docs/readme.md']);
    expect(await findHugoSiteRoot(path.join(root, 'proj/docs/readme.md'))).toBeNull();
  });

  it('an article already inside the current workspace stays there', async () => {
    const root = tree(['ws/hugo.toml', 'ws/content/deep/a.md']);
    const file = path.join(root, 'ws/content/deep/a.md');
    expect(await resolveOpenTarget(file, path.join(root, 'ws/content'))).toEqual({
      workspaceRoot: path.join(root, 'ws/content'),
      article: file,
    });
  });

  it('refuses missing paths and files that are not Markdown', async () => {
    const root = tree(['a.txt']);
    expect(await resolveOpenTarget(path.join(root, 'a.txt'), null)).toBeNull();
    expect(await resolveOpenTarget(path.join(root, 'missing.md'), null)).toBeNull();
  });
});

describe('helpers', () => {
  it('isArticleFile and isInside', () => {
    expect(isArticleFile('A.MD')).toBe(true);
    expect(isArticleFile('a.markdown')).toBe(true);
    expect(isArticleFile('a.mdx')).toBe(false);
    expect(isInside('/a/b', '/a/b/c.md')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc/d.md')).toBe(false);
  });
});
