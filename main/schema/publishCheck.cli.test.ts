import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';
import type { CheckReport } from '../cli/commands/checkCommand';

const fixture = path.resolve('tests/fixtures/schema-workspace');
let base: string;
let root: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const findingsOf = (report: CheckReport, file: string) =>
  report.files
    .find((f) => f.path === file)
    ?.findings.filter((f) => f.rule.startsWith('publish/')) ?? [];

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-check-schema-'));
  root = path.join(base, 'site');
  cpSync(fixture, root, { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('byline check with .byline/schema.yml (publish checklist)', () => {
  it('--json reports required, max length and vocabulary violations from the schema file', async () => {
    const { code, out } = await cli('check', root, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as CheckReport;
    const violations = findingsOf(report, 'posts/violations.md').map((f) => [
      f.rule,
      f.severity,
      f.params?.field,
      f.line,
    ]);
    expect(violations).toEqual([
      ['publish/required', 'error', 'summary', 1],
      ['publish/too-long', 'error', 'title', 2],
      ['publish/invalid-date', 'error', 'date', 3],
      ['publish/draft', 'warning', 'draft', 4],
      ['publish/image-missing', 'error', 'featured_image', 5],
      ['publish/not-allowed', 'error', 'main_topics', 8],
    ]);
    expect(
      findingsOf(report, 'posts/violations.md').find((f) => f.rule === 'publish/too-long'),
    ).toMatchObject({
      message: '"title" is 100 columns long; the limit is 64.',
      params: { field: 'title', length: 100, max: 64 },
    });
    // The sample-shaped article passes: its featured image (a path with a space) exists at the site root.
    expect(findingsOf(report, 'posts/chip-export-rules.md')).toEqual([]);
    expect(findingsOf(report, 'posts/toml-article.md')).toEqual([]);
    expect(findingsOf(report, 'posts/json-article.md')).toEqual([]);
    expect(findingsOf(report, 'posts/lead-repeat.md').map((f) => f.rule)).toEqual([
      'publish/summary-is-lead',
    ]);
    expect(findingsOf(report, 'posts/flow-tags.md').map((f) => f.rule)).toEqual(['publish/draft']);
  });

  it('finds the schema file in an ancestor when a subfolder or a single file is checked', async () => {
    const folder = JSON.parse(
      (await cli('check', path.join(root, 'posts'), '--json')).out,
    ) as CheckReport;
    expect(findingsOf(folder, 'violations.md').map((f) => f.rule)).toContain('publish/required');
    const single = await cli('check', path.join(root, 'posts', 'violations.md'));
    expect(single.code).toBe(1);
    expect(single.out).toContain('"summary" is required before publishing.  [publish/required]');
    expect(single.out).toContain(
      '"娱乐八卦" is not an allowed value of "main_topics".  [publish/not-allowed]',
    );
  });

  it('without a schema file only the schema-free checks run', async () => {
    rmSync(path.join(root, '.byline'), { recursive: true });
    const report = JSON.parse((await cli('check', root, '--json')).out) as CheckReport;
    expect(findingsOf(report, 'posts/violations.md').map((f) => f.rule)).toEqual([
      'publish/invalid-date',
      'publish/draft',
      'publish/image-missing',
    ]);
  });

  it('a changed schema file changes the verdict (max length raised, topic allowed, summary optional)', async () => {
    writeFileSync(
      path.join(root, '.byline', 'schema.yml'),
      'fields:\n  title:\n    maxLength: 120\n  main_topics:\n    allowed: [半导体产业, 娱乐八卦]\nchecklist:\n  draft: off\n  date: off\n  featuredImage: off\n',
    );
    const { code, out } = await cli('check', path.join(root, 'posts', 'violations.md'), '--json');
    expect(findingsOf(JSON.parse(out) as CheckReport, 'violations.md')).toEqual([]);
    expect(code).toBe(0);
  });
});
