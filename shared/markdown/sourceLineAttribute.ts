import type { MarkdownIt, StateCore } from 'markdown-it';
import { isRenderEnv } from './renderEnv';

/**
 * Adds `data-line` to every block token that knows its source lines, the way VS Code's Markdown
 * preview maps blocks back to the editor for scroll sync. markdown-it counts lines from the start
 * of the text it was given (the body, 0-based), so the front matter lines stripped before
 * rendering are added back: `data-line` is the 0-based line in the whole file.
 */
export function sourceLineAttribute(md: MarkdownIt): void {
  md.core.ruler.push('source_line_attribute', (state: StateCore) => {
    const lineOffset = isRenderEnv(state.env) ? state.env.lineOffset : 0;
    for (const token of state.tokens) {
      // Inline tokens never render their own element; closing tokens carry no map.
      if (!token.map || token.type === 'inline' || token.nesting === -1) continue;
      token.attrSet('data-line', String(token.map[0] + lineOffset));
    }
  });

  // markdown-it renders a fence's attributes on the inner <code>; the block is the <pre>, as for
  // indented code, so the attribute moves there.
  const renderFence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const line = token?.attrGet('data-line');
    if (!token || !renderFence || line === null || line === undefined)
      return renderFence?.(tokens, idx, options, env, self) ?? '';
    token.attrs = token.attrs?.filter(([name]) => name !== 'data-line') ?? null;
    const html = renderFence(tokens, idx, options, env, self);
    return html.replace(/^<pre/, `<pre data-line="${md.utils.escapeHtml(String(line))}"`);
  };
}
