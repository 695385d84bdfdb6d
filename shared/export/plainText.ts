import type { Token } from 'markdown-it';
import type { RenderProfile } from '../markdown/renderProfile';
import { displayWidth } from '../text/displayWidth';
import type { ArticleMetadata } from './articleMetadata';
import { exportLabels } from './exportLabels';
import {
  altIsCaption,
  captionRepeatsImage,
  exportNotes,
  parseForExport,
  type ExportRenderOptions,
} from './exportMarkdown';
import { CJK_WIDE_CLASS, cjkWideChar } from '../text/cjk';
import type { HtmlText } from './rawHtmlText';

/**
 * Plain text for wire systems and editors' inboxes: no Markdown syntax at all (no `#`, `*`, `>`,
 * `|`, `[]()`), footnotes as numbered endnotes, link targets in parentheses after their text.
 */
export interface PlainTextOptions {
  /** Wrap at this display width (CJK characters count 2); 0 = one line per paragraph. */
  wrap?: number;
  eol?: 'lf' | 'crlf';
  /** The site's Goldmark settings; Hugo's defaults when omitted. */
  profile?: Readonly<RenderProfile>;
  /** Shortcode context (the article, a ref resolver): see ExportRenderOptions. */
  shortcodes?: Pick<ExportRenderOptions, 'page' | 'resolveRef'>;
  /** Filled with the shortcodes the text shows differently from the site. */
  notes?: string[];
}

const cjkChar = cjkWideChar;
/** Wrapping units: single CJK characters, runs of other non-space characters, runs of spaces. */
const wrapUnits = new RegExp(`[${CJK_WIDE_CLASS}]|[^\\s${CJK_WIDE_CLASS}]+|\\s+`, 'gu');
/** Characters a line may not start with (kinsoku shori, simplified). */
const noLineStart = /^[，。、；：！？）」』】〕》〉”’…—,.;:!?)\]]/u;

interface ListState {
  ordered: boolean;
  next: number;
}

interface Block {
  text: string;
  /** A paragraph of a tight list: joined to the previous block by one line break, not two. */
  tight: boolean;
}

interface Context {
  out: Block[];
  /** The paragraph being written is hidden (tight list item). */
  tight: boolean;
  lists: ListState[];
  quoteDepth: number;
  /** Definitions (`<dd>`) the paragraph is inside: each indents it by four spaces. */
  definitionDepth: number;
  /** The next block opens a definition: it goes on the line under its term. */
  definitionStart: boolean;
  /** Prefix for the first line of the next paragraph (a list bullet), consumed once. */
  pendingBullet: string | null;
  footnotes: Map<number, string[]>;
  currentFootnote: number | null;
  options: Required<Pick<PlainTextOptions, 'wrap' | 'eol'>>;
  lang: string;
}

function inlineToText(children: readonly Token[], lang: string): string {
  let text = '';
  let linkHref: string | null = null;
  let linkText = '';
  let inCaption = false;
  const push = (piece: string): void => {
    if (inCaption) return; // an image paragraph's caption repeats its title: the alt text says it
    if (linkHref !== null) linkText += piece;
    text += piece;
  };
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Token;
    switch (child.type) {
      case 'text':
      case 'code_inline':
        push(child.content);
        break;
      case 'softbreak': {
        // Chinese lines join without a space; Latin words need one.
        const before = text.slice(-1);
        const after = (children[i + 1]?.content ?? '').slice(0, 1);
        push(cjkChar.test(before) && cjkChar.test(after) ? '' : ' ');
        break;
      }
      case 'hardbreak':
        push('\n');
        break;
      case 'image': {
        const alt = altIsCaption(child) ? '' : child.content.trim();
        push(
          `[${exportLabels(lang).image}${alt ? `${/^zh|^ja/i.test(lang) ? '：' : ': '}${alt}` : ''}]`,
        );
        break;
      }
      case 'footnote_ref':
        push(`[${((child.meta as { id: number }).id ?? 0) + 1}]`);
        break;
      case 'task_list_checkbox':
        push((child.meta as { checked?: boolean } | null)?.checked ? '☑ ' : '☐ ');
        break;
      case 'figcaption_open':
        inCaption = captionRepeatsImage(child);
        break;
      case 'figcaption_close':
        inCaption = false;
        break;
      // A figure shortcode's title (Hugo's <h4>) and caption with credit (<p>): a line each.
      case 'figure_title_open':
      case 'figure_caption_open':
        if (text !== '' && !text.endsWith('\n')) push('\n');
        break;
      case 'link_open':
        linkHref = String(child.attrGet('href') ?? '');
        linkText = '';
        break;
      case 'link_close': {
        const href = linkHref ?? '';
        const shown = href.replace(/^mailto:/i, '');
        // The address goes after the text unless the text already is it (`<mailto:…>` too).
        const written = linkText.trim();
        if (href !== '' && !href.startsWith('#') && shown !== written && href !== written)
          text += ` (${shown})`;
        linkHref = null;
        break;
      }
      default:
        break;
    }
  }
  return text;
}

/** Greedy wrap by display width; CJK may break anywhere, Latin only at spaces. */
export function wrapText(text: string, width: number): string {
  if (width <= 0) return text;
  return text
    .split('\n')
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      // Units: runs of non-space Latin, single CJK characters, and spaces.
      const units = line.match(wrapUnits) ?? [];
      for (const unit of units) {
        if (displayWidth(current + unit) <= width || current.trim() === '') {
          current += unit;
          continue;
        }
        if (/^\s+$/.test(unit)) {
          lines.push(current.trimEnd());
          current = '';
          continue;
        }
        if (noLineStart.test(unit)) {
          // Hang the punctuation on this line rather than starting the next one with it.
          current += unit;
          continue;
        }
        lines.push(current.trimEnd());
        current = unit;
      }
      lines.push(current.trimEnd());
      return lines.join('\n');
    })
    .join('\n');
}

function indentBlock(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

const noteLabelOf = (id: number): string => `[${id + 1}] `;

function emit(ctx: Context, text: string, options: { wrap?: boolean } = {}): void {
  const bullet = ctx.pendingBullet;
  ctx.pendingBullet = null;
  const listIndent = '  '.repeat(Math.max(0, ctx.lists.length - 1));
  const quoteIndent = '    '.repeat(ctx.quoteDepth + ctx.definitionDepth);
  const hanging = ' '.repeat(bullet?.length ?? 0);
  // An endnote's lines are indented by its `[n] ` label when the notes are written out.
  const noteLabel = ctx.currentFootnote === null ? '' : noteLabelOf(ctx.currentFootnote);
  const width =
    ctx.options.wrap > 0
      ? Math.max(
          20,
          ctx.options.wrap - displayWidth(quoteIndent + listIndent + hanging + noteLabel),
        )
      : 0;
  const body = options.wrap === false ? text : wrapText(text, width);
  const block = indentBlock(
    body,
    quoteIndent + listIndent + (bullet ?? (ctx.lists.length > 0 ? hanging : '')),
    quoteIndent + listIndent + hanging,
  );
  if (ctx.currentFootnote !== null) {
    ctx.footnotes.get(ctx.currentFootnote)?.push(body);
    return;
  }
  ctx.out.push({ text: block, tight: ctx.tight || ctx.definitionStart });
  ctx.definitionStart = false;
}

function renderTable(tokens: readonly Token[], start: number, ctx: Context): number {
  const rows: string[][] = [];
  let i = start;
  for (; i < tokens.length && tokens[i]?.type !== 'table_close'; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'tr_open') rows.push([]);
    if (token.type === 'inline')
      rows[rows.length - 1]?.push(inlineToText(token.children ?? [], ctx.lang).trim());
  }
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))),
  );
  const lines = rows.map((row) =>
    row
      .map((cell, c) =>
        c === row.length - 1 ? cell : cell + ' '.repeat((widths[c] ?? 0) - displayWidth(cell)),
      )
      .join('   ')
      .trimEnd(),
  );
  emit(ctx, lines.join('\n'), { wrap: false });
  return i;
}

export function renderPlainTextTokens(
  tokens: readonly Token[],
  lang: string,
  options: PlainTextOptions = {},
): string {
  const ctx: Context = {
    out: [],
    tight: false,
    lists: [],
    quoteDepth: 0,
    definitionDepth: 0,
    definitionStart: false,
    pendingBullet: null,
    footnotes: new Map(),
    currentFootnote: null,
    options: { wrap: options.wrap ?? 0, eol: options.eol ?? 'lf' },
    lang,
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case 'bullet_list_open':
        ctx.lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        ctx.lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        ctx.lists.pop();
        break;
      case 'list_item_open': {
        const list = ctx.lists[ctx.lists.length - 1];
        if (list) ctx.pendingBullet = list.ordered ? `${list.next++}. ` : '• ';
        break;
      }
      case 'blockquote_open':
        ctx.quoteDepth++;
        break;
      case 'blockquote_close':
        ctx.quoteDepth--;
        break;
      // A term on its own line, its definitions indented on the lines under it.
      case 'dt_open':
        ctx.tight = true;
        break;
      case 'dt_close':
        ctx.tight = false;
        break;
      case 'dd_open':
        ctx.definitionDepth++;
        ctx.definitionStart = true;
        break;
      case 'dd_close':
        ctx.definitionDepth--;
        ctx.definitionStart = false;
        break;
      case 'paragraph_open':
        ctx.tight = token.hidden;
        break;
      case 'paragraph_close':
        ctx.tight = false;
        break;
      case 'inline':
        emit(ctx, inlineToText(token.children ?? [], lang));
        break;
      case 'fence':
      case 'code_block':
        emit(ctx, indentBlock(token.content.replace(/\n$/, ''), '    ', '    '), { wrap: false });
        break;
      case 'hr':
        emit(ctx, '———', { wrap: false });
        break;
      case 'table_open':
        i = renderTable(tokens, i, ctx);
        break;
      case 'footnote_open': {
        const id = (token.meta as { id: number }).id;
        ctx.footnotes.set(id, []);
        ctx.currentFootnote = id;
        break;
      }
      case 'footnote_close':
        ctx.currentFootnote = null;
        break;
      default:
        break;
    }
  }
  const blocks = [...ctx.out];
  if (ctx.footnotes.size > 0) {
    blocks.push({ text: '———', tight: false }, { text: exportLabels(lang).notes, tight: false });
    for (const [id, paragraphs] of ctx.footnotes) {
      const label = noteLabelOf(id);
      blocks.push({
        text: indentBlock(paragraphs.join('\n'), label, ' '.repeat(label.length)),
        tight: true,
      });
    }
  }
  const text =
    blocks
      .map((b, i) => (i === 0 ? '' : b.tight && blocks[i - 1]?.tight ? '\n' : '\n\n') + b.text)
      .join('') + '\n';
  return ctx.options.eol === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
}

/**
 * Header lines (title, lead, date and author) then the body. `rawHtmlText` reads raw HTML as
 * text for sites that render it (main/markdown/htmlText.ts).
 */
export function renderPlainText(
  meta: ArticleMetadata,
  body: string,
  options: PlainTextOptions & { rawHtmlText: HtmlText },
): string {
  const { tokens, env } = parseForExport(body, {
    resolveImage: () => null,
    ...(options.profile ? { profile: options.profile } : {}),
    ...options.shortcodes,
    rawHtmlText: options.rawHtmlText,
  });
  options.notes?.push(...exportNotes(env));
  const zh = /^(?:zh|ja)\b/i.test(meta.lang);
  const header: string[] = [meta.title];
  if (meta.lead) header.push(wrapText(meta.lead, options.wrap ?? 0));
  const byline = [
    meta.date?.text,
    meta.authors.length > 0
      ? `${exportLabels(meta.lang).by}${zh ? '：' : ' '}${meta.authors.join(zh ? '、' : ', ')}`
      : null,
  ]
    .filter((part): part is string => Boolean(part))
    .join(zh ? '　' : ' · ');
  if (byline) header.push(byline);
  const headerText = header.join('\n\n') + '\n\n';
  const bodyText = renderPlainTextTokens(tokens, meta.lang, options);
  const eol = options.eol === 'crlf' ? '\r\n' : '\n';
  return (eol === '\r\n' ? headerText.replace(/\n/g, '\r\n') : headerText) + bodyText;
}
