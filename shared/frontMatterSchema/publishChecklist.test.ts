import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../check';
import { parseArticle } from '../article';
import { findImage, imageCandidates, imageValueFor } from './imagePaths';
import { inferSchema } from './inferSchema';
import { firstBlockquote, publishChecklist } from './publishChecklist';
import { resolveSchema } from './resolveSchema';
import { parseSchemaFile } from './schemaFile';

const root = new URL('../../tests/fixtures/schema-workspace/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const posts = readdirSync(new URL('posts/', root)).filter((name) => name.endsWith('.md'));
const schema = resolveSchema({
  inferred: inferSchema(posts.map((name) => parseArticle(read(`posts/${name}`)).data ?? {})),
  articleCount: posts.length,
  file: { path: '.byline/schema.yml', parsed: parseSchemaFile(read('.byline/schema.yml')) },
});
const workspaceFiles = new Set([
  'images/default (3).png',
  'images/chip wafer.png',
  'static/images/datacenter.png',
]);
const imageExists = (articlePath: string) => (source: string) =>
  findImage(articlePath, source, (path) => workspaceFiles.has(path)) !== null;

const checklist = (name: string) =>
  publishChecklist({
    text: read(`posts/${name}`),
    schema,
    imageExists: imageExists(`posts/${name}`),
  }).map((f) => [f.rule, f.severity, f.params?.field, f.line]);

describe('publishChecklist', () => {
  it('passes the sample-shaped article', () => {
    expect(checklist('chip-export-rules.md')).toEqual([]);
  });

  it('finds every violation of the schema file in one article, each on its field line', () => {
    expect(checklist('violations.md')).toEqual([
      ['publish/required', 'error', 'summary', 1],
      ['publish/too-long', 'error', 'title', 2],
      ['publish/invalid-date', 'error', 'date', 3],
      ['publish/draft', 'warning', 'draft', 4],
      ['publish/image-missing', 'error', 'featured_image', 5],
      ['publish/not-allowed', 'error', 'main_topics', 8],
    ]);
    const findings = publishChecklist({
      text: read('posts/violations.md'),
      schema,
      imageExists: imageExists('posts/violations.md'),
    });
    expect(findings.find((f) => f.rule === 'publish/too-long')?.params).toMatchObject({
      max: 64,
      length: 100,
    });
    expect(findings.find((f) => f.rule === 'publish/not-allowed')?.params).toMatchObject({
      value: '娱乐八卦',
    });
  });

  it('takes the summary from the body up to <!--more--> when the front matter has none, as Hugo does', () => {
    const text = (summary: string): string =>
      `---\ntitle: 港口复工\ndate: 2025-02-03T10:00:00+08:00\nmain_topics: [半导体产业]\n---\n\n${summary}\n\n<!--more-->\n\n正文。\n`;
    const rules = (body: string): string[] =>
      publishChecklist({ text: text(body), schema }).map((f) => `${f.rule} ${f.params?.field}`);
    expect(rules('复工首周，**吞吐量**回升。')).toEqual([]);
    expect(rules('长'.repeat(121))).toEqual(['publish/too-long summary']);
    expect(
      publishChecklist({ text: text('x').replace('<!--more-->', ''), schema }).map((f) => f.rule),
    ).toEqual(['publish/required']);
  });

  it('warns when the summary repeats the lead', () => {
    expect(checklist('lead-repeat.md')).toEqual([
      ['publish/summary-is-lead', 'warning', 'summary', 5],
    ]);
  });

  it('runs on TOML and JSON front matter', () => {
    expect(checklist('toml-article.md')).toEqual([]);
    expect(checklist('json-article.md')).toEqual([]);
    const json = read('posts/json-article.md').replace('"draft": false', '"draft": true');
    expect(publishChecklist({ text: json, schema }).map((f) => [f.rule, f.line])).toEqual([
      ['publish/draft', 4],
    ]);
  });

  it('without a schema still checks dates, images, draft and the lead; and honours "off"', () => {
    const text =
      '---\ndate: 2025-02-30\ndraft: true\nfeatured_image: gone.png\nsummary: 导语。\n---\n\n> 导语\n';
    expect(
      publishChecklist({ text, schema: null, imageExists: () => false }).map((f) => f.rule),
    ).toEqual([
      'publish/invalid-date',
      'publish/draft',
      'publish/image-missing',
      'publish/summary-is-lead',
    ]);
    const quiet = resolveSchema({
      file: {
        path: 's',
        parsed: parseSchemaFile('checklist:\n  draft: off\n  summaryLead: off\n  date: warning\n'),
      },
    });
    expect(publishChecklist({ text, schema: quiet }).map((f) => [f.rule, f.severity])).toEqual([
      ['publish/invalid-date', 'warning'],
    ]);
  });

  it('points out values Hugo reads otherwise than spelled (YAML 1.1), and only those', () => {
    const text = [
      '---',
      'title: yes',
      'draft: no',
      'weight: 0755',
      'quoted: "yes"',
      'plain: [true, 12, 0x1F, 1.5, 2024-05-01, 12:30]',
      'nested:',
      '  views: 1_000',
      '---',
      '',
    ].join('\n');
    const findings = publishChecklist({ text, schema: null }).filter(
      (f) => f.rule === 'publish/hugo-reads-otherwise',
    );
    expect(findings.map((f) => [f.severity, f.line, f.params])).toEqual([
      ['warning', 2, { field: 'title', written: 'yes', value: 'true' }],
      ['warning', 3, { field: 'draft', written: 'no', value: 'false' }],
      ['warning', 4, { field: 'weight', written: '0755', value: '493' }],
      ['warning', 7, { field: 'nested', written: '1_000', value: '1000' }],
    ]);
    expect(findings[0]?.message).toBe(
      'Hugo reads yes in "title" as true: write true, or "yes" in quotes for the text.',
    );
    expect(checkArticle('x.md', text).map((f) => f.rule)).toContain('publish/hugo-reads-otherwise');
  });

  it('warns of a draft wherever Hugo builds one: "true", "t", a YAML integer other than 0', () => {
    const drafted = (frontMatter: string): boolean =>
      publishChecklist({ text: `${frontMatter}\n\n正文\n`, schema: null }).some(
        (f) => f.rule === 'publish/draft',
      );
    for (const value of ['true', '"true"', '"t"', '"1"', '1', '-1', 'yes'])
      expect(drafted(`---\ndraft: ${value}\n---`), value).toBe(true);
    for (const value of ['false', '"false"', '"yes"', '0', 'no', '[]'])
      expect(drafted(`---\ndraft: ${value}\n---`), value).toBe(false);
    // TOML's integers are int64, which Hugo's cast.ToBool does not take.
    expect(drafted('+++\ndraft = 1\n+++')).toBe(false);
    expect(drafted('+++\ndraft = "true"\n+++')).toBe(true);
  });

  it('says nothing about broken front matter (the syntax rule reports it)', () => {
    expect(publishChecklist({ text: '---\ntitle: "x\n---\n', schema })).toEqual([]);
  });

  it('runs as `byline check` rules with the schema passed as a workspace fact', () => {
    const findings = checkArticle('posts/violations.md', read('posts/violations.md'), {
      schema,
      fileExists: imageExists('posts/violations.md'),
    });
    expect(findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining([
        'publish/required',
        'publish/too-long',
        'publish/not-allowed',
        'publish/invalid-date',
        'publish/image-missing',
        'publish/draft',
      ]),
    );
    expect(
      checkArticle('x.md', read('posts/violations.md'), { schema: { not: 'a schema' } }).some(
        (f) => f.rule === 'publish/required',
      ),
    ).toBe(false);
  });
});

describe('firstBlockquote', () => {
  it('reads the first quote, with lazy continuation lines, outside code fences', () => {
    expect(firstBlockquote('正文\n\n> 第一行\n> 第二行\n继续\n\n> 另一段')).toBe(
      '第一行\n第二行\n继续',
    );
    expect(firstBlockquote('```\n> 代码里的引用\n```\n\n>导语')).toBe('导语');
    expect(firstBlockquote('没有引用')).toBeNull();
  });

  it('splits lines at LF and CRLF only, like splitting the whole body would', () => {
    expect(firstBlockquote('正文\r\n\r\n> 第一行\r\n> 第二行\r\n\r\n> 另一段')).toBe(
      '第一行\n第二行',
    );
    // A lone CR stays inside its line (and "." of the quote pattern stops at it).
    expect(firstBlockquote('> 行内\r回车\n> 末行\n')).toBe('末行');
    expect(firstBlockquote('正文\n\n> 最后一行没有换行')).toBe('最后一行没有换行');
    expect(firstBlockquote('')).toBeNull();
  });
});

describe('image paths', () => {
  it('finds a featured image beside the article, at the site root or in static/', () => {
    expect(imageCandidates('posts/a.md', 'images/default (3).png')).toEqual([
      'posts/images/default (3).png',
      'images/default (3).png',
      'static/images/default (3).png',
    ]);
    expect(imageCandidates('posts/a.md', '/images/datacenter.png')[0]).toBe(
      'static/images/datacenter.png',
    );
    expect(imageCandidates('posts/a.md', 'https://example.com/a.png')).toEqual([]);
    expect(imageCandidates('posts/a.md', '../../../etc/passwd.png')).toEqual([]);
    expect(findImage('posts/a.md', 'images/chip%20wafer.png', (p) => workspaceFiles.has(p))).toBe(
      'images/chip wafer.png',
    );
  });

  it('writes a picked image the way the candidates find it again, spaces kept', () => {
    expect(imageValueFor('posts/a.md', 'posts/img/x y.png')).toBe('img/x y.png');
    expect(imageValueFor('posts/a.md', 'static/images/datacenter.png')).toBe(
      'images/datacenter.png',
    );
    expect(imageValueFor('posts/a.md', 'images/default (3).png')).toBe('images/default (3).png');
    for (const image of workspaceFiles)
      expect(
        findImage('posts/a.md', imageValueFor('posts/a.md', image), (p) => workspaceFiles.has(p)),
      ).toBe(image);
  });
});
