import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugoAvailable, compareSite, type SiteParity } from './hugoParity';

// Byline's rendered body against what Debian's hugo publishes for the same articles: two fixture
// sites (unsafe off with the typographer on, as Hugo's defaults; unsafe on with the typographer
// off), Chinese and English, YAML, TOML and JSON front matter.

const report = (result: SiteParity): string[] =>
  result.articles.filter((a) => a.difference !== null).map((a) => `${a.file}\n${a.difference}`);

describe.runIf(hugoAvailable)('parity with hugo', () => {
  it.each(['hugo-site', 'hugo-site-unsafe', 'hugo-site-shortcodes'])(
    '%s: every article has Hugo’s visible text and element structure',
    async (site) => {
      const result = await compareSite(path.resolve('tests/fixtures', site));
      expect(result.articles.length).toBeGreaterThanOrEqual(site.endsWith('shortcodes') ? 4 : 14);
      expect(report(result)).toEqual([]);
      expect(result.matched).toBe(result.articles.length);
    },
    120_000,
  );

  it('notices a difference (the harness is not blind)', async () => {
    const { bodyShape } = await import('./hugoParity');
    expect(bodyShape('<p>a<!-- x -->b</p>').text).toBe('ab');
    expect(bodyShape('<h2 id="a">A</h2>').structure).toEqual(['h2#a']);
    expect(bodyShape('<p>1</p>').text).not.toBe(bodyShape('<p>[1]</p>').text);
  });
});
