import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/article';
import { summarizeArticle } from '../../main/library/summarizeArticle';
import { hugoAvailable, publishWithHugo } from './hugoParity';

// The front matter values Byline reads against what Debian's hugo (go-yaml v2, YAML 1.1)
// publishes for the same articles: each parameter's Go type and value, `.Draft` and `.Title`.

const SPELLINGS = [
  'yes',
  'Yes',
  'YES',
  'y',
  'Y',
  'on',
  'On',
  'ON',
  'no',
  'No',
  'NO',
  'n',
  'N',
  'off',
  'Off',
  'OFF',
  'true',
  'True',
  'FALSE',
  'tRUE',
  'yES',
  'null',
  'Null',
  '~',
  '1_000',
  '0755',
  '0o17',
  '0x1F',
  '0X1F',
  '0x_1F',
  '0b101',
  '-0b101',
  '+0b11',
  '0_7',
  '-_1',
  '+_1',
  '1__',
  '-0',
  '08',
  '089',
  '+12',
  '1e3',
  '1.',
  '.5',
  '.5e3',
  '.1_0',
  '._5',
  '+.5',
  '1_0.5',
  '1_000_000.5e1_0',
  '.inf',
  '-.Inf',
  '.NaN',
  '+.nan',
  '12:30',
  '190:20:30',
  '1:30.5',
  '1e400',
  '0x',
  '0b',
  '9223372036854775808',
  '18446744073709551616',
  '0x10000000000000000',
  '0777777777777777777777777',
  '2024-05-01',
  '2024-05-01 10:00:00',
  '"yes"',
  "'0755'",
];
const DRAFTS = ['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'false', 'Yes', 'OFF'];
/**
 * `draft` values beyond booleans: Hugo reads them with Go's cast.ToBool. (`1.0` is left out: a
 * float and an int are one JavaScript number; Byline takes it as the int 1, Hugo as no draft.)
 */
const DRAFT_VALUES = [
  '"true"',
  '"t"',
  '"T"',
  '"1"',
  '"yes"',
  '"false"',
  '""',
  '1',
  '0',
  '2',
  '-1',
  '0.0',
  'null',
  '[]',
];
const TOML_DRAFT_VALUES = ['true', '"true"', '"t"', '1', '1.0', '0'];

/** Prints every parameter as `key|Go type|value`, and the page's draft flag and title. */
const paramsLayout = `<article data-byline-source="{{ .File.Path }}">{{ range $k, $v := .Params }}
<p>{{ $k }}|{{ printf "%T" $v }}|{{ printf "%v" $v }}</p>{{ end }}
<p>.Draft|bool|{{ .Draft }}</p><p>.Title|string|{{ .Title }}</p></article>
`;

/** A Go value as printed by `printf "%T"` and `"%v"`, as the JavaScript value it stands for. */
function goValue(type: string, shown: string): unknown {
  if (type === 'bool') return shown === 'true';
  if (type === '<nil>') return null;
  if (!/^(?:int|uint64|float64)$/.test(type)) return shown;
  if (shown === 'NaN') return NaN;
  if (shown === '+Inf') return Infinity;
  if (shown === '-Inf') return -Infinity;
  return Number(shown);
}

function hugoParams(html: string): Map<string, unknown> {
  const document = new JSDOM(`<body>${html}</body>`).window.document;
  const params = new Map<string, unknown>();
  for (const p of document.querySelectorAll('p')) {
    const [key = '', type = '', ...shown] = (p.textContent ?? '').split('|');
    params.set(key, goValue(type, shown.join('|')));
  }
  return params;
}

describe.runIf(hugoAvailable)('front matter values, as hugo publishes them', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'byline-yaml11-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const posts = path.join(work, 'content', 'posts');
  mkdirSync(posts, { recursive: true });
  writeFileSync(path.join(work, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
  const articles = new Map<string, string>();
  const add = (name: string, frontMatter: string, delimiter = '---'): void => {
    const text = `${delimiter}\n${frontMatter}\n${delimiter}\n\nbody\n`;
    articles.set(`posts/${name}`, text);
    writeFileSync(path.join(posts, name), text);
  };
  SPELLINGS.forEach((spelling, i) => add(`value-${i}.md`, `title: t\nv: ${spelling}`));
  DRAFTS.forEach((spelling, i) => add(`draft-${i}.md`, `title: ${spelling}\ndraft: ${spelling}`));
  DRAFT_VALUES.forEach((value, i) => add(`draft-value-${i}.md`, `title: t\ndraft: ${value}`));
  TOML_DRAFT_VALUES.forEach((value, i) =>
    add(`draft-toml-${i}.md`, `title = "t"\ndraft = ${value}`, '+++'),
  );
  add('keys.md', 'title: t\nyes: a\n1_000: b\nnested:\n  off: c\n  list: [y, 0755, "n"]');

  it('every value, draft flag and title Byline reads is the one hugo publishes', () => {
    const published = publishWithHugo(work, paramsLayout);
    const differences: string[] = [];
    for (const [file, text] of articles) {
      const html = published.get(file);
      expect(html, file).toBeDefined();
      const hugo = hugoParams(html ?? '');
      const data = parseArticle(text).data ?? {};
      const library = summarizeArticle(file, text, { size: text.length, mtimeMs: 0 });
      const byline = new Map<string, unknown>([
        // Hugo sets its own title and draft parameters; `.Title` and `.Draft` check those.
        ...Object.entries(data).filter(([key]) => !['title', 'draft', 'nested'].includes(key)),
        ['.Draft', library.draft],
        [
          '.Title',
          library.title === 't' || typeof data['title'] === 'string'
            ? library.title
            : String(data['title']),
        ],
      ]);
      for (const [key, value] of byline) {
        const hugoValue = hugo.get(key.startsWith('.') ? key : key.toLowerCase());
        if (!Object.is(hugoValue, value) && hugoValue !== value)
          differences.push(`${file} ${key}: hugo ${String(hugoValue)}, byline ${String(value)}`);
      }
    }
    expect(differences).toEqual([]);
    // Nested keys are resolved like values, then become text.
    const keys = parseArticle(articles.get('posts/keys.md') ?? '').data;
    expect(keys?.['nested']).toEqual({ false: 'c', list: [true, 493, 'n'] });
    expect(hugoParams(published.get('posts/keys.md') ?? '').get('nested')).toBe(
      'map[false:c list:[true 493 n]]',
    );
  }, 120_000);
});
