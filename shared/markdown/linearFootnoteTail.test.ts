import MarkdownIt from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { linearFootnoteTail } from './linearFootnoteTail';

const articles = [
  'No notes at all.',
  'One[^a] and two[^b], one again[^a].\n\n[^a]: First.\n[^b]: Second,\n    continued.\n\n    A second paragraph.',
  'Inline ^[a note] and a ref[^x].\n\n[^x]: - a list\n    - in a note',
  'Cited but undefined[^missing].\n\n[^unused]: Never cited.',
  '[^a]: Defined first.\n\nCited later[^a], a code block in a note[^c].\n\n[^c]:\n        code\n',
];

describe('linearFootnoteTail', () => {
  it('renders exactly what markdown-it-footnote renders', () => {
    const plugin = new MarkdownIt().use(footnotePlugin);
    const linear = new MarkdownIt().use(footnotePlugin).use(linearFootnoteTail);
    for (const article of articles) {
      expect(linear.render(article)).toBe(plugin.render(article));
      expect(linear.parse(article, {}).map((t) => t.type)).toEqual(
        plugin.parse(article, {}).map((t) => t.type),
      );
    }
  });

  it('takes the first of two definitions of a label, as Goldmark does (the plugin the last)', () => {
    const linear = new MarkdownIt().use(footnotePlugin).use(linearFootnoteTail);
    const html = linear.render('Twice defined[^d].\n\n[^d]: One.\n[^d]: Two.');
    expect(html).toContain('<p>One. <a href="#fnref1" class="footnote-backref">');
    expect(html).not.toContain('Two.');
  });

  it('keeps the rule name, so a renderer can still disable it', () => {
    const md = new MarkdownIt().use(footnotePlugin).use(linearFootnoteTail);
    md.core.ruler.disable('footnote_tail');
    expect(md.render('A[^1].\n\n[^1]: Note.')).not.toContain('footnotes');
  });
});
