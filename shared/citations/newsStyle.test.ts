import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNewsDefinition, parseNewsDefinition } from './newsStyle';
import type { CslItem } from './source';

const fixtures = path.resolve('tests/fixtures/references');

/** The five `## References` lines of the sample article, copied verbatim. */
const sampleLines = readFileSync(path.join(fixtures, 'sample-definitions.txt'), 'utf8')
  .trimEnd()
  .split('\n');
const definitions = sampleLines.map((line) => {
  const match = /^\[\^(\d+)\]: (.*)$/.exec(line);
  if (!match) throw new Error(`not a definition: ${line}`);
  return { label: match[1] ?? '', text: match[2] ?? '' };
});

const fields = (item: CslItem | undefined) => {
  if (!item) return undefined;
  const { id: _id, ...rest } = item;
  return rest;
};

describe('news style: the sample article', () => {
  it('parses the five sample definitions into structured fields', () => {
    const parsed = definitions.map((d) => parseNewsDefinition(d.text));
    expect(parsed.map((p) => p?.language)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh']);
    expect(parsed.map((p) => fields(p?.item))).toEqual([
      {
        type: 'article-newspaper',
        author: [{ literal: '定慧' }, { literal: '好困' }],
        issued: { 'date-parts': [[2025, 6, 18]] },
        title: 'AI子弹已上膛，OpenAI斩获美国防部2亿美元大单，密谋向微软「开枪」',
        'container-title': '新智元',
        accessed: { 'date-parts': [[2025, 6, 18]] },
      },
      {
        type: 'article-newspaper',
        issued: { 'date-parts': [[2025, 6, 18]] },
        title: 'OpenAI 获美国防部2亿美元合约',
        'container-title': '工商时报',
        accessed: { 'date-parts': [[2025, 6, 18]] },
      },
      {
        type: 'article-newspaper',
        issued: { 'date-parts': [[2025, 6, 16]] },
        title: 'OpenAI wins $200 million US defense contract',
        'container-title': 'CNBC',
        accessed: { 'date-parts': [[2025, 6, 18]] },
      },
      {
        type: 'article-newspaper',
        issued: { 'date-parts': [[2025, 6, 16]] },
        title:
          'OpenAI executives have discussed accusing Microsoft of anticompetitive behavior, WSJ',
        'container-title': 'Reuters',
        accessed: { 'date-parts': [[2025, 6, 18]] },
      },
      {
        type: 'article-newspaper',
        issued: { 'date-parts': [[2025, 6, 18]] },
        title: 'OpenAI获得美军方2亿美元合约，AI独角兽正式踏入五角大楼',
        'container-title': '华尔街见闻',
        accessed: { 'date-parts': [[2025, 6, 18]] },
      },
    ]);
  });

  it('formats them back in the news style to exactly the original lines', () => {
    const lines = definitions.map((d) => {
      const parsed = parseNewsDefinition(d.text);
      if (!parsed) throw new Error(`unparsed: ${d.text}`);
      return `[^${d.label}]: ${formatNewsDefinition(parsed.item, parsed.language)}`;
    });
    expect(lines).toEqual(sampleLines);
  });

  it('gives every parsed item a stable id', () => {
    const ids = definitions.map((d) => parseNewsDefinition(d.text)?.item.id);
    expect(new Set(ids).size).toBe(5);
    expect(parseNewsDefinition(definitions[0]?.text ?? '')?.item.id).toBe(ids[0]);
  });
});

describe('news style: variants', () => {
  it('reads English definitions with Retrieved, with and without authors', () => {
    expect(
      fields(
        parseNewsDefinition('Reuters (2025/6/16). Clean source. Reuters. Retrieved 2025/6/18.')
          ?.item,
      ),
    ).toEqual({
      type: 'article-newspaper',
      author: [{ literal: 'Reuters' }],
      issued: { 'date-parts': [[2025, 6, 16]] },
      title: 'Clean source',
      'container-title': 'Reuters',
      accessed: { 'date-parts': [[2025, 6, 18]] },
    });
    const parsed = parseNewsDefinition(
      '(June 16, 2025). U.S. weighs new chip rules. Bloomberg. Retrieved June 18, 2025.',
    );
    expect(parsed?.language).toBe('en');
    expect(fields(parsed?.item)).toEqual({
      type: 'article-newspaper',
      issued: { 'date-parts': [[2025, 6, 16]] },
      title: 'U.S. weighs new chip rules',
      'container-title': 'Bloomberg',
      accessed: { 'date-parts': [[2025, 6, 18]] },
    });
  });

  it('reads named authors, other date forms, URLs and notes', () => {
    const en = parseNewsDefinition(
      'Jane Smith & John Doe (2025-06-16). Why now? A look at chips. Reuters. Retrieved June 18, 2025, from https://example.com/a. Paywalled.',
    );
    expect(fields(en?.item)).toEqual({
      type: 'article-newspaper',
      author: [
        { given: 'Jane', family: 'Smith' },
        { given: 'John', family: 'Doe' },
      ],
      issued: { 'date-parts': [[2025, 6, 16]] },
      title: 'Why now? A look at chips',
      'container-title': 'Reuters',
      URL: 'https://example.com/a',
      accessed: { 'date-parts': [[2025, 6, 18]] },
      note: 'Paywalled',
    });
    const zh = parseNewsDefinition(
      '王明、李华（2025年6月18日）。[芯片新规生效](https://example.com/x?id=1)。科技日报。检索于2025-06-19。付费文章。',
    );
    expect(fields(zh?.item)).toEqual({
      type: 'article-newspaper',
      author: [{ literal: '王明' }, { literal: '李华' }],
      issued: { 'date-parts': [[2025, 6, 18]] },
      title: '芯片新规生效',
      'container-title': '科技日报',
      URL: 'https://example.com/x?id=1',
      accessed: { 'date-parts': [[2025, 6, 19]] },
      note: '付费文章',
    });
  });

  it('reads a definition without a date: authors, title and outlet before the retrieval date', () => {
    expect(
      fields(parseNewsDefinition('王明。芯片新规生效。科技日报。检索日期2025/6/18。')?.item),
    ).toEqual({
      type: 'article-newspaper',
      author: [{ literal: '王明' }],
      title: '芯片新规生效',
      'container-title': '科技日报',
      accessed: { 'date-parts': [[2025, 6, 18]] },
    });
  });

  it('escapes brackets in a linked title and uses a DOI as the link when there is no URL', () => {
    const item: CslItem = {
      id: 'x',
      type: 'article-journal',
      title: 'Why [brackets] matter',
      'container-title': 'Journal',
      DOI: '10.1234/abc',
      issued: { 'date-parts': [[2024]] },
    };
    const text = formatNewsDefinition(item, 'en');
    expect(text).toBe('(2024). [Why \\[brackets\\] matter](https://doi.org/10.1234/abc). Journal.');
    expect(parseNewsDefinition(text)?.item).toMatchObject({
      title: 'Why [brackets] matter',
      URL: 'https://doi.org/10.1234/abc',
    });
  });

  it('leaves prose and multi-line definitions unparsed', () => {
    expect(parseNewsDefinition('第一个定义。')).toBeNull();
    expect(parseNewsDefinition('See the court filing for details.')).toBeNull();
    expect(parseNewsDefinition('（2024/10/31）。标题。\n续行。')).toBeNull();
    expect(parseNewsDefinition('')).toBeNull();
  });

  it('round-trips its own canonical form with URL, note and question marks', () => {
    const item: CslItem = {
      id: 'x',
      type: 'article-newspaper',
      author: [{ given: 'Jane', family: 'Smith' }],
      issued: { 'date-parts': [[2025, 6, 16]] },
      title: 'Who pays? Chips and tariffs',
      'container-title': 'Reuters',
      URL: 'https://example.com/a',
      accessed: { 'date-parts': [[2025, 6, 18]] },
      note: 'Updated twice',
    };
    for (const language of ['zh', 'en'] as const) {
      const text = formatNewsDefinition(item, language);
      const parsed = parseNewsDefinition(text);
      expect(parsed?.language).toBe(language);
      expect(fields(parsed?.item)).toEqual(fields(item));
      expect(formatNewsDefinition(parsed?.item ?? item, language)).toBe(text);
    }
    expect(formatNewsDefinition(item, 'en')).toBe(
      'Jane Smith (2025/6/16). [Who pays? Chips and tariffs](https://example.com/a). Reuters. Retrieved 2025/6/18. Updated twice.',
    );
    expect(formatNewsDefinition(item, 'zh')).toBe(
      'Jane Smith（2025/6/16）。[Who pays? Chips and tariffs](https://example.com/a)。Reuters。检索日期2025/6/18。Updated twice。',
    );
  });
});

describe('news style: linear on hostile definitions', () => {
  it('reads the retrieval tail and author head as before, with any spacing', () => {
    const parsed = parseNewsDefinition(
      'Reuters   (2025/6/16). Chip rules. Reuters. Retrieved 2025/6/18,   from   https://example.com/a',
    );
    expect(parsed?.item.author).toEqual([{ literal: 'Reuters' }]);
    expect(parsed?.item.accessed).toEqual({ 'date-parts': [[2025, 6, 18]] });
    expect(parsed?.item.URL).toBe('https://example.com/a');
    const zh = parseNewsDefinition(
      '新华社  （2025年6月16日）。芯片新规。新华网。检索日期：2025年6月18日。',
    );
    expect(zh?.item.author).toEqual([{ literal: '新华社' }]);
  });

  it('a long run of spaces costs one pass, not one per space', () => {
    // Each of these took seconds with a lazy group before `\s*` (quadratic in the run).
    const spaces = ' '.repeat(50_000);
    expect(parseNewsDefinition(`Retrieved 2025/6/18${spaces}x. Note.`)).toBeNull();
    expect(parseNewsDefinition(`A${spaces}B (not a date). Text. More.`)).toBeNull();
  });
});
