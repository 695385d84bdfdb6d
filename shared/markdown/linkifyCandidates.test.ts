import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { linkifyCandidates, mayHoldLink } from './linkifyCandidates';

const article = readFileSync(
  new URL('../../tests/fixtures/export/sample/article.md', import.meta.url),
  'utf8',
);

const markdownPieces = [
  'http://example.org/a?b=1',
  'https://例子.中国/路径',
  'HTTPS://EXAMPLE.ORG',
  'ftp://files.example.org',
  'mailto:writer@example.org',
  'writer@example.org',
  '//example.org/x',
  'www.example.org',
  'example.com',
  '[报道](https://www.reuters.com/technology/)',
  '<https://example.org>',
  '<a href="https://example.org">a</a>',
  '`code`',
  '\\',
  '*',
  '_',
  ':',
  '/',
  '@',
  '：',
  '（2025/6/18）',
  '中文',
  'text',
  ' ',
  '\n',
  '\n\n',
  '> ',
  '- ',
  '[^1]',
];

describe('linkifyCandidates', () => {
  it('never skips text linkify-it would find a link in', () => {
    const linkify = new MarkdownIt('default', { linkify: true }).linkify;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...markdownPieces), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        if (linkify.test(text)) expect(mayHoldLink(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('renders exactly what markdown-it renders without it', () => {
    const plain = new MarkdownIt('default', { html: true, linkify: true, typographer: true });
    const gated = new MarkdownIt('default', { html: true, linkify: true, typographer: true }).use(
      linkifyCandidates,
    );
    const same = (markdown: string): void => {
      expect(gated.render(markdown)).toBe(plain.render(markdown));
    };
    same(article);
    // markdown-it tests the paragraph's whole source first: here it finds no link, although the
    // text after the code span alone would be one.
    same('`code`http://example.org and more');
    same('Visit https://example.org, or write to writer@example.org.');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...markdownPieces), { maxLength: 16 }), (pieces) => {
        same(pieces.join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it("never tests a paragraph whose only URL is a written link's target", () => {
    const md = new MarkdownIt('default', { linkify: true }).use(linkifyCandidates);
    const tested: string[] = [];
    const test = md.linkify.test.bind(md.linkify);
    md.linkify.test = (text: string) => {
      tested.push(text);
      return test(text);
    };
    md.render(
      '据[路透社的报道](https://www.reuters.com/technology/)，谈判仍在继续。\n\n见 https://example.org\n',
    );
    expect(tested).not.toContain(
      '据[路透社的报道](https://www.reuters.com/technology/)，谈判仍在继续。',
    );
    expect(tested).toContain('见 https://example.org');
  });
});
