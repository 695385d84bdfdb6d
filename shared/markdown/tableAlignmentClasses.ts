import type { MarkdownIt, StateCore } from 'markdown-it';

const alignment = /^text-align:(left|center|right)$/;

/**
 * markdown-it aligns table cells with `style="text-align:…"`. The sanitizer allows no `style`
 * attribute at all (CSS is a UI-redress and exfiltration channel), so the alignment becomes a
 * class the preview stylesheet styles instead.
 */
export function tableAlignmentClasses(md: MarkdownIt): void {
  md.core.ruler.push('table_alignment_classes', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const style = token.attrGet('style');
      if (style === null) continue;
      token.attrs = token.attrs?.filter(([name]) => name !== 'style') ?? null;
      const match = alignment.exec(String(style));
      if (match) token.attrJoin('class', `align-${match[1]}`);
    }
  });
}
