import { describe, expect, it } from 'vitest';
import {
  classifyImageSource,
  createImageResolver,
  encodeWorkspacePath,
  keepLocalImageSources,
  normalizeWorkspacePath,
  type ImageResolverContext,
} from './resolveImage';

const context: ImageResolverContext = {
  articlePath: 'content/posts/openai/index.md',
  toAssetUrl: (path) => `byline-asset://workspace/${encodeWorkspacePath(path)}`,
};
const resolve = createImageResolver(context);
const pathOf = (src: string, ctx: ImageResolverContext = context) => {
  const source = classifyImageSource(src, ctx);
  return source.kind === 'workspace' ? source.path : source.kind;
};

describe('relative sources resolve against the article folder', () => {
  it.each([
    ['images/x.png', 'content/posts/openai/images/x.png'],
    ['./images/x.png', 'content/posts/openai/images/x.png'],
    ['images/default (3).png', 'content/posts/openai/images/default (3).png'],
    ['images/default%20(3).png', 'content/posts/openai/images/default (3).png'],
    ['images/a(1).png', 'content/posts/openai/images/a(1).png'],
    ['图片/封面 图.png', 'content/posts/openai/图片/封面 图.png'],
    ['%E5%9B%BE%E7%89%87/%E5%B0%81%E9%9D%A2.png', 'content/posts/openai/图片/封面.png'],
    ['../shared/x.png', 'content/posts/shared/x.png'],
    ['images\\win.png', 'content/posts/openai/images/win.png'],
    ['x.png?v=2#frag', 'content/posts/openai/x.png'],
    ['100%.png', 'content/posts/openai/100%.png'],
  ])('%s -> %s', (src, path) => {
    expect(pathOf(src)).toBe(path);
  });

  it('maps the path to a URL through the injected toAssetUrl, each segment encoded', () => {
    expect(resolve('images/default (3).png')).toBe(
      'byline-asset://workspace/content/posts/openai/images/default%20(3).png',
    );
    expect(resolve('图片/封面.png')).toBe(
      'byline-asset://workspace/content/posts/openai/%E5%9B%BE%E7%89%87/%E5%B0%81%E9%9D%A2.png',
    );
  });

  it('resolves against the workspace root for an article at the root or unsaved', () => {
    expect(pathOf('a.png', { ...context, articlePath: 'note.md' })).toBe('a.png');
    expect(pathOf('a.png', { ...context, articlePath: '' })).toBe('a.png');
  });
});

describe('site-absolute sources', () => {
  it('resolve into Hugo static/ by default', () => {
    expect(pathOf('/images/x.png')).toBe('static/images/x.png');
  });

  it('use configured static folders, picking the one where the file exists', () => {
    const ctx = {
      ...context,
      staticDirs: ['site/static', 'themes/t/static'],
      fileExists: (p: string) => p.startsWith('themes/'),
    };
    expect(pathOf('/img/a.png', ctx)).toBe('themes/t/static/img/a.png');
  });

  it('fall back to the page bundle (folder of index.md) when only that file exists', () => {
    const ctx = {
      ...context,
      fileExists: (p: string) => p === 'content/posts/openai/images/x.png',
    };
    expect(pathOf('/images/x.png', ctx)).toBe('content/posts/openai/images/x.png');
  });
});

describe('refused sources', () => {
  it.each([
    '../../../../etc/passwd',
    '../../../../../../../../etc/passwd',
    '..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '..\\..\\..\\..\\windows\\win.ini',
    '/../../etc/passwd',
    'images/%00.png',
  ])('traversal outside the workspace: %s', (src) => {
    expect(classifyImageSource(src, context)).toEqual({
      kind: 'rejected',
      reason: 'outside-workspace',
    });
    expect(resolve(src)).toBeNull();
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'C:/x.png',
    'vbscript:x',
  ])('foreign scheme: %s', (src) => {
    expect(classifyImageSource(src, context)).toEqual({
      kind: 'rejected',
      reason: 'unsupported-scheme',
    });
    expect(resolve(src)).toBeNull();
  });

  it('climbing is judged against the workspace, not the article folder', () => {
    expect(pathOf('../../etc/passwd')).toBe('content/etc/passwd');
    expect(resolve('../../etc/passwd')).not.toBeNull();
    expect(
      createImageResolver({ ...context, articlePath: 'note.md' })('../../etc/passwd'),
    ).toBeNull();
  });

  it('empty source', () => {
    expect(resolve('  ')).toBeNull();
  });
});

describe('remote and data images', () => {
  it('remote images are not loaded unless allowed', () => {
    expect(classifyImageSource('https://cdn.example.com/a.png', context)).toEqual({
      kind: 'remote',
      url: 'https://cdn.example.com/a.png',
      allowed: false,
    });
    expect(resolve('https://cdn.example.com/a.png')).toBeNull();
    expect(resolve('//cdn.example.com/a.png')).toBeNull();
    const online = createImageResolver({ ...context, allowRemoteImages: true });
    expect(online('http://cdn.example.com/a.png')).toBe('http://cdn.example.com/a.png');
    expect(online('//cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
  });

  it('raster data: images are kept as they are', () => {
    expect(resolve('data:image/png;base64,iVBORw0KGgo=')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
  });
});

describe('helpers', () => {
  it('normalizeWorkspacePath refuses to climb above the root', () => {
    expect(normalizeWorkspacePath('a/b', '../c')).toBe('a/c');
    expect(normalizeWorkspacePath('a', '../..')).toBeNull();
  });

  it('keepLocalImageSources keeps paths and refuses remote and scripted sources', () => {
    expect(keepLocalImageSources('images/a.png')).toBe('images/a.png');
    expect(keepLocalImageSources('https://example.com/a.png')).toBeNull();
    expect(keepLocalImageSources('javascript:alert(1)')).toBeNull();
    expect(keepLocalImageSources('data:image/gif;base64,R0lGOD')).toBe(
      'data:image/gif;base64,R0lGOD',
    );
  });
});
