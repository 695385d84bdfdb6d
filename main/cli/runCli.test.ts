import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';
import type { CheckReport } from './commands/checkCommand';

const fixtures = path.resolve('tests/fixtures/check');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('byline check', () => {
  it('prints per-file findings for a folder and exits 1 when errors exist', async () => {
    const { code, out } = await cli('check', fixtures);
    expect(code).toBe(1);
    expect(out).toMatch(/^clean\.md {2}\(\d+ words/m);
    expect(out).toMatch(/broken-yaml\.md[\s\S]*error\s+Front matter/);
    expect(out).toContain('Footnote [^9] is cited but never defined.');
    expect(out).toMatch(/articles checked: \d+ errors, \d+ warnings?/);
  });

  it('--json lists each finding with rule, severity and position', async () => {
    const { code, out } = await cli('check', fixtures, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as CheckReport;
    const byFile = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(byFile['clean.md']?.findings).toEqual([]);
    expect(byFile['clean.md']?.stats?.words).toBeGreaterThan(0);
    const yamlError = byFile['broken-yaml.md']?.findings[0];
    expect(yamlError).toMatchObject({ rule: 'front-matter/syntax', severity: 'error' });
    expect(yamlError?.line).toBeGreaterThanOrEqual(2); // inside the front matter block (lines 1-4)
    expect(yamlError?.line).toBeLessThanOrEqual(4);
    const rules = byFile['footnote-problems.md']?.findings.map((f) => [f.rule, f.params?.label]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ['footnotes/missing-definition', '9'],
        ['footnotes/duplicate-definition', '1'],
        ['footnotes/unused-definition', '2'],
      ]),
    );
    expect(byFile['binary.md']?.findings[0]).toMatchObject({
      rule: 'file/unreadable',
      severity: 'error',
    });
    expect(report.summary.files).toBe(report.files.length);
  });

  it('exits 0 on a clean article', async () => {
    expect((await cli('check', path.join(fixtures, 'clean.md'))).code).toBe(0);
  });

  it('answers a missing path with a message, not a stack trace', async () => {
    const { code, err } = await cli('check', path.join(fixtures, 'nope.md'));
    expect(code).toBe(1);
    expect(err).toBe(`byline check: No such file or folder: ${path.join(fixtures, 'nope.md')}`);
  });

  it('reports a named pipe under an article name at once, instead of waiting for a writer', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-cli-pipe-'));
    try {
      const pipe = path.join(dir, 'pipe.md');
      execFileSync('mkfifo', [pipe]);
      const { code, out } = await cli('check', pipe);
      expect(code).toBe(1);
      expect(out).toMatch(/error\s+".*pipe\.md" is not a regular file\.\s+\[file\/unreadable\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await cli('check')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});

describe('byline stats', () => {
  it('prints mixed CJK/Latin counts, also as JSON', async () => {
    const { code, out } = await cli('stats', path.join(fixtures, 'footnote-problems.md'), '--json');
    expect(code).toBe(0);
    const stats = JSON.parse(out) as { words: number; cjkChars: number };
    expect(stats.cjkChars).toBeGreaterThan(10);
    expect(stats.words).toBeGreaterThanOrEqual(stats.cjkChars);
  });

  it('counts a word hyphenated at a line end without crashing', async () => {
    const { code, out } = await cli('stats', path.join(fixtures, 'clean.md'));
    expect(code).toBe(0);
    expect(out).toMatch(/words \(字数\)\s+\d+/);
  });
});
