import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import MarkdownIt from 'markdown-it';
import { afterAll, describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const sample = readFileSync(path.join(here, '../tests/fixtures/export/sample/article.md'), 'utf8');
const out = mkdtempSync(path.join(os.tmpdir(), 'byline-markdown-it-fields-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** markdown-it bundled as the Node bundles bundle it: the bundle's text and the loaded module. */
async function bundledMarkdownIt(): Promise<{ code: string; Bundled: typeof MarkdownIt }> {
  const { markdownItFields } = (await import(
    pathToFileURL(path.join(here, 'markdownItFields.mjs')).href
  )) as { markdownItFields: Plugin };
  const outfile = path.join(out, 'markdown-it.mjs');
  await build({
    stdin: { contents: "export { default } from 'markdown-it';", resolveDir: here },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    plugins: [markdownItFields],
    logLevel: 'silent',
  });
  const module = (await import(pathToFileURL(outfile).href)) as { default: typeof MarkdownIt };
  return { code: readFileSync(outfile, 'utf8'), Bundled: module.default };
}

describe('markdownItFields (build plugin)', () => {
  it("sets a token's fields by plain assignment, and markdown-it works exactly as published", async () => {
    const { code, Bundled } = await bundledMarkdownIt();
    expect(code).toMatch(/this\.content = "";/);
    expect(code).not.toMatch(/_defineProperty\(\s*this,\s*(?:\/\*[^]*?\*\/\s*)?"content"/);
    const options = { html: true, linkify: true, typographer: true };
    const published = new MarkdownIt(options);
    const bundled = new Bundled(options);
    expect(bundled.render(sample)).toBe(published.render(sample));
    const [token] = bundled.parse('text', {});
    const [reference] = published.parse('text', {});
    expect(Object.entries(token ?? {})).toEqual(Object.entries(reference ?? {}));
  });
});
