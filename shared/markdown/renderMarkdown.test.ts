import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitArticle } from '../article';
import { renderMarkdown } from './createRenderer';
import { renderArticle } from './renderArticle';
import { hugoDefaultProfile, type RenderProfile } from './renderProfile';
import { createImageResolver, encodeWorkspacePath } from './resolveImage';

interface RenderFixture {
  title: string;
  line: number;
  lineOffset: number;
  profile: RenderProfile;
  /** `@preview`: rendered for the writer's preview rather than an export. */
  preview: boolean;
  /** `@site`: rendered as an article of the test site (testSite) rather than with no site. */
  site: boolean;
  input: string;
  expected: string;
}

/** `@profile cjk unsafe !typographer`: Hugo's defaults with these Goldmark switches turned on/off. */
function profileFrom(directive: string | undefined): RenderProfile {
  const profile: RenderProfile = { ...hugoDefaultProfile };
  for (const word of directive?.split(/\s+/).slice(1) ?? []) {
    const off = word.startsWith('!');
    const key = (off ? word.slice(1) : word) as keyof RenderProfile;
    if (typeof profile[key] !== 'boolean') throw new Error(`unknown profile switch ${word}`);
    (profile as unknown as Record<string, boolean>)[key] = !off;
  }
  return profile;
}

/**
 * markdown-it's fixture format: description lines, then `.`, the Markdown, `.`, the expected
 * HTML, `.`. Lines starting with `# ` before the first case are comments; a description line
 * `@lineOffset N` sets the front matter line count for that case, `@profile …` the Goldmark
 * switches (see profileFrom).
 */
function parseFixtures(text: string): RenderFixture[] {
  const lines = text.split('\n');
  const fixtures: RenderFixture[] = [];
  let description: string[] = [];
  const block = (from: number): [string, number] => {
    let end = from;
    while (end < lines.length && lines[end] !== '.') end++;
    if (end >= lines.length) throw new Error(`unterminated fixture block at line ${from + 1}`);
    const content = lines.slice(from, end);
    return [content.length === 0 ? '' : `${content.join('\n')}\n`, end];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line !== '.') {
      if (line.trim() !== '' && !(fixtures.length === 0 && line.startsWith('# ')))
        description.push(line.trim());
      continue;
    }
    const [input, inputEnd] = block(i + 1);
    const [expected, expectedEnd] = block(inputEnd + 1);
    const offsetLine = description.find((entry) => entry.startsWith('@lineOffset '));
    fixtures.push({
      title: description.filter((entry) => !entry.startsWith('@')).join(' ') || `line ${i + 1}`,
      line: i + 1,
      lineOffset: offsetLine ? Number(offsetLine.slice('@lineOffset '.length)) : 0,
      profile: profileFrom(description.find((entry) => entry.startsWith('@profile'))),
      preview: description.includes('@preview'),
      site: description.includes('@site'),
      input,
      expected,
    });
    description = [];
    i = expectedEnd;
  }
  return fixtures;
}

const fixtureDir = join(import.meta.dirname, 'fixtures');
const resolveImage = createImageResolver({
  articlePath: 'content/posts/openai/index.md',
  toAssetUrl: (path) => `/asset/${encodeWorkspacePath(path)}`,
});

/**
 * The site `@site` fixtures are rendered in: its own `note` shortcode, `[params]`, a permalink
 * pattern for posts, a baseURL with a path; the article is a bundle with front matter.
 */
const testSite = {
  baseURL: 'https://example.org/blog/',
  site: {
    shortcodes: ['note'],
    params: { author: '张三', social: { weibo: 'byline' } },
    permalinks: { posts: '/:year/:month/:slug/' },
    contentDir: 'content',
    imageCaptions: false,
  },
};
const testPage = {
  path: 'content/posts/openai/index.md',
  params: { foo: 'bar', Subtitle: '副标题' },
};

describe('fixture loader', () => {
  it('reads description, input and output blocks', () => {
    const fixtures = parseFixtures(
      '# comment\n\nfirst\n@lineOffset 4\n.\n*a*\n.\n<p>x</p>\n.\n\nsecond\n.\n.\n.\n',
    );
    expect(fixtures).toEqual([
      {
        title: 'first',
        line: 5,
        lineOffset: 4,
        profile: hugoDefaultProfile,
        preview: false,
        site: false,
        input: '*a*\n',
        expected: '<p>x</p>\n',
      },
      {
        title: 'second',
        line: 12,
        lineOffset: 0,
        profile: hugoDefaultProfile,
        preview: false,
        site: false,
        input: '',
        expected: '',
      },
    ]);
  });
});

for (const file of readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()) {
  describe(`fixtures/${file}`, () => {
    for (const fixture of parseFixtures(readFileSync(join(fixtureDir, file), 'utf8'))) {
      it(`${fixture.title} (line ${fixture.line})`, () => {
        expect(
          renderMarkdown(fixture.input, {
            lineOffset: fixture.lineOffset,
            resolveImage,
            profile: fixture.site ? { ...fixture.profile, ...testSite } : fixture.profile,
            preview: fixture.preview,
            ...(fixture.site ? { page: testPage } : {}),
          }),
        ).toBe(fixture.expected);
      });
    }
  });
}

/** The test's own minimal split: the real one lives in shared/article. */
function splitYamlFrontMatter(file: string): {
  lineOffset: number;
  body: string;
  yamlLines: string[];
} {
  const lines = file.split('\n');
  const close = lines.indexOf('---', 1);
  return {
    lineOffset: close + 1,
    body: lines.slice(close + 1).join('\n'),
    yamlLines: lines.slice(1, close),
  };
}

describe('data-line with front matter', () => {
  const file = readFileSync(
    join(import.meta.dirname, '../../tests/fixtures/footnotes/sample-shaped.md'),
    'utf8',
  );
  const fileLines = file.split('\n');
  const { lineOffset, body } = splitYamlFrontMatter(file);
  const html = renderMarkdown(body, { lineOffset, resolveImage });

  it('points every paragraph and heading at its line in the whole file', () => {
    const blocks = [...html.matchAll(/<(h\d|p) data-line="(\d+)">([^<]{2,8})/g)];
    expect(blocks.length).toBeGreaterThan(8);
    for (const [, , line, text] of blocks) {
      expect(fileLines[Number(line)], `data-line ${line}`).toContain(text);
    }
  });

  it('numbers the first body block after the front matter', () => {
    // Line 12 (0-based): the closing `---` is line 10, then a blank line, then the blockquote.
    expect(html.startsWith('<blockquote data-line="12">')).toBe(true);
    expect(fileLines[12]?.startsWith('> 十年间')).toBe(true);
  });

  it('maps footnote definitions back to their own lines', () => {
    const definitionLine = fileLines.findIndex((line) => line.startsWith('[^4]:'));
    expect(html).toContain(
      `<p data-line="${definitionLine}">（2024/10/31）。拆迁补偿标准调整说明。`,
    );
  });
});

describe("data-line with the app's own front matter split (contract with shared/article)", () => {
  it.each([
    ['YAML', '---\ntitle: a\ntags:\n  - b\n---\n\n# 标题\n\n正文\n', 6],
    ['TOML', '+++\ntitle = "a"\n+++\n# 标题\n\n正文\n', 3],
    ['CRLF', '---\r\ntitle: a\r\n---\r\n\r\n# 标题\r\n', 4],
    ['none', '# 标题\n\n正文\n', 0],
  ])('%s: the heading points at its line in the file', (_kind, file, headingLine) => {
    const parts = splitArticle(file);
    const html = renderMarkdown(parts.body, { lineOffset: parts.bodyStartLine });
    expect(html.startsWith(`<h1 id="标题" data-line="${headingLine}">标题</h1>`)).toBe(true);
    expect(file.split(/\r?\n/)[headingLine]).toBe('# 标题');
  });
});

describe('renderArticle', () => {
  it('renders header and body separately, sharing the image resolver', () => {
    const { headerHtml, bodyHtml } = renderArticle(
      { title: '标题', featured_image: 'images/cover (2).png', tags: ['城市更新'] },
      '正文\n',
      { lineOffset: 7, resolveImage },
    );
    expect(headerHtml).toContain('<h1 class="article-title">标题</h1>');
    expect(headerHtml).toContain(
      '<img src="/asset/content/posts/openai/images/cover%20(2).png" alt="">',
    );
    expect(bodyHtml).toBe('<p data-line="7">正文</p>\n');
  });

  it('renders no header without front matter', () => {
    expect(renderArticle(null, '# x\n', { lineOffset: 0 }).headerHtml).toBe('');
  });

  it('without a resolver keeps local images and refuses remote ones', () => {
    const html = renderMarkdown('![a](a.png) ![b](https://example.com/b.png)\n', { lineOffset: 0 });
    expect(html).toContain('<img src="a.png" alt="a">');
    expect(html).toContain('image-placeholder-remote');
    expect(html).not.toContain('<img src="https:');
  });

  it('does not share footnote state between renders', () => {
    renderMarkdown('a[^1]\n\n[^1]: one\n', { lineOffset: 0 });
    expect(renderMarkdown('b[^1]\n', { lineOffset: 0 })).toBe('<p data-line="0">b[^1]</p>\n');
  });
});
