import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hugoDefaultProfile } from '../../shared/markdown/renderProfile';
import { hasSiteConfig, readRenderProfile, readSiteConfig } from './siteConfig';

let dir: string;
const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'byline-site-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('site configuration', () => {
  it("is Hugo's defaults outside a site", async () => {
    expect(await hasSiteConfig(dir)).toBe(false);
    expect(await readRenderProfile(dir)).toEqual(hugoDefaultProfile);
  });

  it('reads hugo.toml before config.toml', async () => {
    write('config.toml', 'baseURL = "https://old.example/"\n');
    write(
      'hugo.toml',
      'baseURL = "https://new.example"\n[markup.goldmark.renderer]\nunsafe = true\n',
    );
    expect(await readRenderProfile(dir)).toMatchObject({
      origin: 'hugo-site',
      baseURL: 'https://new.example/',
      unsafe: true,
    });
  });

  it('merges config/_default/ sections over the root file (YAML and JSON too)', async () => {
    write(
      'config.yaml',
      'baseurl: https://a.example/\nmarkup:\n  goldmark:\n    renderer:\n      unsafe: true\n',
    );
    write('config/_default/markup.json', '{"goldmark":{"extensions":{"typographer":false}}}');
    write('config/_default/params.toml', 'x = 1\n');
    const site = await readSiteConfig(dir);
    expect(site?.files.map((f) => path.relative(dir, f))).toEqual([
      'config.yaml',
      path.join('config', '_default', 'markup.json'),
      path.join('config', '_default', 'params.toml'),
    ]);
    expect(await readRenderProfile(dir)).toMatchObject({ unsafe: true, typographer: false });
  });

  it('is a site with only config/_default/, and skips a broken file', async () => {
    write('config/_default/hugo.toml', '[markup.goldmark.extensions]\nlinkify = false\n');
    write('config/_default/menus.toml', '[[main]\nbroken');
    expect(await hasSiteConfig(dir)).toBe(true);
    const site = await readSiteConfig(dir);
    expect(site?.errors.map((e) => path.basename(e.file))).toEqual(['menus.toml']);
    expect((await readRenderProfile(dir)).linkify).toBe(false);
  });

  it('outside a Hugo site, reads the workspace setting .byline/rendering.toml', async () => {
    write('.byline/rendering.toml', '[markup.goldmark.extensions]\ntypographer = false\n');
    expect(await readRenderProfile(dir)).toMatchObject({ origin: 'workspace', typographer: false });
  });
});

describe('site facts for shortcodes and links', () => {
  it("names the site's and its theme's shortcodes and reads params, permalinks and contentDir", async () => {
    write(
      'hugo.toml',
      'theme = "paper"\ncontentDir = "articles"\n[params]\nAuthor = "编辑部"\n[permalinks]\nposts = "/:year/:slug/"\n',
    );
    write('layouts/shortcodes/note.html', '<aside>{{ .Inner }}</aside>');
    write('layouts/shortcodes/gallery.amp.html', '');
    write('themes/paper/layouts/shortcodes/callout.html', '');
    write('themes/paper/layouts/shortcodes/readme.txt', '');
    const profile = await readRenderProfile(dir);
    expect(profile.site).toEqual({
      shortcodes: ['callout', 'gallery', 'note'],
      params: { author: '编辑部' },
      permalinks: { posts: '/:year/:slug/' },
      contentDir: 'articles',
      imageCaptions: false,
    });
  });

  it("knows when the site's image render hook writes a figcaption (the site's hook before its theme's)", async () => {
    write('hugo.toml', 'theme = "paper"\n');
    write(
      'themes/paper/layouts/_default/_markup/render-image.html',
      '<img src="{{ .Destination }}">',
    );
    expect((await readRenderProfile(dir)).site?.imageCaptions).toBe(false);
    write(
      'layouts/_default/_markup/render-image.html',
      '<figure><img src="{{ .Destination }}"><figcaption>{{ .Text }}</figcaption></figure>',
    );
    expect((await readRenderProfile(dir)).site?.imageCaptions).toBe(true);
  });
  it('reads no configuration file through a symlink out of the site', async () => {
    // A TOML file elsewhere (credentials, say) would become the site's params, which the
    // `param` shortcode prints into the preview and every export.
    const outside = mkdtempSync(path.join(os.tmpdir(), 'byline-site-outside-'));
    try {
      writeFileSync(path.join(outside, 'credentials.toml'), '[registry]\ntoken = "secret"\n');
      write('hugo.toml', 'title = "Site"\n');
      mkdirSync(path.join(dir, 'config', '_default'), { recursive: true });
      symlinkSync(
        path.join(outside, 'credentials.toml'),
        path.join(dir, 'config', '_default', 'params.toml'),
      );
      const site = await readSiteConfig(dir);
      expect(site?.config['params']).toBeUndefined();
      expect(site?.errors.map((e) => path.basename(e.file))).toEqual(['params.toml']);
      expect((await readRenderProfile(dir)).site?.params).toEqual({});
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('answers at once when a config section or the image render hook is a pipe', async () => {
    write('hugo.toml', 'theme = "paper"\n');
    write('config/_default/params.toml', 'x = 1\n');
    mkdirSync(path.join(dir, 'layouts', '_default', '_markup'), { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'config', '_default', 'menus.toml')]);
    execFileSync('mkfifo', [path.join(dir, 'layouts', '_default', '_markup', 'render-image.html')]);
    write(
      'themes/paper/layouts/_default/_markup/render-image.html',
      '<figure><figcaption>{{ .Text }}</figcaption></figure>',
    );
    // A plain read of a pipe waits for a writer that never comes.
    const late = new Promise<'no answer'>((resolve) =>
      setTimeout(resolve, 10_000, 'no answer').unref(),
    );
    const profile = await Promise.race([readRenderProfile(dir), late]);
    expect(profile).not.toBe('no answer');
    expect(profile !== 'no answer' && profile.site?.imageCaptions).toBe(true);
  }, 60_000);
});
