/** One piece of raw HTML: a comment (its inner text) or anything else, in source order. */
export type HtmlPiece = { comment: string } | { html: string };

const comment = /<!--([\s\S]*?)-->/g;

/** Splits raw HTML (a markdown-it html_block or html_inline token) into comments and the rest. */
export function splitHtmlComments(raw: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  let last = 0;
  for (const match of raw.matchAll(comment)) {
    if (match.index > last) pieces.push({ html: raw.slice(last, match.index) });
    pieces.push({ comment: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  // An unclosed `<!--` (markdown-it ends such a block at the end of the document): all comment.
  const rest = raw.slice(last);
  const open = rest.indexOf('<!--');
  if (open >= 0) {
    if (open > 0) pieces.push({ html: rest.slice(0, open) });
    pieces.push({ comment: rest.slice(open + 4) });
  } else if (rest !== '') {
    pieces.push({ html: rest });
  }
  return pieces;
}

/** Hugo's summary divider is exactly `<!--more-->` (no spaces, lower case). */
export const isSummaryDivider = (commentText: string): boolean => commentText === 'more';
