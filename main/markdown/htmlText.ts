import type { HtmlText } from '../../shared/export/rawHtmlText';
import type { HtmlSanitizer } from '../../shared/markdown/sanitize';
import { onFirstUse } from './jsdomWindow';

/** The members of a jsdom node the walk reads (main compiles without the DOM library). */
interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
}

const textNode = 3;
const elementNode = 1;

/** Elements of the sanitizer's allowlist that start a paragraph of their own. */
const blockElements = new Set([
  'blockquote',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
]);
const cellElements = new Set(['td', 'th']);

/** HTML whitespace (not U+3000, the ideographic space, which is text). */
const collapsible = /[\t\n\f\r ]+/g;

/** Paragraphs of text as a browser lays them out, without layout: whitespace collapsed. */
class Paragraphs {
  readonly done: string[] = [];
  private line = '';

  text(text: string, pre: boolean): void {
    let piece = pre ? text : text.replace(collapsible, ' ');
    if (!pre && piece.startsWith(' ') && (this.line === '' || /[ \n]$/.test(this.line)))
      piece = piece.slice(1);
    this.line += piece;
  }

  lineBreak(): void {
    this.line = this.line.replace(/ +$/, '') + '\n';
  }

  /** Table cells side by side on one line. */
  separate(): void {
    if (this.line !== '' && !/[ \n]$/.test(this.line)) this.line += ' ';
  }

  end(): void {
    const paragraph = this.line.replace(/ +$/, '').replace(/^\n+|\n+$/g, '');
    if (paragraph.trim() !== '') this.done.push(paragraph);
    this.line = '';
  }
}

function walk(node: HtmlNode, out: Paragraphs, pre: boolean): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === textNode) {
      out.text(child.textContent ?? '', pre);
      continue;
    }
    if (child.nodeType !== elementNode) continue;
    const tag = child.nodeName.toLowerCase();
    if (tag === 'br') {
      out.lineBreak();
      continue;
    }
    const block = blockElements.has(tag);
    if (block) out.end();
    if (cellElements.has(tag)) out.separate();
    walk(child, out, pre || tag === 'pre');
    if (block) out.end();
  }
}

/**
 * Raw HTML read as text the way the HTML export shows it: through `sanitize` (the export's strict
 * sanitizer, so nothing it removes, a `<script>`'s text or an attribute, comes through), then
 * parsed on the shared jsdom window, loaded only when an article has raw HTML to show.
 */
export function createHtmlText(sanitize: HtmlSanitizer): HtmlText {
  return onFirstUse((window) => (html) => {
    const template = window.document.createElement('template');
    template.innerHTML = sanitize(html);
    const out = new Paragraphs();
    walk(template.content as unknown as HtmlNode, out, false);
    out.end();
    return out.done;
  });
}
