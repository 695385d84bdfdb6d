import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import matter from 'gray-matter';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FrontMatterFailure } from './frontMatterError';
import { applyChanges, parseArticle, planSetField } from './index';
import { openingLanguage, opensWith, safeMatterOptions } from './safeGrayMatter';

const sample = readFileSync(
  new URL('../../tests/fixtures/articles/sample-zh-hugo.md', import.meta.url),
  'utf8',
);
const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  delete globals['__bylinePwned'];
});

describe('front matter is never run as code', () => {
  const payloads = [
    '---js\n{ title: (globalThis.__bylinePwned = "js") }\n---\nBody\n',
    '---javascript\n(function () { globalThis.__bylinePwned = "javascript"; return {}; })()\n---\nBody\n',
    '---js\nthrow new Error("ran")\n---\nBody\n',
    '---coffee\nglobalThis.__bylinePwned = "coffee"\n---\nBody\n',
  ];

  it.each(payloads)('parseArticle refuses %j with forbidden-engine', (text) => {
    const parsed = parseArticle(text);
    expect(parsed.error).toMatchObject({ kind: 'forbidden-engine', line: 1, column: 1 });
    expect(parsed.data).toBeNull();
    expect(parsed.parts.body).toBe('Body\n');
    expect(globals['__bylinePwned']).toBeUndefined();
  });

  it('edits refuse code front matter too', () => {
    const plan = planSetField(payloads[0] as string, 'title', 'x');
    expect('error' in plan && plan.error.kind).toBe('forbidden-engine');
    expect(globals['__bylinePwned']).toBeUndefined();
  });

  it.each(['js', 'javascript'])(
    'gray-matter itself, given our options, throws a typed error for ---%s',
    (tag) => {
      const text = `---${tag}\n{ title: (globalThis.__bylinePwned = "${tag}") }\n---\nBody\n`;
      let thrown: unknown;
      try {
        matter(text, safeMatterOptions('---'));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(FrontMatterFailure);
      expect((thrown as FrontMatterFailure).detail.kind).toBe('forbidden-engine');
      expect(globals['__bylinePwned']).toBeUndefined();
    },
  );

  it('gray-matter with our options parses YAML with dates as strings', () => {
    const file = matter(
      '---\ndate: 2025-06-18T11:20:04+08:00\n---\nBody\n',
      safeMatterOptions('---'),
    );
    expect(file.data).toEqual({ date: '2025-06-18T11:20:04+08:00' });
  });
});

describe('no global Buffer (the browser renderer)', () => {
  it('splits, parses and edits without touching Buffer', () => {
    const saved = globals['Buffer'];
    delete globals['Buffer'];
    try {
      expect(typeof globals['Buffer']).toBe('undefined');
      const parsed = parseArticle(sample);
      expect(parsed.error).toBeNull();
      const plan = planSetField(sample, 'title', '新标题');
      expect('changes' in plan && applyChanges(sample, plan.changes)).toContain('title: 新标题\n');
      expect(parseArticle('+++\na = 2024-05-01\n+++\n').data).toEqual({ a: '2024-05-01' });
      expect(parseArticle('{"a": 1}\n').data).toEqual({ a: 1 });
      expect(parseArticle('---js\nx\n---\n').error?.kind).toBe('forbidden-engine');
    } finally {
      globals['Buffer'] = saved;
    }
  });

  it('gray-matter loads and detects without Buffer; only matter() itself needs it', () => {
    const require = createRequire(import.meta.url);
    const saved = globals['Buffer'];
    const cached = Object.keys(require.cache).filter((id) =>
      /[\\/]node_modules[\\/](gray-matter|js-yaml|section-matter|kind-of|strip-bom-string)[\\/]/.test(
        id,
      ),
    );
    const backup = new Map(cached.map((id) => [id, require.cache[id]]));
    for (const id of cached) delete require.cache[id];
    delete globals['Buffer'];
    try {
      const fresh = require('gray-matter') as typeof matter;
      expect(fresh.test('---\na: 1\n---\n', { delimiters: '---' })).toBe(true);
      expect(fresh.language('---yaml\na: 1\n---\n', { delimiters: '---' }).name).toBe('yaml');
      // The code path splitArticle avoids: it calls Buffer.from.
      expect(() => fresh('---\na: 1\n---\n', safeMatterOptions('---'))).toThrow(ReferenceError);
    } finally {
      globals['Buffer'] = saved;
      for (const [id, module] of backup) require.cache[id] = module;
    }
  });
});

describe('the opening delimiter and language tag, read as gray-matter reads them', () => {
  // Openings made of the characters that matter: delimiters, tags, spaces, line breaks.
  const opening = fc
    .array(
      fc.constantFrom(
        '-',
        '+',
        '---',
        '+++',
        'yaml',
        'js',
        'TOML',
        ' ',
        '\t',
        '\r',
        '\n',
        'a:',
        '{',
      ),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join('') + '\n');

  it.each(['---', '+++'] as const)(
    'opensWith and openingLanguage agree with matter for %s',
    (delimiter) => {
      fc.assert(
        fc.property(opening, (text) => {
          const options = safeMatterOptions(delimiter);
          const opens = matter.test(text, options) && text[3] !== delimiter[0];
          expect(opensWith(text, delimiter)).toBe(opens);
          if (!opens) return;
          const language =
            delimiter === '---'
              ? matter.language(text, options)
              : matter.language(' ' + text.slice(3), options);
          const expected =
            language.name === ''
              ? ''
              : /^[A-Za-z][\w.+-]*$/.test(language.name)
                ? language.name.toLowerCase()
                : null;
          expect(openingLanguage(text, delimiter)).toBe(expected);
        }),
        { numRuns: 2000 },
      );
    },
  );
});
