import type { HtmlMark, HtmlPiece, HtmlText } from '../../shared/export/rawHtmlText';
import { replaceRawHtmlImages, withImageSource } from '../../shared/markdown/rawHtmlImages';
import { keepLocalImageSources } from '../../shared/markdown/resolveImage';
import type { HtmlSanitizer } from '../../shared/markdown/sanitize';
import { onFirstUse } from './jsdomWindow';

/** The members of a jsdom node the walk reads (main compiles without the DOM library). */
interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
  getAttribute?(name: string): string | null;
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
/** Inline elements the export writers have a form for, as Markdown makes it. */
const markElements = new Map<string, HtmlMark>([
  ['b', 'strong'],
  ['strong', 'strong'],
  ['i', 'em'],
  ['em', 'em'],
]);

/** HTML whitespace (not U+3000, the ideographic space, which is text). */
const collapsible = /[\t\n\f\r ]+/g;

/** Paragraphs as a browser lays them out, without layout: whitespace collapsed. */
class Paragraphs {
  readonly done: HtmlPiece[][] = [];
  private pieces: HtmlPiece[] = [];
  /** Nothing shown yet, or the last text ends in a space or line break: a leading space collapses. */
  private atSpace = true;

  text(text: string, pre: boolean): void {
    let piece = pre ? text : text.replace(collapsible, ' ');
    if (!pre && piece.startsWith(' ') && this.atSpace) piece = piece.slice(1);
    if (piece === '') return;
    this.pieces.push({ kind: 'text', text: piece });
    this.atSpace = /[ \n]$/.test(piece);
  }

  lineBreak(): void {
    this.trimEnd();
    this.pieces.push({ kind: 'break' });
    this.atSpace = true;
  }

  /** Table cells side by side on one line. */
  separate(): void {
    if (this.pieces.some(shows) && !this.atSpace) this.text(' ', true);
    this.atSpace = true;
  }

  add(piece: HtmlPiece): void {
    this.pieces.push(piece);
    if (piece.kind === 'image') this.atSpace = false;
  }

  end(): void {
    this.trimEnd();
    const pieces = this.pieces.filter((piece) => piece.kind !== 'text' || piece.text !== '');
    while (pieces[0]?.kind === 'break') pieces.shift();
    while (pieces.at(-1)?.kind === 'break') pieces.pop();
    if (pieces.some(shows)) this.done.push(pieces);
    this.pieces = [];
    this.atSpace = true;
  }

  /** Spaces at the end of the line go, past any marks that close there. */
  private trimEnd(): void {
    for (let i = this.pieces.length - 1; i >= 0; i--) {
      const piece = this.pieces[i] as HtmlPiece;
      if (piece.kind === 'open' || piece.kind === 'close') continue;
      if (piece.kind !== 'text') return;
      const text = piece.text.replace(/ +$/, '');
      this.pieces[i] = { kind: 'text', text };
      if (text !== '') return;
    }
  }
}

const shows = (piece: HtmlPiece): boolean =>
  piece.kind === 'image' || (piece.kind === 'text' && piece.text.trim() !== '');

/** An in-page address the sanitizer keeps, standing for the Nth local image source set aside. */
const localSourceMark = '#\uE002';

/**
 * The sanitizer keeps no relative image path (a page would load it from the app's origin). Here
 * nothing is loaded, and the writers resolve a local path as they resolve a Markdown image's, so
 * local sources wait outside the sanitizer, each under an address it keeps.
 */
function setLocalSourcesAside(html: string, aside: string[]): string {
  return replaceRawHtmlImages(html, (image) => {
    const src = keepLocalImageSources(image.source?.url ?? '');
    if (src === null || /^data:/i.test(src)) return null;
    aside.push(src);
    return withImageSource(html, image, `${localSourceMark}${aside.length - 1}`);
  });
}

function walk(node: HtmlNode, out: Paragraphs, pre: boolean, aside: readonly string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === textNode) {
      out.text(child.textContent ?? '', pre);
      continue;
    }
    if (child.nodeType !== elementNode) continue;
    const tag = child.nodeName.toLowerCase();
    const attribute = (name: string): string => child.getAttribute?.(name) ?? '';
    if (tag === 'br') {
      out.lineBreak();
      continue;
    }
    if (tag === 'img') {
      const src = attribute('src');
      out.add({
        kind: 'image',
        src: src.startsWith(localSourceMark)
          ? (aside[Number(src.slice(localSourceMark.length))] ?? '')
          : src,
        alt: attribute('alt'),
        title: attribute('title'),
      });
      continue;
    }

    const mark = tag === 'a' && attribute('href') !== '' ? 'link' : markElements.get(tag);
    const block = blockElements.has(tag);
    if (block) out.end();
    if (cellElements.has(tag)) out.separate();
    if (mark)
      out.add(
        mark === 'link' ? { kind: 'open', mark, href: attribute('href') } : { kind: 'open', mark },
      );
    walk(child, out, pre || tag === 'pre', aside);
    if (mark) out.add({ kind: 'close', mark });
    if (block) out.end();
  }
}

/**
 * Raw HTML read the way the HTML export shows it: through `sanitize` (the export's strict
 * sanitizer, so nothing it removes, a `<script>`'s text or a `javascript:` address, comes
 * through), then parsed on the shared jsdom window, loaded only when an article has raw HTML to
 * show.
 */
export function createHtmlText(sanitize: HtmlSanitizer): HtmlText {
  return onFirstUse((window) => (html) => {
    const template = window.document.createElement('template');
    const aside: string[] = [];
    template.innerHTML = sanitize(setLocalSourcesAside(html, aside));
    const out = new Paragraphs();
    walk(template.content as unknown as HtmlNode, out, false, aside);
    out.end();
    return out.done;
  });
}
