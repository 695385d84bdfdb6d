import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRefResolver } from './refResolver';
import { readRenderProfile } from './siteConfig';

let dir: string;
const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'byline-ref-'));
  write(
    'hugo.toml',
    'baseURL = "https://example.org/blog/"\n[permalinks]\nposts = "/:year/:month/:slug/"\n',
  );
  write('content/posts/b.md', '---\ntitle: B\ndate: 2017-01-05\nslug: roller-coaster\n---\nb\n');
  write('content/posts/a/index.md', '---\ntitle: A\n---\na\n');
  write('content/cn/c.md', '+++\ntitle = "C"\n+++\nc\n');
  write('content/about.md', '---\ntitle: About\nurl: /about-us\n---\n');
  write('content/x/dup.md', '---\ntitle: D1\n---\n');
  write('content/y/dup.md', '---\ntitle: D2\n---\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const resolverFrom = async (article: string) =>
  createRefResolver(dir, await readRenderProfile(dir), path.join(dir, 'content', article));

// The URLs are what hugo 0.111.3 prints for the same site.
describe('ref and relref on the site files', () => {
  it("uses the target's front matter and the section's permalink pattern", async () => {
    const resolve = await resolverFrom('posts/a/index.md');
    expect(resolve('b.md', 'ref')).toBe('https://example.org/blog/2017/01/roller-coaster/');
    expect(resolve('/posts/b.md#sec-one', 'relref')).toBe('/blog/2017/01/roller-coaster/#sec-one');
    expect(resolve('cn/c.md', 'relref')).toBe('/blog/cn/c/');
    expect(resolve('about', 'relref')).toBe('/blog/about-us/');
  });

  it('finds a page next to the referring one, then from the content root, then by unique name', async () => {
    const resolve = await resolverFrom('cn/c.md');
    expect(resolve('c.md', 'relref')).toBe('/blog/cn/c/');
    expect(resolve('b', 'relref')).toBe('/blog/2017/01/roller-coaster/');
    // No date under a dated pattern: Go's zero date, as Hugo publishes it.
    expect(resolve('a', 'relref')).toBe('/blog/1/01/a/');
  });

  it('resolves nothing for a missing, ambiguous or escaping target', async () => {
    const resolve = await resolverFrom('posts/b.md');
    expect(resolve('missing.md', 'ref')).toBeNull();
    expect(resolve('dup.md', 'ref')).toBeNull();
    expect(resolve('../../hugo.toml', 'ref')).toBeNull();
  });
});
