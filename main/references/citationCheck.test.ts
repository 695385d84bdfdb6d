import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../cli/commands/checkCommand';
import { runCli } from '../cli/runCli';

const fixture = path.resolve('tests/fixtures/references/check/all-problems.md');

async function checkJson(target: string): Promise<{ code: number; report: CheckReport }> {
  const out: string[] = [];
  const code = await runCli(['check', target, '--json'], {
    out: (line) => out.push(line),
    err: () => {},
  });
  return { code, report: JSON.parse(out.join('\n')) as CheckReport };
}

describe('byline check --json: reference problems', () => {
  it('lists each problem type on a fixture built to contain all of them', async () => {
    const { code, report } = await checkJson(fixture);
    expect(code).toBe(1);
    const findings = report.files[0]?.findings ?? [];
    const found = findings.map((f) => [f.rule, f.params?.label, f.severity]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['footnotes/missing-definition', '9', 'error'],
        ['footnotes/unused-definition', '8', 'warning'],
        ['footnotes/duplicate-definition', '2', 'error'],
        ['citations/duplicate-source', '3', 'warning'],
        ['citations/duplicate-source', '8', 'warning'],
        ['citations/missing-url', '5', 'warning'],
        ['citations/missing-retrieval-date', '6', 'warning'],
        ['citations/retrieved-before-published', '7', 'error'],
      ]),
    );
    // Same URL (www. and a trailing slash aside) and same title in the same outlet.
    expect(
      findings.find((f) => f.rule === 'citations/duplicate-source' && f.params?.label === '3')
        ?.params?.other,
    ).toBe('1');
    expect(
      findings.find((f) => f.rule === 'citations/duplicate-source' && f.params?.label === '8')
        ?.params?.other,
    ).toBe('4');
    // Positions point at the definition line.
    const line =
      readFileSync(fixture, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('[^7]:')) + 1;
    const retrieved = findings.find((f) => f.rule === 'citations/retrieved-before-published');
    expect(retrieved).toMatchObject({ line, column: 1 });
    // Nothing else: the clean definitions of 1, 2 and 4 raise no source problem.
    const citationRules = findings.filter((f) => f.rule.startsWith('citations/'));
    expect(citationRules).toHaveLength(5);
  });

  it('reports every definition of the sample article as lacking a URL, and nothing else about sources', async () => {
    const { report } = await checkJson(path.resolve('tests/fixtures/references/sample-article.md'));
    const rules = (report.files[0]?.findings ?? [])
      .filter((f) => /^(citations|footnotes)\//.test(f.rule))
      .map((f) => `${f.rule} ${String(f.params?.label)}`);
    expect(rules.sort()).toEqual([
      'citations/missing-url 1',
      'citations/missing-url 2',
      'citations/missing-url 3',
      'citations/missing-url 4',
      'citations/missing-url 5',
      'footnotes/unused-definition 2',
    ]);
  });
});

describe('byline check on a Hugo site: citation styles, notes, hash routes, folders', () => {
  const site = path.resolve('tests/fixtures/references/check-site');
  const problems = async (): Promise<Record<string, string[]>> => {
    const { report } = await checkJson(site);
    return Object.fromEntries(
      report.files.map((file) => [
        file.path,
        file.findings
          .filter((f) => /^(citations|footnotes)\//.test(f.rule))
          .map((f) => `${f.rule} ${String(f.params?.label)}`),
      ]),
    );
  };

  it('accepts GB/T 7714 retrieval dates in brackets and still flags a reference without one', async () => {
    expect((await problems())['content/posts/gbt-dates.md']).toEqual([
      'citations/missing-retrieval-date 3',
    ]);
  });

  it('asks nothing of explanatory notes and counts links to the site’s own pages', async () => {
    expect((await problems())['content/posts/notes-and-site-links.md']).toEqual([]);
  });

  it('tells hash-routed pages apart but not two places in one page', async () => {
    expect((await problems())['content/posts/hash-routes.md']).toEqual([
      'citations/duplicate-source 4',
    ]);
  });

  it('checks folders named resources or public in the content, skipping only the site’s own output', async () => {
    const checked = Object.keys(await problems()).sort();
    expect(checked).toEqual([
      'content/news/public/index.md',
      'content/posts/gbt-dates.md',
      'content/posts/hash-routes.md',
      'content/posts/notes-and-site-links.md',
      'content/resources/guides/style.md',
      // publishDir is `built` in hugo.toml, so a root `public/` is an ordinary folder here.
      'public/posts/generated.md',
    ]);
  });
});
