import type { MarkdownIt, StateCore } from 'markdown-it';

const substitutions: Record<string, string> = {
  '---': '\u2014',
  '--': '\u2013',
  '...': '\u2026',
  '<<': '\u00ab',
  '>>': '\u00bb',
};
// Alternatives in this order, scanned left to right: `----` is an em dash and a hyphen, `.....`
// an ellipsis and two full stops, as Goldmark writes them.
const substitutable = /---|--|\.\.\.|<<|>>/g;

/**
 * Goldmark's typographer substitutions (`markup.goldmark.extensions.typographer`), in place of
 * markdown-it's `replacements` rule: dashes, the ellipsis and guillemets wherever they stand in
 * text, but not inside an autolink. markdown-it's rule also writes (c) as ©, (tm) as ™, +- as ±,
 * ???? as ??? and ,, as , (a clause "(c)" became a copyright sign), and keeps `dash-- end`;
 * Hugo publishes the former as written and dashes the latter. Curly quotes stay markdown-it's
 * `smartquotes` rule.
 */
export function goldmarkTypography(md: MarkdownIt): void {
  md.core.ruler.at('replacements', (state: StateCore) => {
    if (!state.md.options.typographer) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let autolinks = 0;
      for (const token of block.children) {
        if (token.type === 'link_open' && token.info === 'auto') autolinks++;
        else if (token.type === 'link_close' && token.info === 'auto') autolinks--;
        else if (token.type === 'text' && autolinks === 0)
          token.content = token.content.replace(
            substitutable,
            (match) => substitutions[match] ?? match,
          );
      }
    }
  });
}
