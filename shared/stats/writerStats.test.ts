import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt, { type Token } from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { computeWriterStats } from './writerStats';

/*
 * Hand count, Chinese paragraph:
 *   人工智能正在改变新闻业 (11 Han) 。 记者需要新的工具 (8) ， 也需要新的判断力 (8) ！
 *   cjkChars = 11 + 8 + 8 = 27, latinWords = 0, punctuation 。，！ = 3
 *   charsWithSpaces = charsWithoutSpaces = 27 + 3 = 30
 */
const chinese = '人工智能正在改变新闻业。记者需要新的工具，也需要新的判断力！';

/*
 * Hand count, English paragraph (Markdown removed: bold, link target, underscores, code backticks,
 * the footnote citation):
 *   "The editor's new tool isn't AI-powered, but it saves 2.5 hours a day."
 *   words: The | editor's | new | tool | isn't | AI-powered | but | it | saves | 2.5 | hours | a | day = 13
 *   characters without spaces: 3+8+3+4+5+11 ("AI-powered,") +3+2+5+3+5+1+4 ("day.") = 57
 *   spaces between the 13 words: 12 -> charsWithSpaces = 69
 */
const english =
  "The **editor's** new [tool](https://example.com/tool) isn't _AI-powered_, but it saves `2.5` hours a day.[^1]";

/*
 * Hand count, mixed paragraph: "OpenAI于2025年获得2亿美元合同，详见报告。カタカナとひらがな、한국어도。"
 *   Latin words: OpenAI | 2025 | 2 = 3 (digits next to Han are their own word)
 *   CJK: 于 (1) 年获得 (3) 亿美元合同 (5) 详见报告 (4) カタカナ (4) と (1) ひらがな (4) 한국어도 (4) = 26
 *   punctuation ，。、。 = 4; Latin characters 6 + 4 + 1 = 11
 *   charsWithSpaces = charsWithoutSpaces = 11 + 26 + 4 = 41
 */
const mixed =
  '**OpenAI**于2025年获得2亿美元合同，详见[报告](https://example.com/report)。カタカナとひらがな、한국어도。';

describe('computeWriterStats, hand-counted', () => {
  it('Chinese paragraph', () => {
    expect(computeWriterStats(chinese)).toEqual({
      words: 27,
      cjkChars: 27,
      latinWords: 0,
      charsWithSpaces: 30,
      charsWithoutSpaces: 30,
      paragraphs: 1,
      readingMinutes: 1,
    });
  });

  it('English paragraph with Markdown', () => {
    expect(computeWriterStats(english)).toEqual({
      words: 13,
      cjkChars: 0,
      latinWords: 13,
      charsWithSpaces: 69,
      charsWithoutSpaces: 57,
      paragraphs: 1,
      readingMinutes: 1,
    });
  });

  it('mixed paragraph: Han, digits, Latin, kana, Hangul', () => {
    expect(computeWriterStats(mixed)).toEqual({
      words: 29,
      cjkChars: 26,
      latinWords: 3,
      charsWithSpaces: 41,
      charsWithoutSpaces: 41,
      paragraphs: 1,
      readingMinutes: 1,
    });
  });

  it('a document of the three: counts add up, each block is a paragraph', () => {
    const stats = computeWriterStats(`${chinese}\n\n${english}\n\n${mixed}\n`);
    expect(stats).toMatchObject({ cjkChars: 53, latinWords: 16, words: 69, paragraphs: 3 });
  });
});

describe('computeWriterStats ignores markup, URLs and machinery', () => {
  const count = (markdown: string) => {
    const { words, cjkChars, latinWords } = computeWriterStats(markdown);
    return { words, cjkChars, latinWords };
  };

  it.each([
    ['# 标题 #', 2],
    ['> 引用', 2],
    ['- 列表\n- [x] 任务', 4],
    ['1. 第一\n2) 第二', 4],
    ['| 公司 | 金额 |\n|:--|--:|\n| 微软 | 十亿 |', 8],
    ['```js\n代码\n```', 2],
    ['`代码`', 2],
    ['![题图](<images/default (3).png>)', 2],
    ['![题图](images/a(1).png "标题")', 2],
    ['[链接](https://example.com "标题")', 2],
    ['[链接][ref]\n\n[ref]: https://example.com', 2],
    ['见 <https://example.com> 与 https://example.com/很长/路径 和 www.example.com', 3],
    ['详见https://example.com/a，然后', 4],
    ['`[^1]` 和 `**粗**`', 3],
    ['写信给 editor@example.com', 3],
    ['正文[^1]', 2],
    ['前<!-- more -->后', 2],
    ['{{< figure src="a.png" caption="图注" >}}正文', 2],
    ['***\n\n---\n\n正文\n===', 2],
    ['\\*转义\\*', 2],
    ['A&amp;B', 2],
  ])('%s -> %i', (markdown, words) => {
    expect(count(markdown).words).toBe(words);
  });

  it('counts Latin words as editors do', () => {
    expect(count("don't stop AI-powered 2.5 200,000 12:30 snake_case e.g. U.S.").latinWords).toBe(
      9,
    );
    expect(count('naïve café Ελληνικά русский').latinWords).toBe(4);
  });

  it('survives a joiner at the end of a line or before an astral character', () => {
    expect(count("well- rock'\n2025,\nend.")).toEqual({ words: 4, cjkChars: 0, latinWords: 4 });
    expect(count('a-𠀀')).toEqual({ words: 2, cjkChars: 1, latinWords: 1 });
  });

  it('counts astral Han characters (extension B) and fullwidth digits', () => {
    expect(count('𠀀𠀁 ２０２５年')).toEqual({ words: 4, cjkChars: 3, latinWords: 1 });
  });

  it('optionally leaves footnote definitions out, continuation lines included', () => {
    const text = '正文[^1]\n\n[^1]: 注释一\n    续行\n\n[^2]: 注释二\nlazy\n\n后记\n';
    expect(computeWriterStats(text).cjkChars).toBe(2 + 3 + 2 + 3 + 2);
    expect(computeWriterStats(text, { excludeFootnoteDefinitions: true })).toMatchObject({
      cjkChars: 4,
      paragraphs: 2,
    });
  });

  it('is empty for an empty body', () => {
    expect(computeWriterStats('')).toEqual({
      words: 0,
      cjkChars: 0,
      latinWords: 0,
      charsWithSpaces: 0,
      charsWithoutSpaces: 0,
      paragraphs: 0,
      readingMinutes: 0,
    });
  });

  it('reading time: 400 CJK characters or 230 English words a minute, rounded up', () => {
    expect(computeWriterStats('字'.repeat(800)).readingMinutes).toBe(2);
    expect(computeWriterStats('字'.repeat(801)).readingMinutes).toBe(3);
    expect(computeWriterStats('word '.repeat(230)).readingMinutes).toBe(1);
    expect(computeWriterStats(`${'字'.repeat(400)} ${'word '.repeat(231)}`).readingMinutes).toBe(3);
  });
});

/** What the preview shows, straight from markdown-it tokens: the reference the scanner approximates. */
function renderedText(markdown: string): string {
  const md = new MarkdownIt({ linkify: true }).use(footnotePlugin);
  const parts: string[] = [];
  let inFootnotes = false;
  const walk = (tokens: Token[]) => {
    let inLinkifiedUrl = false;
    for (const token of tokens) {
      if (token.type === 'footnote_block_open') inFootnotes = true;
      if (inFootnotes) continue;
      if (token.type === 'link_open')
        inLinkifiedUrl = token.markup === 'linkify' || token.markup === 'autolink';
      if (token.type === 'link_close') inLinkifiedUrl = false;
      if ((token.type === 'text' || token.type === 'code_inline') && !inLinkifiedUrl)
        parts.push(token.content);
      if (token.type === 'fence' || token.type === 'code_block') parts.push(token.content);
      if (
        token.type === 'softbreak' ||
        token.type === 'paragraph_close' ||
        token.type === 'heading_close'
      )
        parts.push('\n');
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(markdown, {}));
  return parts.join('');
}

describe('computeWriterStats agrees with the rendered text', () => {
  it('on a sample-shaped article', () => {
    const file = readFileSync(
      join(import.meta.dirname, '../../tests/fixtures/footnotes/sample-shaped.md'),
      'utf8',
    );
    const body = file.slice(file.indexOf('\n---\n', 3) + 5);
    const text = renderedText(body);
    const cjk =
      text.match(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu)?.length ?? 0;
    const stats = computeWriterStats(body, { excludeFootnoteDefinitions: true });
    // No joined words (don't, AI-powered) in this body, so a plain letter/digit run is a word.
    const latin =
      text.match(
        /(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}])+/gu,
      ) ?? [];
    expect(stats.cjkChars).toBe(cjk);
    // 300, 2015, 2 (the `[^2]` code span), 9 (inside the fence), 2018, 20, PPP, References.
    expect(latin).toEqual(['300', '2015', '2', '9', '2018', '20', 'PPP', 'References']);
    expect(stats.latinWords).toBe(latin.length);
    expect(cjk).toBeGreaterThan(250);
  });
});
