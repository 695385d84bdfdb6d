import type { Token } from 'markdown-it';
import { markdownRendererFor } from '../../markdown/createRenderer';
import { isSummaryDivider, splitHtmlComments } from '../../markdown/htmlComments';
import { registerArticleRule } from '../articleCheck';
import type { Finding } from '../finding';

/** One Latin token (`more`, `toc`) or a tool's directive: markers, not notes to anyone. */
const marker = /^(?:[A-Za-z0-9_:.-]+|(?:markdownlint|prettier|textlint|eslint|cspell)\b.*)$/s;
const letter = /\p{L}/u;

/** Does a comment hold words a reader could read: a private note, not a marker? */
export function isProseComment(text: string): boolean {
  const trimmed = text.trim();
  if (isSummaryDivider(trimmed) || !letter.test(trimmed)) return false;
  return !marker.test(trimmed);
}

interface FoundComment {
  text: string;
  /** 0-based line in the body where the search for it starts. */
  fromLine: number;
}

function commentsIn(tokens: readonly Token[]): FoundComment[] {
  const found: FoundComment[] = [];
  let line = 0;
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.map) line = token.map[0];
      if (token.type === 'html_block' || token.type === 'html_inline') {
        for (const piece of splitHtmlComments(token.content))
          if ('comment' in piece) found.push({ text: piece.comment, fromLine: line });
      }
      if (token.children) visit(token.children);
    }
  };
  visit(tokens);
  return found;
}

/**
 * `publish/private-comment`: an HTML comment with prose in it. Hugo never publishes comments and
 * neither does any export, but a note like `<!-- 消息来源未证实，发稿前删除 -->` is still in the
 * file sent to the site's repository, where anyone can read it.
 */
registerArticleRule(({ article }): Finding[] => {
  const body = article.parts.body;
  if (!body.includes('<!--')) return [];
  const lines = body.split('\n');
  const tokens = markdownRendererFor().parse(body, {});
  const findings: Finding[] = [];
  for (const comment of commentsIn(tokens)) {
    if (!isProseComment(comment.text)) continue;
    const firstWords = comment.text.trim().split('\n')[0] ?? '';
    let line = comment.fromLine;
    while (line < lines.length && !(lines[line] ?? '').includes('<!--')) line++;
    const column = Math.max(0, (lines[line] ?? '').indexOf('<!--'));
    const excerpt = firstWords.length > 40 ? `${firstWords.slice(0, 40)}…` : firstWords;
    findings.push({
      rule: 'publish/private-comment',
      severity: 'warning',
      message: `An HTML comment holds text ("${excerpt}"): it is not published, but stays in the file the site receives.`,
      line: line + article.parts.bodyStartLine + 1,
      column: column + 1,
      params: { excerpt },
    });
  }
  return findings;
});
