import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, type CodeCacheEnvironment } from './codeCacheStore';

const runtime = (over: Partial<CodeCacheEnvironment>): CodeCacheEnvironment => ({
  env: {},
  platform: 'linux',
  home: '/home/writer',
  nodeVersion: '20.20.2',
  arch: 'x64',
  options: '',
  ...over,
});

describe('where the CLI keeps its code cache', () => {
  it("uses the user's own cache folder, one per Node version and architecture", () => {
    expect(codeCacheDir(runtime({}))).toBe(
      '/home/writer/.cache/byline/code-cache/node-20.20.2-x64',
    );
    expect(codeCacheDir(runtime({ env: { XDG_CACHE_HOME: '/var/cache/w' } }))).toBe(
      '/var/cache/w/byline/code-cache/node-20.20.2-x64',
    );
    expect(codeCacheDir(runtime({ env: { XDG_CACHE_HOME: 'relative' } }))).toBe(
      '/home/writer/.cache/byline/code-cache/node-20.20.2-x64',
    );
    expect(codeCacheDir(runtime({ platform: 'darwin', home: '/Users/w' }))).toBe(
      '/Users/w/Library/Caches/byline/code-cache/node-20.20.2-x64',
    );
    expect(
      codeCacheDir(
        runtime({
          platform: 'win32',
          home: 'C:\\Users\\w',
          env: { LOCALAPPDATA: path.resolve('/appdata') },
        }),
      ),
    ).toBe(path.join(path.resolve('/appdata'), 'byline', 'code-cache', 'node-20.20.2-x64'));
  });

  it('keeps code compiled under other Node options apart', () => {
    const plain = codeCacheDir(runtime({}));
    const flagged = codeCacheDir(runtime({ options: '--max-old-space-size=4096' }));
    expect(flagged).not.toBe(plain);
    expect(path.dirname(flagged ?? '')).toBe(path.dirname(plain ?? ''));
  });

  it('follows BYLINE_CODE_CACHE, is off when asked, and never falls back to a shared folder', () => {
    expect(codeCacheDir(runtime({ env: { BYLINE_CODE_CACHE: '/ci/cache' } }))).toBe(
      '/ci/cache/node-20.20.2-x64',
    );
    for (const off of ['off', 'OFF', '0', 'false', 'no'])
      expect(codeCacheDir(runtime({ env: { BYLINE_CODE_CACHE: off } }))).toBeNull();
    expect(codeCacheDir(runtime({ home: '' }))).toBeNull();
  });
});
