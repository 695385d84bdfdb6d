import { stripBlockPrefix, visibleInlineText } from '../stats/visibleLineText';

const divider = '<!--more-->';
const fence = /^[ \t]*(?:`{3,}|~{3,})/;

/**
 * The summary Hugo takes from the body when the front matter has none: the text before the
 * first `<!--more-->` outside code (Hugo looks for exactly that string), as readers see it
 * (markup removed, blocks joined by one space). Null when there is no divider.
 */
export function impliedSummary(body: string): string | null {
  const lines = body.split(/\r\n?|\n/);
  const kept: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (fence.test(line)) inFence = !inFence;
    const at = inFence ? -1 : line.indexOf(divider);
    const text = at >= 0 ? line.slice(0, at) : line;
    const visible = visibleInlineText(stripBlockPrefix(text).text);
    if (visible !== '' && !fence.test(line)) kept.push(visible);
    if (at >= 0) return kept.join(' ');
  }
  return null;
}
