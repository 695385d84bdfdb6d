import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Article text -> sanitized preview HTML. (Foundation version; the shared pipeline replaces it.) */
export function renderArticlePreview(text: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(text);
  const body = match ? text.slice(match[0].length) : text;
  return DOMPurify.sanitize(md.render(body));
}
