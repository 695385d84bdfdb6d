import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bracketLine, deepJsonFrontMatter } from '../../../shared/testing/hostileArticles';
import { runCli } from '../runCli';
import { checkPath } from './checkCommand';

function folderOf(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-check-hostile-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('byline check on hostile articles', () => {
  it('reports deep front matter per file and checks the rest', async () => {
    const dir = folderOf({
      'a-deep.md': deepJsonFrontMatter(20_000),
      'b-clean.md': '# Fine\n\nA clean article.\n',
    });
    const report = await checkPath(dir);
    expect(report.files.map((f) => f.path)).toEqual(['a-deep.md', 'b-clean.md']);
    expect(report.files[0]?.findings[0]).toMatchObject({
      rule: 'front-matter/syntax',
      severity: 'error',
    });
    expect(report.files[1]?.findings).toEqual([]);
    expect(report.files[1]?.stats?.words).toBe(4); // Fine, A, clean, article
  });

  it('stops an article over its time budget, reports it as file/too-slow and moves on', async () => {
    const dir = folderOf({
      'a-before.md': 'Checked first.\n',
      'b-slow.md': `# Slow\n\n${bracketLine(200_000)}\n`,
      'c-after.md': 'Checked after.\n',
    });
    // A clock that moves one "millisecond" per reading: a small article reads it twice (start and
    // end); the long line makes the meter read it every 65,536 steps and runs past 3 readings.
    let readings = 0;
    const report = await checkPath(dir, { fileTimeLimitMs: 3, now: () => readings++ });
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(byPath['b-slow.md']?.findings).toEqual([
      expect.objectContaining({ rule: 'file/too-slow', severity: 'error', line: 0 }),
    ]);
    expect(byPath['b-slow.md']?.stats).toBeNull();
    expect(byPath['a-before.md']?.findings).toEqual([]);
    expect(byPath['c-after.md']?.stats?.words).toBe(2);
    expect(report.summary).toEqual({ files: 3, errors: 1, warnings: 0 });
  });

  it('takes --time-limit in seconds and refuses a bad value', async () => {
    const dir = folderOf({ 'a.md': 'Fine.\n' });
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    expect(await runCli(['check', dir, '--time-limit', '5'], io)).toBe(0);
    expect(await runCli(['check', dir, '--time-limit', 'soon'], io)).toBe(2);
  });
});

describe('check follows the Hugo site the articles belong to', () => {
  const site = (config: string): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-check-site-'));
    writeFileSync(path.join(dir, 'hugo.toml'), config);
    mkdirSync(path.join(dir, 'content', 'posts'), { recursive: true });
    writeFileSync(
      path.join(dir, 'content', 'posts', 'a.md'),
      '---\ntitle: 标题\n---\n\n他说**“重点”**狭隘。\n',
    );
    return dir;
  };
  const cjkWarnings = async (dir: string): Promise<number> =>
    (await checkPath(path.join(dir, 'content'))).files
      .flatMap((file) => file.findings)
      .filter((finding) => finding.rule === 'publish/cjk-emphasis').length;

  it('warns about CJK emphasis on a site without the CJK extension', async () => {
    expect(await cjkWarnings(site('title = "x"\n'))).toBe(1);
  });

  it('is quiet on a site that enables it', async () => {
    expect(await cjkWarnings(site('[markup.goldmark.extensions.cjk]\nenable = true\n'))).toBe(0);
  });
});
