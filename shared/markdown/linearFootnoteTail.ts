import type { MarkdownIt, StateCore, Token } from 'markdown-it';

interface FootnoteEntry {
  label?: string;
  count: number;
  /** Inline notes (`^[…]`): their parsed children and source. */
  tokens?: Token[];
  content?: string;
}

interface FootnoteState {
  list?: FootnoteEntry[];
}

/**
 * markdown-it-footnote's `footnote_tail` core rule, token for token (but for a label defined
 * twice, below), and linear: the plugin's own rule appends each footnote with
 * `state.tokens = state.tokens.concat(…)`, copying the whole token list once per footnote
 * (100,000 footnotes took minutes to render). This one pushes. footnoteTail.test.ts renders with
 * both and compares.
 */
function footnoteTail(state: StateCore): void {
  const footnotes = (state.env as { footnotes?: FootnoteState }).footnotes;
  if (!footnotes) return;

  const kept: Token[] = [];
  const definitionTokens = new Map<string, Token[]>();
  let current: Token[] | null = null;
  let currentLabel = '';
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      current = [];
      currentLabel = String((token.meta as { label?: string }).label);
    } else if (token.type === 'footnote_reference_close') {
      // A label defined twice: the first definition is the note, as in Goldmark (the plugin
      // keeps the last, which would credit a different source than the published page).
      if (current && !definitionTokens.has(currentLabel))
        definitionTokens.set(currentLabel, current);
      current = null;
    } else if (current) {
      current.push(token);
    } else {
      kept.push(token);
    }
  }
  state.tokens = kept;

  const list = footnotes.list;
  if (!list) return;
  const push = (type: string, tag: string, nesting: 1 | 0 | -1): Token => {
    const token = new state.Token(type, tag, nesting);
    kept.push(token);
    return token;
  };

  push('footnote_block_open', '', 1);
  let tokens: Token[] | undefined;
  list.forEach((entry, id) => {
    push('footnote_open', '', 1).meta = { id, label: entry.label };
    if (entry.tokens) {
      const paragraphOpen = new state.Token('paragraph_open', 'p', 1);
      paragraphOpen.block = true;
      const inline = new state.Token('inline', '', 0);
      inline.children = entry.tokens;
      inline.content = entry.content ?? '';
      const paragraphClose = new state.Token('paragraph_close', 'p', -1);
      paragraphClose.block = true;
      tokens = [paragraphOpen, inline, paragraphClose];
    } else if (entry.label) {
      tokens = definitionTokens.get(entry.label);
    }
    if (tokens) for (const token of tokens) kept.push(token);

    const lastParagraph = kept[kept.length - 1]?.type === 'paragraph_close' ? kept.pop() : null;
    const anchors = entry.count > 0 ? entry.count : 1;
    for (let subId = 0; subId < anchors; subId++) {
      push('footnote_anchor', '', 0).meta = { id, subId, label: entry.label };
    }
    if (lastParagraph) kept.push(lastParagraph);
    push('footnote_close', '', -1);
  });
  push('footnote_block_close', '', -1);
}

/** Replaces markdown-it-footnote's tail rule (keeping its name, so it can still be disabled). */
export function linearFootnoteTail(md: MarkdownIt): void {
  md.core.ruler.at('footnote_tail', footnoteTail);
}
