import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  createFrontMatter,
  parseArticle,
  planRemoveField,
  planSetField,
  planSetFieldRaw,
  type EditPlan,
  type FieldValue,
  type TextChange,
} from './index';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../tests/fixtures/articles/${name}`, import.meta.url), 'utf8');

function changesOf(plan: EditPlan): TextChange[] {
  if ('error' in plan)
    throw new Error(`unexpected error: ${plan.error.kind}: ${plan.error.message}`);
  return plan.changes;
}

function set(text: string, key: string, value: FieldValue): string {
  return applyChanges(text, changesOf(planSetField(text, key, value)));
}

function remove(text: string, key: string): string {
  return applyChanges(text, changesOf(planRemoveField(text, key)));
}

/** Lines of a text, line breaks kept, so CRLF and a missing final newline are compared too. */
function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** Asserts `after` is `before` with lines [index, index + count) replaced by `replacement`. */
function expectLineSplice(
  before: string,
  after: string,
  index: number,
  count: number,
  replacement: string[],
): void {
  const expected = lines(before);
  expected.splice(index, count, ...replacement);
  expect(lines(after)).toEqual(expected);
}

const sample = fixture('sample-zh-hugo.md');
const sampleLines = lines(sample);
const lineOf = (text: string, prefix: string): number =>
  lines(text).findIndex((line) => line.startsWith(prefix));

describe('sample-shaped Hugo article', () => {
  it('parses the way Hugo sees it', () => {
    const { data, error } = parseArticle(sample);
    expect(error).toBeNull();
    expect(data?.['date']).toBe('2025-06-18T11:20:04+08:00');
    expect(data?.['featured_image']).toBe('images/default (3).png');
    expect(data?.['tags']).toHaveLength(8);
    expect(sampleLines[lineOf(sample, 'tags:')]).toBe('tags: \n');
  });

  it('changing the title rewrites only the title line', () => {
    const after = set(sample, 'title', 'OpenAI与微软：新标题');
    expectLineSplice(sample, after, 1, 1, ['title: OpenAI与微软：新标题\n']);
    expect(lines(after)[2]).toBe('date: 2025-06-18T11:20:04+08:00\n');
  });

  it('a title that YAML cannot hold plain gets quoted, and only then', () => {
    const after = set(sample, 'title', 'Breaking: 标题 #1');
    expectLineSplice(sample, after, 1, 1, ['title: "Breaking: 标题 #1"\n']);
    expect(parseArticle(after).data?.['title']).toBe('Breaking: 标题 #1');
  });

  it('toggling draft rewrites only the draft line', () => {
    const after = set(sample, 'draft', true);
    expectLineSplice(sample, after, 3, 1, ['draft: true\n']);
    expect(set(after, 'draft', false)).toBe(sample);
  });

  it('adding a tag to the block list inserts one line with the same indentation', () => {
    const tags = parseArticle(sample).data?.['tags'] as string[];
    const after = set(sample, 'tags', [...tags, '新标签']);
    const last = lineOf(sample, '  - 技术冲突');
    expectLineSplice(sample, after, last + 1, 0, ['  - 新标签\n']);
    expect(lines(after)[lineOf(after, 'tags:')]).toBe('tags: \n'); // trailing space kept
  });

  it('removing a tag from the middle of the block list removes only its line', () => {
    const tags = parseArticle(sample).data?.['tags'] as string[];
    const after = set(
      sample,
      'tags',
      tags.filter((tag) => tag !== '反垄断'),
    );
    expectLineSplice(sample, after, lineOf(sample, '  - 反垄断'), 1, []);
  });

  it('replacing one tag rewrites only that item', () => {
    const tags = parseArticle(sample).data?.['tags'] as string[];
    const after = set(
      sample,
      'tags',
      tags.map((tag) => (tag === '微软' ? 'Microsoft' : tag)),
    );
    expectLineSplice(sample, after, lineOf(sample, '  - 微软'), 1, ['  - Microsoft\n']);
  });

  it('removing a field removes only its line', () => {
    const after = remove(sample, 'summary');
    expectLineSplice(sample, after, lineOf(sample, 'summary:'), 1, []);
  });

  it('removing a block-list field removes the key and all its items', () => {
    const after = remove(sample, 'main_topics');
    expectLineSplice(sample, after, lineOf(sample, 'main_topics:'), 4, []);
  });

  it('adding a field appends one line at the end of the front matter', () => {
    const after = set(sample, 'slug', 'openai-yu-wei-ruan');
    const closing = sampleLines.indexOf('---\n', 1);
    expectLineSplice(sample, after, closing, 0, ['slug: openai-yu-wei-ruan\n']);
  });

  it('adding a list field follows the block style already used in the file', () => {
    const after = set(sample, 'categories', ['科技', 'AI']);
    const closing = sampleLines.indexOf('---\n', 1);
    expectLineSplice(sample, after, closing, 0, ['categories:\n', '  - 科技\n', '  - AI\n']);
  });

  it('setting the current value plans zero changes', () => {
    expect(changesOf(planSetField(sample, 'date', '2025-06-18T11:20:04+08:00'))).toEqual([]);
    expect(changesOf(planSetField(sample, 'draft', false))).toEqual([]);
    expect(
      changesOf(planSetField(sample, 'tags', parseArticle(sample).data?.['tags'] as string[])),
    ).toEqual([]);
  });

  it('keeps the body, footnotes and the unused [^2] definition untouched', () => {
    const after = set(set(sample, 'title', 'X'), 'draft', true);
    expect(parseArticle(after).parts.body).toBe(parseArticle(sample).parts.body);
    expect(after).toContain('[^2]: （2025/6/18）');
  });

  it('plans one transaction: all offsets refer to the original text', () => {
    const plan = changesOf(planSetField(sample, 'title', '新'));
    expect(plan).toHaveLength(1);
    const change = plan[0] as TextChange;
    expect(sample.slice(0, change.from)).toBe('---\ntitle: ');
  });
});

describe('YAML styles are preserved', () => {
  it('flow lists stay flow; adding and removing items touches only that line', () => {
    const text = fixture('yaml-basic.md');
    const line = lineOf(text, 'tags:');
    expectLineSplice(
      text,
      set(text, 'tags', ['politics', 'budget', 'city-hall', '新闻']),
      line,
      1,
      ['tags: [politics, budget, city-hall, 新闻]\n'],
    );
    expectLineSplice(text, set(text, 'tags', ['politics', 'city-hall']), line, 1, [
      'tags: [politics, city-hall]\n',
    ]);
    expectLineSplice(text, set(text, 'tags', []), line, 1, ['tags: []\n']);
    expectLineSplice(
      text,
      set(text, 'tags', ['politics', 'budget', 'city-hall', 'a, b']),
      line,
      1,
      ['tags: [politics, budget, city-hall, "a, b"]\n'],
    );
  });

  it('unindented block lists keep their indentation', () => {
    const text = fixture('yaml-unindented-seq.md');
    const after = set(text, 'tags', ['one', 'two', 'three', 'four']);
    expectLineSplice(text, after, lineOf(text, '- three') + 1, 0, ['- four\n']);
  });

  it('quote styles of replaced scalars are kept', () => {
    const text = fixture('yaml-quoting.md');
    expectLineSplice(text, set(text, 'single', "Don't"), 1, 1, ["single: 'Don''t'\n"]);
    expectLineSplice(text, set(text, 'double', 'Line\nbreak'), 2, 1, ['double: "Line\\nbreak"\n']);
    expectLineSplice(text, set(text, 'plain', 'still plain'), 3, 1, ['plain: still plain\n']);
    expectLineSplice(text, set(text, 'plain', 'true'), 3, 1, ['plain: "true"\n']);
    expectLineSplice(text, set(text, 'plain', '123'), 3, 1, ['plain: "123"\n']);
    expectLineSplice(text, set(text, 'plain', '- dash'), 3, 1, ['plain: "- dash"\n']);
    expectLineSplice(text, set(text, 'plain', ''), 3, 1, ['plain: ""\n']);
    expectLineSplice(
      text,
      set(text, 'looks_like_number', '0124'),
      lineOf(text, 'looks_like_number'),
      1,
      ["looks_like_number: '0124'\n"],
    );
  });

  it("strings Hugo's YAML 1.1 reader (go-yaml v2) would read as something else are quoted", () => {
    const text = fixture('yaml-quoting.md');
    // Booleans and numbers in YAML 1.1 only: Hugo would publish `true`, `false` or 1000.
    expectLineSplice(text, set(text, 'plain', 'yes'), 3, 1, ['plain: "yes"\n']);
    expectLineSplice(text, set(text, 'plain', 'Off'), 3, 1, ['plain: "Off"\n']);
    expectLineSplice(text, set(text, 'plain', '1_000'), 3, 1, ['plain: "1_000"\n']);
    const tags = set(text, 'tags', ['NO', 'SE', 'y']);
    expect(tags).toContain('tags:\n  - "NO"\n  - SE\n  - "y"\n');
    // Line breaks in YAML 1.1 (from a headline copied out of InDesign): raw, they fail Hugo's build.
    expectLineSplice(text, set(text, 'plain', '头条\u2028标题'), 3, 1, [
      'plain: "头条\\u2028标题"\n',
    ]);
    expectLineSplice(text, set(text, 'single', 'a\u2029b\u0085c'), 1, 1, [
      'single: "a\\u2029b\\u0085c"\n',
    ]);
    // A date typed plain stays plain.
    expectLineSplice(text, set(text, 'plain', '2024-05-01'), 3, 1, ['plain: 2024-05-01\n']);
  });

  it('control characters are escaped: raw, YAML forbids them and Hugo fails the build', () => {
    const text = fixture('yaml-quoting.md');
    // Word puts a soft line break (Shift+Enter) on the clipboard as a vertical tab.
    expectLineSplice(text, set(text, 'plain', '头条\v标题'), 3, 1, ['plain: "头条\\u000b标题"\n']);
    expectLineSplice(text, set(text, 'plain', 'x\u001b[0m'), 3, 1, ['plain: "x\\u001b[0m"\n']);
    expect(set(text, 'tags', ['a\fb'])).toContain('tags:\n  - "a\\fb"\n');
  });

  it('numbers, booleans and null are written plain, even over a quoted string', () => {
    const text = fixture('yaml-quoting.md');
    expectLineSplice(text, set(text, 'looks_like_bool', true), lineOf(text, 'looks_like_bool'), 1, [
      'looks_like_bool: true\n',
    ]);
    expectLineSplice(text, set(text, 'double', 42), 2, 1, ['double: 42\n']);
    expectLineSplice(text, set(text, 'double', null), 2, 1, ['double: null\n']);
  });

  it('block literals stay block literals with their indentation and chomping', () => {
    const text = fixture('yaml-block-literal.md');
    const start = lineOf(text, 'description:');
    const after = set(text, 'description', 'New first line.\nNew second line.\n');
    expectLineSplice(text, after, start + 1, 4, ['  New first line.\n', '  New second line.\n']);
    const strip = lineOf(text, 'strip:');
    expectLineSplice(text, set(text, 'strip', 'changed'), strip + 1, 1, ['  changed\n']);
  });

  it('a block whose first line starts with a tab is double-quoted: go-yaml, so Hugo, refuses it', () => {
    const text = fixture('yaml-block-literal.md');
    const start = lineOf(text, 'description:');
    const after = set(text, 'description', '\tIndented quote.\nSecond line.\n');
    expectLineSplice(text, after, start, 5, [
      'description: "\\tIndented quote.\\nSecond line.\\n"\n',
    ]);
    // Further lines may start with a tab.
    const later = set(text, 'description', 'First.\n\tIndented quote.\n');
    expectLineSplice(text, later, start + 1, 4, ['  First.\n', '  \tIndented quote.\n']);
  });

  it('folded scalars stay folded', () => {
    const text = fixture('yaml-block-folded.md');
    const teaser = lineOf(text, 'teaser:');
    expectLineSplice(text, set(text, 'teaser', 'A new teaser.'), teaser + 1, 1, [
      '  A new teaser.\n',
    ]);
  });

  it('comments and unknown keys survive edits', () => {
    const text = fixture('yaml-comments.md');
    const after = set(set(text, 'title', 'Results are in'), 'draft', false);
    const before = lines(text);
    const expected = [...before];
    expected[lineOf(text, 'title:')] = 'title: Results are in   # headline may change\n';
    expected[lineOf(text, 'draft:')] = 'draft: false\n';
    expect(lines(after)).toEqual(expected);
    expect(after).toContain('  # - results (not yet)\n');
  });

  it('adding to a commented block list keeps the comments', () => {
    const text = fixture('yaml-comments.md');
    const after = set(text, 'tags', ['election', 'live', 'results']);
    // The new item goes right after the last item; the comment line after it stays below.
    expect(after).toContain(
      'tags: # add more as results come in\n  - election   # primary tag\n  - live\n  - results\n  # - results (not yet)\n',
    );
  });

  it('CRLF files stay CRLF, including new lines', () => {
    const text = fixture('yaml-crlf.md');
    let after = set(text, 'title', 'Schools reopen');
    after = set(after, 'tags', ['weather', 'schools', 'reopening']);
    after = set(after, 'author', 'Desk');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain('title: "Schools reopen"\r\n');
    expect(after).toContain('  - reopening\r\n');
    expect(after).toContain('author: Desk\r\n---\r\n');
  });

  it('BOM files keep their BOM', () => {
    const text = fixture('yaml-bom.md');
    const after = set(text, 'title', '新标题');
    expect(after.startsWith('\uFEFF---\ntitle: 新标题\n')).toBe(true);
  });

  it('empty values are filled in place', () => {
    const text = fixture('yaml-empty-values.md');
    expectLineSplice(text, set(text, 'description', 'Now set'), lineOf(text, 'description:'), 1, [
      'description: Now set\n',
    ]);
    expectLineSplice(text, set(text, 'categories', 'x'), lineOf(text, 'categories:'), 1, [
      'categories: x\n',
    ]);
    expectLineSplice(text, set(text, 'tags', ['a']), lineOf(text, 'tags:'), 1, ['tags: [a]\n']);
    // This file already writes a list in flow style (`tags: []`), so a new list follows it.
    expectLineSplice(text, set(text, 'categories', ['a', 'b']), lineOf(text, 'categories:'), 1, [
      'categories: [a, b]\n',
    ]);
  });

  it('a list can become a scalar and back', () => {
    const after = set(sample, 'main_topics', 'none');
    expectLineSplice(sample, after, lineOf(sample, 'main_topics:'), 4, ['main_topics: none\n']);
    const back = set(after, 'main_topics', ['AI']);
    expect(parseArticle(back).data?.['main_topics']).toEqual(['AI']);
  });

  it('emptying a block list writes []', () => {
    const after = set(sample, 'main_topics', []);
    expectLineSplice(sample, after, lineOf(sample, 'main_topics:'), 4, ['main_topics: []\n']);
  });

  it('a multi-line plain scalar is replaced as a whole', () => {
    const text = fixture('yaml-multiline-plain.md');
    expectLineSplice(text, set(text, 'title', 'Short now'), 1, 2, ['title: Short now\n']);
  });

  it('keys that need quoting are quoted', () => {
    const text = fixture('yaml-basic.md');
    const after = set(text, 'odd: key', 'v');
    expect(after).toContain('"odd: key": v\n---\n');
    expect(parseArticle(after).data?.['odd: key']).toBe('v');
  });

  it('editing an anchored value keeps aliases pointing at it unchanged', () => {
    const text = fixture('yaml-anchors.md');
    const after = set(text, 'authors', ['Ann', 'Bob', 'Cy']);
    const data = parseArticle(after).data;
    expect(data?.['authors']).toEqual(['Ann', 'Bob', 'Cy']);
    expect(data?.['editors']).toEqual(['Ann', 'Bob']);
    const removed = remove(text, 'defaults');
    expect(parseArticle(removed).error).toBeNull();
    expect(parseArticle(removed).data?.['override']).toEqual({
      layout: 'article',
      comments: false,
    });
  });

  it('flow-map front matter can be edited too', () => {
    const text = '---\n{title: Old, tags: [a]}\n---\nBody\n';
    expect(set(text, 'title', 'New')).toBe('---\n{title: New, tags: [a]}\n---\nBody\n');
    expect(set(text, 'draft', true)).toBe('---\n{title: Old, tags: [a], draft: true}\n---\nBody\n');
    expect(remove(text, 'title')).toBe('---\n{tags: [a]}\n---\nBody\n');
  });

  it('empty front matter gets its first field', () => {
    expect(set('---\n---\nBody\n', 'title', 'T')).toBe('---\ntitle: T\n---\nBody\n');
    expect(set('---\r\n---\r\nBody\r\n', 'title', 'T')).toBe('---\r\ntitle: T\r\n---\r\nBody\r\n');
    expect(set('---\n# note\n---\n', 'title', 'T')).toBe('---\n# note\ntitle: T\n---\n');
  });
});

describe('TOML front matter', () => {
  it('a title edit changes only the title line, and the date stays as written', () => {
    const text = fixture('toml-basic.md');
    const after = set(text, 'title', 'Council passes "record" budget');
    expectLineSplice(text, after, 1, 1, ['title = "Council passes \\"record\\" budget"\n']);
    expect(parseArticle(after).data?.['date']).toBe('2024-05-01T10:00:00-04:00');
  });

  it('arrays, booleans, new and removed fields', () => {
    const text = fixture('toml-basic.md');
    expectLineSplice(text, set(text, 'tags', ['politics', 'budget', '新闻']), 4, 1, [
      'tags = ["politics", "budget", "新闻"]\n',
    ]);
    expectLineSplice(text, set(text, 'draft', true), 3, 1, ['draft = true\n']);
    expectLineSplice(text, set(text, 'slug', 'budget'), 5, 0, ['slug = "budget"\n']);
    expectLineSplice(text, remove(text, 'tags'), 4, 1, []);
  });

  it('new top-level fields go before the first table', () => {
    const text = fixture('toml-tables.md');
    const after = set(text, 'draft', true);
    expectLineSplice(text, after, lineOf(text, 'author.email') + 1, 0, ['draft = true\n']);
    expect(parseArticle(after).data?.['params']).toEqual({
      subtitle: 'With params',
      featured: true,
    });
  });

  it('comments after a value survive', () => {
    const text = fixture('toml-tables.md');
    expectLineSplice(text, set(text, 'title', 'New'), lineOf(text, 'title'), 1, [
      'title = "New"   # the headline\n',
    ]);
  });

  it('literal strings stay literal and dates stay bare dates', () => {
    const text = fixture('toml-strings.md');
    expectLineSplice(text, set(text, 'literal', 'D:\\news'), lineOf(text, 'literal'), 1, [
      "literal = 'D:\\news'\n",
    ]);
    const dates = fixture('toml-dates.md');
    expectLineSplice(dates, set(dates, 'ld', '2024-06-01'), lineOf(dates, 'ld ='), 1, [
      'ld = 2024-06-01\n',
    ]);
    expectLineSplice(dates, set(dates, 'ld', 'soon'), lineOf(dates, 'ld ='), 1, ['ld = "soon"\n']);
  });

  it('multi-line arrays get new items in their own layout', () => {
    const text = fixture('toml-multiline-array.md');
    const after = set(text, 'tags', ['one', 'two', 'three', 'four']);
    expect(after).toContain('  "three",\n  "four",\n]\n');
    expect(parseArticle(after).data?.['tags']).toEqual(['one', 'two', 'three', 'four']);
  });

  it('refuses null and table fields with a typed error', () => {
    const text = fixture('toml-tables.md');
    const nullPlan = planSetField(text, 'title', null);
    expect('error' in nullPlan && nullPlan.error.kind).toBe('syntax');
    const tablePlan = planSetField(text, 'params', 'x');
    expect('error' in tablePlan && tablePlan.error.line).toBe(lineOf(text, '[params]') + 1);
  });

  it('CRLF TOML stays CRLF', () => {
    const text = fixture('toml-crlf.md');
    const after = set(set(text, 'title', 'New'), 'draft', true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain("title = 'New'\r\n");
  });
});

describe('JSON front matter', () => {
  it('a title edit changes only the title line', () => {
    const text = fixture('json-basic.md');
    expectLineSplice(text, set(text, 'title', '新标题'), 1, 1, ['  "title": "新标题",\n']);
  });

  it('adds to multi-line arrays in their layout', () => {
    const text = fixture('json-basic.md');
    const after = set(text, 'tags', ['json', 'hugo', 'cms']);
    expectLineSplice(text, after, lineOf(text, '    "hugo"'), 1, ['    "hugo",\n', '    "cms"\n']);
  });

  it('adds and removes members with the file’s separators', () => {
    const text = fixture('json-basic.md');
    const closing = lines(text).indexOf('}\n');
    expectLineSplice(text, set(text, 'weight', 3), closing - 1, 1, ['  ],\n', '  "weight": 3\n']);
    expectLineSplice(text, remove(text, 'draft'), lineOf(text, '  "draft"'), 1, []);
    expectLineSplice(text, remove(text, 'title'), 1, 1, []);
    const compact = fixture('json-compact.md');
    expect(set(compact, 'draft', true).split('\n')[0]).toBe(
      '{"title":"Compact","tags":["a","b"],"weight":2,"draft":true}',
    );
    expect(remove(compact, 'weight').split('\n')[0]).toBe('{"title":"Compact","tags":["a","b"]}');
    expect(set('{}\n\nBody\n', 'title', 'T')).toBe('{\n  "title": "T"\n}\n\nBody\n');
  });
});

describe('planSetFieldRaw', () => {
  it('replaces a nested map with raw YAML and leaves the rest alone', () => {
    const text = fixture('yaml-nested-params.md');
    const plan = changesOf(
      planSetFieldRaw(text, 'params', 'author: 王五\nlocation:\n  city: 北京'),
    );
    const after = applyChanges(text, plan);
    const start = lineOf(text, 'params:');
    const menu = lineOf(text, 'menu:');
    expectLineSplice(text, after, start + 1, menu - start - 1, [
      '  author: 王五\n',
      '  location:\n',
      '    city: 北京\n',
    ]);
    expect(parseArticle(after).data?.['params']).toEqual({
      author: '王五',
      location: { city: '北京' },
    });
  });

  it('adds a new nested key, inline or as a block', () => {
    const text = fixture('yaml-basic.md');
    expect(applyChanges(text, changesOf(planSetFieldRaw(text, 'params', '{a: 1}')))).toContain(
      'params: {a: 1}\n---\n',
    );
    expect(
      applyChanges(text, changesOf(planSetFieldRaw(text, 'params', 'a: 1\nb: [x]\n'))),
    ).toContain('params:\n  a: 1\n  b: [x]\n---\n');
  });

  it('reports YAML errors positioned within the raw text', () => {
    const plan = planSetFieldRaw(fixture('yaml-basic.md'), 'params', 'a: 1\nb: [x\n');
    expect('error' in plan && plan.error.kind).toBe('syntax');
    expect('error' in plan && plan.error.line).toBe(3);
  });

  it('writes the value in TOML or JSON when the front matter is TOML or JSON', () => {
    const toml = fixture('toml-basic.md');
    const tomlAfter = applyChanges(
      toml,
      changesOf(planSetFieldRaw(toml, 'extra', 'a: 1\nb: [x, y, "n"]')),
    );
    // Raw YAML means what it means to Hugo everywhere: a plain `y` is true, a quoted one text.
    expect(tomlAfter).toContain('extra = { a = 1, b = ["x", true, "n"] }\n');
    const json = fixture('json-basic.md');
    const jsonAfter = applyChanges(json, changesOf(planSetFieldRaw(json, 'extra', 'a: 1')));
    expect(parseArticle(jsonAfter).data?.['extra']).toEqual({ a: 1 });
  });

  it('creates the front matter when there is none', () => {
    const plan = changesOf(planSetFieldRaw('Body\n', 'params', 'a: 1'));
    expect(applyChanges('Body\n', plan)).toBe('---\nparams:\n  a: 1\n---\n\nBody\n');
  });
});

describe('createFrontMatter', () => {
  it('adds a YAML block at the top, after a BOM, in the file’s line endings', () => {
    expect(
      applyChanges(
        '# Hi\n',
        changesOf(createFrontMatter('# Hi\n', { title: 'Hi', tags: ['a', 'b'], draft: true })),
      ),
    ).toBe('---\ntitle: Hi\ntags:\n  - a\n  - b\ndraft: true\n---\n\n# Hi\n');
    expect(
      applyChanges(
        '\uFEFFText\r\n',
        changesOf(createFrontMatter('\uFEFFText\r\n', { title: 'T' })),
      ),
    ).toBe('\uFEFF---\r\ntitle: T\r\n---\r\n\r\nText\r\n');
    expect(applyChanges('', changesOf(createFrontMatter('')))).toBe('---\n---\n');
  });

  it('does nothing when front matter exists, and refuses an unclosed block', () => {
    expect(changesOf(createFrontMatter(sample, { title: 'x' }))).toEqual([]);
    const plan = createFrontMatter('---\ntitle: x\n');
    expect('error' in plan && plan.error.kind).toBe('unclosed');
  });

  it('planSetField on an article without front matter creates one', () => {
    expect(set('Body\n', 'title', 'Hello: world')).toBe(
      '---\ntitle: "Hello: world"\n---\n\nBody\n',
    );
  });
});

describe('edits refuse broken front matter', () => {
  it('returns the parse error instead of guessing', () => {
    const broken = '---\ntitle: [unclosed\ndraft: true\n---\nBody\n';
    const plan = planSetField(broken, 'draft', false);
    expect('error' in plan && plan.error.kind).toBe('syntax');
    const removal = planRemoveField('---\na: 1\na: 2\n---\n', 'a');
    expect('error' in removal && removal.error.kind).toBe('duplicate-key');
  });
});

describe('applyChanges', () => {
  it('applies changes given in any order against the original offsets', () => {
    expect(
      applyChanges('abcdef', [
        { from: 4, to: 5, insert: 'E' },
        { from: 0, to: 1, insert: 'A' },
      ]),
    ).toBe('AbcdEf');
    expect(() =>
      applyChanges('abcdef', [
        { from: 0, to: 3, insert: '' },
        { from: 2, to: 4, insert: '' },
      ]),
    ).toThrow(RangeError);
  });
});
