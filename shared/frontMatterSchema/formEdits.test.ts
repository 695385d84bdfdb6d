import { readFileSync } from 'node:fs';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { applyChanges, parseArticle } from '../article';
import { nowDateTime, parseDateTime } from './dateTime';
import { planFormEdit, yamlScalarStyle, type FormEdit } from './formEdits';
import { rawFieldText } from './fieldSource';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../tests/fixtures/schema-workspace/${path}`, import.meta.url), 'utf8');

function edit(text: string, formEdit: FormEdit): string {
  const plan = planFormEdit(text, formEdit);
  if ('error' in plan) throw new Error(`unexpected error: ${plan.error.message}`);
  return applyChanges(text, plan.changes);
}

/** Lines removed and added between two texts (a line diff, like `diff` on the saved files). */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffArrays(before.split('\n'), after.split('\n'))) {
    if (part.removed) removed.push(...part.value);
    if (part.added) added.push(...part.value);
  }
  return { removed, added };
}

const commentLines = (text: string): string[] =>
  text.split('\n').filter((line) => /^\s*#/.test(line) || /\s#\s/.test(line));

const flow = fixture('posts/flow-tags.md');
const sample = fixture('posts/chip-export-rules.md');
const toml = fixture('posts/toml-article.md');
const json = fixture('posts/json-article.md');

describe('form edits on YAML front matter change one line and keep comments and unknown keys', () => {
  const now = nowDateTime(
    new Date(Date.UTC(2025, 6, 1, 2, 3, 4)),
    parseDateTime('2025-06-20T09:30+08:00')?.format,
  );
  const cases: Array<[string, FormEdit, string, string]> = [
    [
      'title',
      { kind: 'set', path: ['title'], value: '数据中心用电激增：电网扩容提速' },
      'title: 数据中心用电激增：电网如何应对算力扩张',
      'title: 数据中心用电激增：电网扩容提速',
    ],
    [
      'draft switch',
      { kind: 'set', path: ['draft'], value: false },
      'draft: true # 待主编审核',
      'draft: false # 待主编审核',
    ],
    [
      'tag added to a flow list',
      { kind: 'set', path: ['tags'], value: ['能源', '数据中心', '电网'] },
      'tags: [能源, 数据中心]',
      'tags: [能源, 数据中心, 电网]',
    ],
    [
      'tag removed',
      { kind: 'set', path: ['tags'], value: ['数据中心'] },
      'tags: [能源, 数据中心]',
      'tags: [数据中心]',
    ],
    [
      'tags reordered',
      { kind: 'set', path: ['tags'], value: ['数据中心', '能源'] },
      'tags: [能源, 数据中心]',
      'tags: [数据中心, 能源]',
    ],
    [
      'date "now"',
      { kind: 'set', path: ['date'], value: now },
      'date: 2025-06-20T09:30+08:00',
      `date: ${now}`,
    ],
    [
      'image with a space',
      { kind: 'set', path: ['featured_image'], value: 'images/default (3).png' },
      'featured_image: "images/chip wafer.png"',
      'featured_image: "images/default (3).png"',
    ],
    ['number', { kind: 'set', path: ['weight'], value: 11 }, 'weight: 10', 'weight: 11'],
    [
      'nested map value',
      { kind: 'set', path: ['params', 'author'], value: '王明' },
      '  author: 李华',
      '  author: 王明',
    ],
    [
      'nested boolean',
      { kind: 'set', path: ['params', 'toc'], value: false },
      '  toc: true',
      '  toc: false',
    ],
    [
      'unknown key as text',
      { kind: 'set', path: ['editor_note'], value: '第三版' },
      'editor_note: 第二版，已补充采访 # not in the schema',
      'editor_note: 第三版 # not in the schema',
    ],
    [
      'raw YAML of a list of maps',
      {
        kind: 'raw',
        key: 'sources',
        yaml: '- { name: 国家能源局, url: "https://www.nea.gov.cn/" }',
      },
      '  - { name: 国家能源局, url: "https://www.nea.gov.cn" }',
      '  - { name: 国家能源局, url: "https://www.nea.gov.cn/" }',
    ],
  ];

  it.each(cases)('%s', (_name, formEdit, oldLine, newLine) => {
    const after = edit(flow, formEdit);
    expect(lineDiff(flow, after)).toEqual({ removed: [oldLine], added: [newLine] });
    expect(commentLines(after)).toEqual(
      commentLines(flow).map((line) => (line === oldLine ? newLine : line)),
    );
    const before = parseArticle(flow).data ?? {};
    const data = parseArticle(after).data ?? {};
    expect(data['editor_note']).toEqual(
      formEdit.kind === 'set' && formEdit.path[0] === 'editor_note'
        ? '第三版'
        : before['editor_note'],
    );
    expect(data['sources']).toEqual(
      formEdit.kind === 'raw'
        ? [{ name: '国家能源局', url: 'https://www.nea.gov.cn/' }]
        : before['sources'],
    );
    expect(parseArticle(after).parts.body).toBe(parseArticle(flow).parts.body);
  });

  it('a field the article lacks is added as one new line at the end of the front matter', () => {
    const after = edit(flow, { kind: 'set', path: ['slug'], value: 'shu-ju-zhong-xin' });
    expect(lineDiff(flow, after)).toEqual({ removed: [], added: ['slug: shu-ju-zhong-xin'] });
    expect(after).toContain(
      '  - { name: 国家能源局, url: "https://www.nea.gov.cn" }\nslug: shu-ju-zhong-xin\n---\n',
    );
  });

  it('every edit in a row keeps every comment line and the unknown keys', () => {
    let text = flow;
    for (const [, formEdit] of cases) text = edit(text, formEdit);
    text = edit(text, { kind: 'set', path: ['slug'], value: 'x' });
    const comments = commentLines(text).join('\n');
    expect(comments).toContain('# 编辑部备注：发稿前请核对数据来源');
    expect(comments).toContain('# 待主编审核');
    expect(comments).toContain('  # 责任编辑：王明');
    expect(comments).toContain('# not in the schema');
    const data = parseArticle(text).data ?? {};
    expect(Object.keys(data)).toEqual([...Object.keys(parseArticle(flow).data ?? {}), 'slug']);
    expect(data['params']).toEqual({ author: '王明', toc: false, related: ['chip-export-rules'] });
  });

  it('removing a field removes its lines only', () => {
    const after = edit(flow, { kind: 'remove', key: 'weight' });
    expect(lineDiff(flow, after)).toEqual({ removed: ['weight: 10'], added: [] });
  });
});

describe('form edits on the sample-shaped article (block lists)', () => {
  it('adds a tag to a block list as one new line in the list style', () => {
    const tags = ['芯片', '出口管制', '供应链', '数据中心', '半导体'];
    const after = edit(sample, { kind: 'set', path: ['tags'], value: tags });
    expect(lineDiff(sample, after)).toEqual({ removed: [], added: ['  - 半导体'] });
    expect(parseArticle(after).data?.['tags']).toEqual(tags);
  });

  it('removes and reorders block list items line by line', () => {
    const removed = edit(sample, {
      kind: 'set',
      path: ['tags'],
      value: ['芯片', '供应链', '数据中心'],
    });
    expect(lineDiff(sample, removed)).toEqual({ removed: ['  - 出口管制'], added: [] });
    const moved = edit(sample, {
      kind: 'set',
      path: ['main_topics'],
      value: ['国际贸易', '半导体产业'],
    });
    expect(parseArticle(moved).data?.['main_topics']).toEqual(['国际贸易', '半导体产业']);
    expect(lineDiff(sample, moved).removed.length).toBe(1);
  });

  it('keeps `tags: ` with its trailing space when the list changes', () => {
    const after = edit(sample, { kind: 'set', path: ['tags'], value: ['芯片'] });
    expect(after).toContain('tags: \n  - 芯片\nmain_topics: \n');
  });

  it('a summary edit changes the summary line only', () => {
    const after = edit(sample, { kind: 'set', path: ['summary'], value: '新规生效，供应链重组。' });
    expect(lineDiff(sample, after).removed).toHaveLength(1);
    expect(lineDiff(sample, after).added).toEqual(['summary: 新规生效，供应链重组。']);
  });

  it('keeps the quoting the field had while the writer typed through values that needed quotes', () => {
    const style = yamlScalarStyle(sample, 'title');
    expect(style).toBe('PLAIN');
    let text = sample;
    for (const typed of ['2', '20', '2025', '2025 ', '2025年', '2025年芯片']) {
      text = edit(text, {
        kind: 'set',
        path: ['title'],
        value: typed,
        ...(style ? { style } : {}),
      });
      expect(parseArticle(text).data?.['title']).toBe(typed);
    }
    expect(lineDiff(sample, text)).toEqual({
      removed: ['title: 芯片出口新规落地：供应链重组背后的算力博弈'],
      added: ['title: 2025年芯片'],
    });
    // Without the hint the value would stay quoted after "2025".
    expect(
      edit(edit(sample, { kind: 'set', path: ['title'], value: '2025' }), {
        kind: 'set',
        path: ['title'],
        value: '2025年',
      }),
    ).toContain('title: "2025年"');
  });
});

describe('TOML and JSON front matter through the same form edits', () => {
  it('TOML: a title edit round-trips minimally', () => {
    const after = edit(toml, { kind: 'set', path: ['title'], value: '算力租赁：价格回落之后' });
    expect(lineDiff(toml, after)).toEqual({
      removed: ['title = "算力租赁市场观察"'],
      added: ['title = "算力租赁：价格回落之后"'],
    });
    expect(edit(after, { kind: 'set', path: ['title'], value: '算力租赁市场观察' })).toBe(toml);
  });

  it('TOML: tags, draft, date "now" and raw values change their own line; the comment stays', () => {
    const tags = edit(toml, {
      kind: 'set',
      path: ['tags'],
      value: ['算力', '云计算', '数据中心', '租赁'],
    });
    expect(lineDiff(toml, tags)).toEqual({
      removed: ['tags = ["算力", "云计算", "数据中心"]'],
      added: ['tags = ["算力", "云计算", "数据中心", "租赁"]'],
    });
    const draft = edit(toml, { kind: 'set', path: ['draft'], value: true });
    expect(lineDiff(toml, draft)).toEqual({ removed: ['draft = false'], added: ['draft = true'] });
    const date = edit(toml, { kind: 'set', path: ['date'], value: '2025-07-01T10:00:00+08:00' });
    expect(lineDiff(toml, date)).toEqual({
      removed: ['date = 2025-06-19T08:00:00+08:00'],
      added: ['date = 2025-07-01T10:00:00+08:00'],
    });
    const raw = edit(toml, { kind: 'raw', key: 'weight', yaml: '4' });
    expect(lineDiff(toml, raw)).toEqual({ removed: ['weight = 3'], added: ['weight = 4'] });
    expect(commentLines(raw)).toEqual(['# 主题须来自受控词表']);
  });

  it('TOML: a [table] cannot be edited from the form and says so instead of rewriting', () => {
    const plan = planFormEdit(toml, { kind: 'set', path: ['params', 'author'], value: '李华' });
    expect('error' in plan && plan.error.message).toMatch(/TOML table/);
  });

  it('JSON: a title edit round-trips minimally', () => {
    const after = edit(json, { kind: 'set', path: ['title'], value: '开源模型进入企业' });
    expect(lineDiff(json, after)).toEqual({
      removed: ['  "title": "开源模型与企业采用",'],
      added: ['  "title": "开源模型进入企业",'],
    });
    expect(edit(after, { kind: 'set', path: ['title'], value: '开源模型与企业采用' })).toBe(json);
  });

  it('JSON: tags, draft and a nested value change their own line', () => {
    const tags = edit(json, {
      kind: 'set',
      path: ['tags'],
      value: ['开源', '大模型', '数据中心', '私有部署'],
    });
    expect(lineDiff(json, tags)).toEqual({
      removed: ['  "tags": ["开源", "大模型", "数据中心"],'],
      added: ['  "tags": ["开源", "大模型", "数据中心", "私有部署"],'],
    });
    const draft = edit(json, { kind: 'set', path: ['draft'], value: true });
    expect(lineDiff(json, draft)).toEqual({
      removed: ['  "draft": false,'],
      added: ['  "draft": true,'],
    });
    const nested = edit(json, { kind: 'set', path: ['params', 'author'], value: '李华' });
    expect(parseArticle(nested).data?.['params']).toEqual({ author: '李华' });
    expect(lineDiff(json, nested)).toEqual({
      removed: ['  "params": { "author": "张伟" }'],
      added: ['  "params": { "author": "李华" }'],
    });
  });
});

describe('rawFieldText', () => {
  it('gives the YAML source of a value as written, comments included, ready for planSetFieldRaw', () => {
    expect(rawFieldText(flow, 'params')).toBe(
      'author: 李华\n# 责任编辑：王明\ntoc: true\nrelated: [chip-export-rules]',
    );
    expect(rawFieldText(flow, 'tags')).toBe('[能源, 数据中心]');
    expect(rawFieldText(flow, 'sources')).toBe(
      '- { name: 国家能源局, url: "https://www.nea.gov.cn" }',
    );
    expect(rawFieldText(flow, 'missing')).toBeNull();
    for (const key of ['params', 'tags', 'sources', 'title', 'draft']) {
      const raw = rawFieldText(flow, key) ?? '';
      expect(edit(flow, { kind: 'raw', key, yaml: raw }), key).toBe(flow);
    }
  });

  it('writes TOML and JSON values as YAML for the raw editor', () => {
    expect(rawFieldText(toml, 'tags')).toBe('- 算力\n- 云计算\n- 数据中心');
    expect(rawFieldText(json, 'params')).toBe('author: 张伟');
    expect(
      edit(json, { kind: 'raw', key: 'params', yaml: rawFieldText(json, 'params') ?? '' }),
    ).toBe(json);
  });

  it('writes TOML and JSON text that YAML 1.1 would read otherwise in quotes (a raw edit keeps it)', () => {
    const text = '+++\nextra = { on = "yes", codes = ["0755", "1_000", "y", "0o17"] }\n+++\n';
    const raw = rawFieldText(text, 'extra') ?? '';
    expect(raw).toBe('"on": "yes"\ncodes:\n  - "0755"\n  - "1_000"\n  - "y"\n  - "0o17"');
    expect(edit(text, { kind: 'raw', key: 'extra', yaml: raw })).toBe(text);
  });

  it('a raw edit with broken YAML is refused with the line inside the raw text', () => {
    const plan = planFormEdit(flow, { kind: 'raw', key: 'params', yaml: 'author: 李华\ntoc: "x' });
    expect('error' in plan && plan.error.line).toBe(2);
  });
});
