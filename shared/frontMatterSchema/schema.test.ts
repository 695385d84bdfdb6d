import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../article';
import { formFields } from './formFields';
import { inferSchema } from './inferSchema';
import { fieldSchemaFor, resolveSchema } from './resolveSchema';
import { parseSchemaFile } from './schemaFile';
import type { FieldSchema } from './schemaTypes';

const workspace = new URL('../../tests/fixtures/schema-workspace/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, workspace), 'utf8');
const articleNames = readdirSync(new URL('posts/', workspace))
  .filter((name) => name.endsWith('.md'))
  .sort();
// As main/schema does: only articles that have front matter say anything about fields.
const articleData = articleNames
  .map((name) => parseArticle(read(`posts/${name}`)))
  .filter((article) => article.parts.frontMatter !== null)
  .map((article) => article.data ?? {});

const byKey = (fields: readonly FieldSchema[]): Record<string, FieldSchema> =>
  Object.fromEntries(fields.map((f) => [f.key, f]));

describe('inferSchema on the fixture workspace', () => {
  const fields = inferSchema(articleData);
  const schema = byKey(fields);

  it('reads YAML, TOML and JSON front matter alike', () => {
    expect(articleNames).toEqual([
      'chip-export-rules.md',
      'flow-tags.md',
      'json-article.md',
      'lead-repeat.md',
      'no-front-matter.md',
      'toml-article.md',
      'violations.md',
    ]);
    expect(articleData).toHaveLength(6);
    expect(articleData.every((data) => typeof data['title'] === 'string')).toBe(true);
  });

  it('types every field by the majority of its values', () => {
    expect(schema['title']?.kind).toBe('text');
    expect(schema['date']?.kind).toBe('datetime'); // one impossible date (02-30) is outvoted
    expect(schema['draft']?.kind).toBe('boolean');
    expect(schema['featured_image']?.kind).toBe('image');
    expect(schema['summary']?.kind).toBe('longText');
    expect(schema['tags']?.kind).toBe('tags');
    expect(schema['main_topics']?.kind).toBe('tags');
    expect(schema['weight']?.kind).toBe('number');
    expect(schema['params']?.kind).toBe('map');
    expect(schema['sources']?.kind).toBe('raw'); // a list of maps: no control fits
    expect(schema['editor_note']?.kind).toBe('text');
  });

  it('collects the vocabulary of list fields, most used first', () => {
    expect(schema['tags']?.vocabulary[0]).toBe('数据中心'); // used by three articles
    expect(schema['tags']?.vocabulary).toEqual(
      expect.arrayContaining(['芯片', '出口管制', '能源', '算力', '开源', '测试']),
    );
    expect(schema['main_topics']?.vocabulary).toEqual(
      expect.arrayContaining(['半导体产业', '国际贸易', '科技政策', '娱乐八卦']),
    );
    expect(new Set(schema['tags']?.vocabulary).size).toBe(schema['tags']?.vocabulary.length);
  });

  it('counts how many articles use a field and orders fields as they are usually written', () => {
    expect(schema['title']?.seen).toBe(6);
    expect(schema['params']?.seen).toBe(3);
    const keys = fields.map((f) => f.key);
    expect(keys.indexOf('title')).toBeLessThan(keys.indexOf('date'));
    expect(keys.indexOf('date')).toBeLessThan(keys.indexOf('main_topics'));
    expect(keys[0]).toBe('title');
  });

  it('ties go to the kind seen first; unknown types fall back to raw', () => {
    const tie = byKey(inferSchema([{ x: 1 }, { x: 'a' }]));
    expect(tie['x']?.kind).toBe('number');
    expect(byKey(inferSchema([{ y: [1, 2] }]))['y']?.kind).toBe('raw');
    expect(byKey(inferSchema([{ z: null }, { z: null }]))['z']?.kind).toBe('text');
    expect(byKey(inferSchema([{ published: null }, { lastmod: null }]))['lastmod']?.kind).toBe(
      'datetime',
    );
  });
});

describe('parseSchemaFile', () => {
  it('reads the fixture workspace schema: order, labels, required, limits, vocabulary, defaults', () => {
    const file = parseSchemaFile(read('.byline/schema.yml'));
    expect(file.problems).toEqual([]);
    expect(file.fields.map((f) => f.key)).toEqual([
      'title',
      'slug',
      'date',
      'draft',
      'featured_image',
      'summary',
      'tags',
      'main_topics',
    ]);
    const fields = Object.fromEntries(file.fields.map((f) => [f.key, f]));
    expect(fields['title']).toEqual({
      key: 'title',
      label: { en: 'Headline', zh: '标题' },
      required: true,
      maxLength: 64,
    });
    expect(fields['slug']).toEqual({ key: 'slug', kind: 'slug', from: 'title' });
    expect(fields['date']).toEqual({ key: 'date', required: true, default: 'now' });
    expect(fields['main_topics']?.allowed).toContain('半导体产业');
    expect(file.checklist).toEqual({ draft: 'warning', summaryLead: 'warning' });
  });

  it('reports each problem with its line and keeps the valid parts', () => {
    const file = parseSchemaFile(
      [
        'fields:', //1
        '  title:', //2
        '    type: headline', //3
        '    maxLength: -3', //4
        '    required: true', //5
        '    colour: red', //6
        '  summary:', //7
        '    label: 摘要', //8
        'checklist:', //9
        '  draft: maybe', //10
        '  spelling: error', //11
        'extras: 1', //12
      ].join('\n'),
    );
    expect(file.problems.map((p) => p.line)).toEqual([3, 4, 6, 10, 11, 12]);
    expect(file.problems[0]?.message).toMatch(/"type" must be one of text, longText/);
    expect(file.fields).toEqual([
      { key: 'title', required: true },
      { key: 'summary', label: { en: '摘要', zh: '摘要' } },
    ]);
  });

  it('reports a YAML syntax error with its line and never throws', () => {
    const file = parseSchemaFile('fields:\n  title:\n    allowed: [a, b\n');
    expect(file.fields).toEqual([]);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(parseSchemaFile('').problems).toEqual([]);
    expect(parseSchemaFile('- a\n- b\n').problems[0]?.message).toMatch(/must be a map/);
  });
});

describe('resolveSchema and formFields', () => {
  const schema = resolveSchema({
    inferred: inferSchema(articleData),
    articleCount: articleData.length,
    file: { path: '.byline/schema.yml', parsed: parseSchemaFile(read('.byline/schema.yml')) },
  });

  it('puts declared fields first in file order, then inferred ones; file settings win', () => {
    expect(schema.fields.slice(0, 8).map((f) => f.key)).toEqual([
      'title',
      'slug',
      'date',
      'draft',
      'featured_image',
      'summary',
      'tags',
      'main_topics',
    ]);
    const fields = byKey(schema.fields);
    expect(fields['title']).toMatchObject({
      kind: 'text',
      required: true,
      maxLength: 64,
      declared: true,
      seen: 6,
      label: { en: 'Headline', zh: '标题' },
    });
    expect(fields['slug']).toMatchObject({ kind: 'slug', from: 'title', seen: 0 });
    expect(fields['main_topics']?.vocabulary).toContain('国际贸易');
    expect(fields['weight']).toMatchObject({ kind: 'number', declared: false });
    expect(schema.checklist).toEqual({
      draft: 'warning',
      summaryLead: 'warning',
      featuredImage: 'error',
      date: 'error',
    });
    expect(schema.file).toEqual({ path: '.byline/schema.yml', problems: [] });
  });

  it('lists the form rows: declared order, absent declared fields offered, then inferred order; misfits get their own control', () => {
    const text = read('posts/flow-tags.md');
    const rows = formFields(parseArticle(text).data ?? {}, schema);
    expect(rows.map((r) => `${r.key}:${r.kind}${r.present ? '' : '?'}`)).toEqual([
      'title:text',
      'slug:slug?',
      'date:datetime',
      'draft:boolean',
      'featured_image:image',
      'summary:longText',
      'tags:tags',
      'main_topics:tags',
      'editor_note:text',
      'weight:number',
      'params:map',
      'sources:raw',
    ]);
    const misfit = formFields({ tags: 'just one', weight: 'heavy' }, schema);
    expect(misfit.find((r) => r.key === 'tags')).toMatchObject({ kind: 'text', mismatch: true });
    expect(misfit.find((r) => r.key === 'weight')).toMatchObject({ kind: 'text', mismatch: true });
  });

  it('knows the common fields without any schema', () => {
    expect(fieldSchemaFor(null, 'date').kind).toBe('datetime');
    expect(fieldSchemaFor(null, 'featured_image', 'a.png').kind).toBe('image');
    expect(fieldSchemaFor(null, 'featured_image', 42).kind).toBe('number');
    expect(fieldSchemaFor(null, 'anything', ['a']).kind).toBe('tags');
    expect(formFields({ title: 'x', extra: { a: 1 } }, null).map((r) => r.kind)).toEqual([
      'text',
      'map',
    ]);
  });
});

describe('formFields without the workspace schema', () => {
  it('keeps keys the schema does not know, in the order written, after the schema fields', () => {
    const schema = resolveSchema({
      file: {
        path: '.byline/schema.yml',
        parsed: parseSchemaFile('fields:\n  title:\n  summary:\n'),
      },
    });
    const rows = formFields({ zeta: 1, title: 't', alpha: [true] }, schema);
    expect(rows.map((r) => `${r.key}:${r.kind}${r.present ? '' : '?'}`)).toEqual([
      'title:text',
      'summary:longText?',
      'zeta:number',
      'alpha:raw',
    ]);
  });
});

describe('newArticleFields', () => {
  it('writes the schema defaults in schema order: "now" for a date-time, the title, a slug from it', async () => {
    const { newArticleFields } = await import('./defaults');
    const schema = resolveSchema({
      file: {
        path: 's',
        parsed: parseSchemaFile(
          'fields:\n  title:\n  slug:\n    type: slug\n    default: auto\n  date:\n    default: now\n  draft:\n    default: true\n  tags:\n    default: [快讯]\n',
        ),
      },
    });
    const previous = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      expect(
        newArticleFields(schema, {
          now: new Date(Date.UTC(2025, 5, 18, 3, 20, 4)),
          title: '芯片快讯',
        }),
      ).toEqual({
        title: '芯片快讯',
        slug: 'xin-pian-kuai-xun',
        date: '2025-06-18T11:20:04+08:00',
        draft: true,
        tags: ['快讯'],
      });
    } finally {
      process.env.TZ = previous;
    }
  });

  it('does not offer an empty group or raw value the article lacks', () => {
    const schema = resolveSchema({
      inferred: inferSchema([{ params: { a: 1 }, sources: [{ a: 1 }], title: 'x' }]),
      articleCount: 1,
    });
    expect(formFields({}, schema).map((r) => r.key)).toEqual(['title']);
  });
});
