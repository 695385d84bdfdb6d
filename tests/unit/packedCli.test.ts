// The npm package as a site's CI gets it: `npm pack` here (prepack builds the CLI), then
// `npm install <tarball>` in an empty folder, which must need neither devDependencies nor a patch
// step, and the installed `byline` checks and exports an article there. Slow by nature (one pack,
// one install from the npm cache or registry), so one of each.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(os.tmpdir(), 'byline-packed-'));
const site = path.join(work, 'site');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 480_000 });
}

describe('the packed npm package', () => {
  let manifest: { dependencies?: Record<string, string>; devDependencies: Record<string, string> };

  beforeAll(() => {
    manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as typeof manifest;
    const packed = run(npm, ['pack', '--pack-destination', work], root);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    cpSync(path.join(root, 'tests/fixtures/export/sample'), site, { recursive: true });
    writeFileSync(path.join(site, 'package.json'), '{ "name": "a-site", "private": true }\n');
    const installed = run(
      npm,
      ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, tarball ?? '')],
      site,
    );
    expect(installed.status, installed.stderr).toBe(0);
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const byline = (...args: string[]) =>
    run(process.execPath, [path.join(site, 'node_modules/byline/bin/byline.mjs'), ...args], site);

  it('installs only the runtime dependencies, with no build on first run', () => {
    const installedPackage = path.join(site, 'node_modules/byline');
    for (const name of Object.keys(manifest.dependencies ?? {}))
      expect(existsSync(path.join(site, 'node_modules', name)), name).toBe(true);
    for (const name of ['vite', 'esbuild', 'patch-package', 'markdown-it', 'docx', 'typescript'])
      expect(existsSync(path.join(site, 'node_modules', name)), name).toBe(false);
    expect(existsSync(path.join(installedPackage, 'dist/main/cli.mjs'))).toBe(true);
    expect(existsSync(path.join(installedPackage, 'scripts'))).toBe(false);
  });

  it('byline check reports findings and stats', () => {
    const checked = byline('check', 'article.md', '--json');
    expect(checked.stderr).toBe('');
    const report = JSON.parse(checked.stdout) as {
      files: { path: string; stats: { words: number } }[];
      summary: { files: number; errors: number };
    };
    expect(report.summary.files).toBe(1);
    expect(report.files[0]?.stats.words).toBeGreaterThan(100);
    expect(checked.status).toBe(report.summary.errors > 0 ? 1 : 0);
    expect(byline('stats', 'article.md').stdout).toMatch(/words \(字数\)\s+\d+/);
  });

  it('byline export writes Word (read back by pandoc), HTML, text, Hugo and WeChat', () => {
    const exported = byline(
      'export',
      'article.md',
      '--format',
      'docx,html,txt,hugo,wechat',
      '--out',
      'out',
    );
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('1 of 1 exported');
    const article = readFileSync(path.join(site, 'article.md'), 'utf8');
    const title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(article)?.[1] ?? '';
    expect(title.length).toBeGreaterThan(0);
    const docxMarkdown = run('pandoc', ['-s', '-t', 'markdown', 'out/article.docx'], site);
    expect(docxMarkdown.status, docxMarkdown.stderr).toBe(0);
    expect(docxMarkdown.stdout.replace(/\s+/g, '')).toContain(title.replace(/\s+/g, ''));
    expect(docxMarkdown.stdout).toContain('美国国防部2亿美元');
    for (const file of ['article.html', 'article.txt', 'article.wechat.html'])
      expect(existsSync(path.join(site, 'out', file)), file).toBe(true);
  });
});
