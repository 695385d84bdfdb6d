import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { bracketLine, manyFootnotes } from '../../shared/testing/hostileArticles';
import { markdownSupport } from './editorExtensions';
import { LONG_LINE_LIMIT } from './longLines';

function blocks(doc: string): { name: string; from: number; to: number }[] {
  const state = EditorState.create({ doc, extensions: markdownSupport() });
  const tree = ensureSyntaxTree(state, doc.length, 60_000);
  const found: { name: string; from: number; to: number }[] = [];
  tree?.iterate({
    enter: (node) => void found.push({ name: node.name, from: node.from, to: node.to }),
  });
  return found;
}

describe('very long lines in the editor', () => {
  it('a line of 100,000 `[` then 100,000 `]` is one plain LongLine block, no link scan', () => {
    const line = bracketLine(100_000);
    const doc = `Before *this*.\n${line}\nAfter [a](b).\n`;
    const nodes = blocks(doc);
    const long = nodes.filter((node) => node.name === 'LongLine');
    expect(long).toEqual([{ name: 'LongLine', from: 15, to: 15 + line.length }]);
    // No inline nodes inside it; the lines around it are parsed as usual.
    const inside = nodes.filter(
      (n) => n.from >= 15 && n.to <= 15 + line.length && n.name !== 'LongLine',
    );
    expect(inside).toEqual([]);
    expect(nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['Emphasis', 'Link']));
  });

  it('keeps quote markers, and parses a line at the limit normally', () => {
    const quoted = blocks(`> ${'字'.repeat(LONG_LINE_LIMIT + 1)}\n`).map((n) => n.name);
    expect(quoted).toEqual(expect.arrayContaining(['Blockquote', 'QuoteMark', 'LongLine']));
    const atLimit = blocks(`${'*a* '.repeat(LONG_LINE_LIMIT / 4)}\n`).map((n) => n.name);
    expect(atLimit).not.toContain('LongLine');
    expect(atLimit).toContain('Emphasis');
  });

  it('cuts a paragraph that grew past the limit at its next line, so inline parsing stays bounded', () => {
    const doc = manyFootnotes(4_000);
    // Footnote definitions are blocks of their own; the citations above them form the paragraph.
    const paragraphs = blocks(doc).filter((node) => node.name === 'Paragraph');
    expect(paragraphs.length).toBeGreaterThan(4);
    const longestLine = Math.max(...doc.split('\n').map((line) => line.length));
    for (const paragraph of paragraphs) {
      expect(paragraph.to - paragraph.from).toBeLessThanOrEqual(LONG_LINE_LIMIT + longestLine + 1);
    }
  });
});
