import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * linkify-it as markdown-it sets it up finds links that name a scheme (`http:`, `https:`, `ftp:`,
 * `mailto:`, `//`) and e-mail addresses, never bare host names (its `fuzzyLink` is off), so text
 * without `:`, `//` and `@` holds no link it would find.
 */
export const mayHoldLink = (text: string): boolean => /[:@]|\/\//.test(text);

const hasLinkCandidate = (block: Token): boolean =>
  block.type === 'inline' &&
  (block.children ?? []).some((child) => child.type === 'text' && mayHoldLink(child.content));

/**
 * Runs markdown-it's linkify rule only on the paragraphs (inline blocks) with a text token that
 * could hold a link. The rule first tests each paragraph's whole source with linkify-it's large
 * Unicode regular expressions, so the target of a written link, `[报道](https://…)`, makes it
 * compile and run them although the rule only ever changes text tokens. On any other paragraph
 * the rule changes nothing, so the tokens come out the same.
 */
export function linkifyCandidates(md: MarkdownIt): void {
  const linkify = md.core.ruler.__rules__.find((rule) => rule.name === 'linkify')?.fn;
  if (!linkify) return;
  md.core.ruler.at('linkify', (state: StateCore) => {
    const candidates = state.tokens.filter(hasLinkCandidate);
    if (candidates.length === 0) return;
    const blocks = state.tokens;
    state.tokens = candidates;
    try {
      linkify(state);
    } finally {
      state.tokens = blocks;
    }
  });
}
