import { stripBlockPrefix, visibleInlineText } from '../stats/visibleLineText';

const divider = '<!--more-->';
const fence = /^[ \t]*(?:`{3,}|~{3,})/;

/**
 * The summary Hugo takes from the body when the front matter has none: the text before the
 * first `<!--more-->` outside code (Hugo looks for exactly that string), as readers see it
 * (markup removed, blocks joined by one space). Null when there is no divider.
 */
export function impliedSummary(body: string): string | null {
  // Most articles have no divider: their lines need no reading at all (the front-matter panel
  // asks after every pause in typing, on articles of a megabyte).
  if (!body.includes(divider)) return null;
  const before: string[] = [];
  let inFence = false;
  for (const line of body.split(/\r\n?|\n/)) {
    if (fence.test(line)) inFence = !inFence;
    const at = inFence ? -1 : line.indexOf(divider);
    if (!fence.test(line)) before.push(at >= 0 ? line.slice(0, at) : line);
    if (at >= 0)
      return before
        .map((text) => visibleInlineText(stripBlockPrefix(text).text))
        .filter((visible) => visible !== '')
        .join(' ');
  }
  return null;
}
