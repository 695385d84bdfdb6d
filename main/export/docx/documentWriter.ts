import type { Token } from 'markdown-it';
import { isCjkLanguage } from '../../../shared/export/documentLanguage';
import { exportLabels } from '../../../shared/export/exportLabels';
import { captionRepeatsImage, parseForExport } from '../../../shared/export/exportMarkdown';
import type { FootnoteDefinition } from '../../../shared/footnotes/footnoteIndex';
import type { ArticleImages, LocalImage } from '../articleImages';
import { ListNumbering } from './numbering';
import { isWordPicture, PictureStore } from './pictures';
import { PartRelationships } from './relationships';
import {
  lineBreakRun,
  paragraph,
  runProperties,
  textRun,
  type ParagraphFormat,
  type RunFormat,
} from './runs';
import { xmlAttribute } from './xml';

const cjkChar =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

const headingStyles: Record<string, string> = {
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  h4: 'Heading4',
  h5: 'Heading5',
  h6: 'Heading6',
};

/** Body text size in half-points (Word's unit): 12 pt for CJK, 11 pt otherwise. */
const bodyHalfPoints = (cjk: boolean): number => (cjk ? 24 : 22);

/** Word's hidden-bookmark convention (`_Ref…`) on the first reference of each note. */
const noteBookmark = (number: number): string => `_RefBylineNote${number}`;

const fieldMark = (type: 'begin' | 'separate' | 'end'): string =>
  `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;

/**
 * `NOTEREF _RefBylineNoteN \f \h`: the note's number formatted as a footnote mark (`\f`) and
 * linked to it (`\h`), with the number already written as the field's result.
 */
const noteReferenceField = (number: number, shown: string): string =>
  fieldMark('begin') +
  `<w:r><w:instrText xml:space="preserve"> NOTEREF ${noteBookmark(number)} \\f \\h </w:instrText></w:r>` +
  fieldMark('separate') +
  noteMarkRun(shown) +
  fieldMark('end');

/** A first citation: the footnote itself, its reference wrapped in the note's bookmark. */
const footnoteReference = (number: number): string =>
  `<w:bookmarkStart w:name="${noteBookmark(number)}" w:id="${number}"/>` +
  `<w:r>${runProperties({ style: 'FootnoteReference' })}<w:footnoteReference w:id="${number}"/></w:r>` +
  `<w:bookmarkEnd w:id="${number}"/>`;

/** A note's mark written out, in the footnote mark's style. */
const noteMarkRun = (mark: string): string =>
  textRun(mark, { style: 'FootnoteReference', superscript: true });

/** The mark a footnote's own text starts with. */
const footnoteMarkRun = `<w:r>${runProperties({ style: 'FootnoteReference' })}<w:footnoteRef/></w:r>`;

/**
 * Notes cited only from inside other notes, each with the note it is written into. Word has no
 * footnote without a mark in the text: such a note would be left without a citation and would
 * shift Word's count, so a later citation showed another note's source.
 */
function notesInsideNotes(tokens: readonly Token[]): Map<number, number> {
  const citedInText = new Set<number>();
  const firstCitedFrom = new Map<number, number>();
  let note: number | null = null;
  for (const token of tokens) {
    if (token.type === 'footnote_open') note = (token.meta as { id: number }).id + 1;
    else if (token.type === 'footnote_close') note = null;
    else if (token.type === 'inline')
      for (const child of token.children ?? []) {
        if (child.type !== 'footnote_ref') continue;
        const cited = (child.meta as { id: number }).id + 1;
        if (note === null) citedInText.add(cited);
        else if (!firstCitedFrom.has(cited)) firstCitedFrom.set(cited, note);
      }
  }
  const hosts = new Map<number, number>();
  for (const cited of firstCitedFrom.keys()) {
    if (citedInText.has(cited)) continue;
    // Up the chain to a note the text cites (none, for notes that only cite each other).
    const seen = new Set([cited]);
    let host = firstCitedFrom.get(cited);
    while (host !== undefined && !citedInText.has(host) && !seen.has(host)) {
      seen.add(host);
      host = firstCitedFrom.get(host);
    }
    if (host !== undefined && citedInText.has(host)) hosts.set(cited, host);
  }
  return hosts;
}

interface ListLevel {
  ordered: boolean;
  instance: number;
}

/**
 * Word's document and footnotes written as XML straight from the markdown-it token stream (the
 * same parse as every other export): title, lead, headings, paragraphs, bold/italic, links,
 * lists, block quotes, tables, images, and footnotes as real Word footnotes. Han text in emphasis
 * gets emphasis dots (着重号) rather than an italic that Han fonts do not have.
 */
export class DocumentWriter {
  /** word/document.xml's body content, in order. */
  readonly body: string[] = [];
  /** Each footnote's paragraphs, by note number. */
  readonly footnotes = new Map<number, string[]>();
  readonly documentRelationships = new PartRelationships(true);
  readonly footnoteRelationships = new PartRelationships(false);
  readonly numbering = new ListNumbering();
  readonly pictures: PictureStore;
  private readonly lists: ListLevel[] = [];
  private listInstances = 0;
  private quoteDepth = 0;
  /** Definitions (`<dd>`) the writer is inside: each level indents its paragraphs. */
  private definitionDepth = 0;
  private pendingListItem = false;
  private footnoteId: number | null = null;
  /** Notes written at the end of the note citing them (see notesInsideNotes), by number. */
  private notesInNotes = new Map<number, number>();
  /**
   * The mark each note shows in Word: Word's own count for real footnotes (the published number,
   * unless notes inside notes take numbers out of the count) and, for a note inside a note, its
   * host's mark and a letter (`1a`).
   */
  private noteMarks = new Map<number, string>();
  private uncited: FootnoteDefinition[];
  /** Two characters: `firstLineChars` for Word, the same in twips for LibreOffice, which ignores it. */
  private readonly chineseIndent = {
    firstLine: bodyHalfPoints(true) * 10 * 2,
    firstLineChars: 200,
  };

  constructor(
    private readonly images: ArticleImages,
    /** Images read and narrowed before the walk (the walk itself is synchronous). */
    private readonly prepared: ReadonlyMap<string, LocalImage | null>,
    private readonly lang: string,
    private readonly contentWidthTwips: number,
    private readonly warnings: string[],
    uncited: FootnoteDefinition[],
  ) {
    this.uncited = uncited;
    // Twips -> pixels at 96 dpi.
    this.pictures = new PictureStore(Math.floor((contentWidthTwips / 1440) * 96));
  }

  /** The relationships of the part being written. */
  private get relationships(): PartRelationships {
    return this.footnoteId === null ? this.documentRelationships : this.footnoteRelationships;
  }

  private imageRun(src: string, alt: string): string {
    const image = this.prepared.has(src) ? this.prepared.get(src) : this.images.load(src);
    if (!isWordPicture(image)) {
      // No source at all is raw HTML whose path the sanitizer dropped: the alt text stands in.
      if (src !== '') this.warnings.push(`Image not found or not a supported picture: ${src}`);
      return textRun(`[${exportLabels(this.lang).image}${alt ? `: ${alt}` : ''}]`, {
        color: '777777',
      });
    }
    return this.pictures.run(src, image, alt, this.relationships);
  }

  /** Inline tokens -> runs (text, links, images, footnote references). */
  inline(children: readonly Token[], base: { bold?: boolean } = {}): string {
    let runs = '';
    const format: RunFormat = { bold: base.bold ?? false };
    let link: { href: string; runs: string } | null = null;
    let inCaption = false;
    const push = (run: string): void => {
      if (inCaption) return;
      if (link) link.runs += run;
      else runs += run;
    };
    let previousText = '';
    for (let i = 0; i < children.length; i++) {
      const token = children[i] as Token;
      switch (token.type) {
        case 'text':
          push(textRun(token.content, link ? { ...format, style: 'Hyperlink' } : format));
          previousText = token.content;
          break;
        case 'code_inline':
          push(textRun(token.content, { ...format, code: true }));
          previousText = token.content;
          break;
        case 'softbreak': {
          const next = children[i + 1]?.content ?? '';
          const joinTight = cjkChar.test(previousText.slice(-1)) && cjkChar.test(next.slice(0, 1));
          if (!joinTight) push(textRun(' '));
          break;
        }
        case 'hardbreak':
          push(lineBreakRun);
          break;
        case 'strong_open':
          format.bold = true;
          break;
        case 'strong_close':
          format.bold = base.bold ?? false;
          break;
        case 'em_open':
          format.italics = true;
          break;
        case 'em_close':
          format.italics = false;
          break;
        case 's_open':
          format.strike = true;
          break;
        case 's_close':
          format.strike = false;
          break;
        case 'cjk_emphasis_open':
          format.emphasisDots = true;
          break;
        case 'cjk_emphasis_close':
          format.emphasisDots = false;
          break;
        case 'link_open': {
          const href = String(token.attrGet('href') ?? '');
          link = /^(?:https?:|mailto:)/i.test(href) ? { href, runs: '' } : null;
          break;
        }
        case 'link_close':
          if (link) {
            const current: { href: string; runs: string } = link;
            link = null;
            const id = this.relationships.hyperlink(current.href);
            runs += `<w:hyperlink w:history="1" r:id="${xmlAttribute(id)}">${current.runs}</w:hyperlink>`;
          }
          break;
        case 'image':
          push(this.imageRun(String(token.attrGet('src') ?? ''), token.content));
          break;
        case 'footnote_ref': {
          const meta = token.meta as { id: number; subId?: number };
          const number = meta.id + 1;
          // Word numbers footnotes by the order of their references, and markdown-it-footnote
          // numbers a note by its first citation: so only first citations are real footnotes and
          // the numbers match the published page. A repeat citation is Word's own way to cite a
          // note again: a NOTEREF field to a bookmark on the first reference, its result (the
          // number) written in, because LibreOffice shows that result as it stands.
          // Word has no footnote inside a footnote: a note citing a note refers to it.
          const mark = this.noteMarks.get(number) ?? String(number);
          // A note inside a note is written at the end of the note citing it, under its mark.
          if (this.notesInNotes.has(number)) push(noteMarkRun(mark));
          else if ((meta.subId ?? 0) === 0 && this.footnoteId === null)
            push(footnoteReference(number));
          else push(noteReferenceField(number, mark));
          break;
        }
        case 'task_list_checkbox':
          push(textRun((token.meta as { checked?: boolean } | null)?.checked ? '☑ ' : '☐ '));
          break;
        case 'figcaption_open':
          inCaption = captionRepeatsImage(token);
          break;
        case 'figcaption_close':
          inCaption = false;
          break;
        // A figure shortcode inside a paragraph: its title and caption each on a line.
        case 'figure_title_open':
        case 'figure_caption_open':
          if (runs !== '' || link) push(lineBreakRun);
          if (token.type === 'figure_title_open') format.bold = true;
          break;
        case 'figure_title_close':
          format.bold = base.bold ?? false;
          break;
        default:
          break;
      }
    }
    return runs;
  }

  private paragraphFormat(): ParagraphFormat {
    const level = this.lists.length - 1;
    const list = this.lists[level];
    if (list && this.pendingListItem) {
      this.pendingListItem = false;
      return {
        style: 'ListParagraph',
        list: {
          numId: this.numbering.numId(list.ordered, list.instance),
          level: Math.min(level, 8),
        },
      };
    }
    if (list) return { indent: { left: 720 * (level + 1 + this.definitionDepth) } };
    if (this.quoteDepth > 0) return { style: 'BylineQuote' };
    if (this.definitionDepth > 0) return { indent: { left: 720 * this.definitionDepth } };
    return {};
  }

  /** A paragraph of the body, or of the footnote being written (its first one after the mark). */
  paragraph(format: ParagraphFormat, runs: string): void {
    if (this.footnoteId === null) {
      this.body.push(paragraph(format, runs));
      return;
    }
    const note = this.footnotes.get(this.footnoteId);
    const inside = this.notesInNotes.has(this.footnoteId);
    const mark = inside ? noteMarkRun(this.noteMarks.get(this.footnoteId) ?? '') : footnoteMarkRun;
    if (note) note.push(paragraph(format, note.length === 0 ? mark + runs : runs));
  }

  /**
   * Sources defined but never cited have no number and no footnote; they are listed as they are,
   * under the article's emptied references heading or, without one, under a heading of ours.
   */
  private addUncited(heading?: string): void {
    if (this.uncited.length === 0) return;
    if (heading) this.body.push(paragraph({ style: 'Heading2' }, textRun(heading)));
    for (const definition of this.uncited) {
      const { tokens } = parseForExport(definition.text, { resolveImage: () => null });
      for (const token of tokens) {
        if (token.type !== 'inline') continue;
        const children = (token.children ?? []).filter((c) => c.type !== 'footnote_ref');
        this.body.push(paragraph({ style: 'BylineSource' }, this.inline(children)));
      }
    }
    this.uncited = [];
  }

  write(tokens: readonly Token[], uncitedHeading: string): void {
    this.notesInNotes = notesInsideNotes(tokens);
    this.noteMarks = this.markNotes(tokens);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      switch (token.type) {
        case 'heading_open': {
          const inline = tokens[i + 1];
          const next = tokens[i + 3];
          // The article's own "References" heading: its definitions became footnotes, so it is
          // kept only for the sources nobody cites.
          const emptiedByNotes = next === undefined || next.type === 'footnote_block_open';
          if (!emptiedByNotes || this.uncited.length > 0)
            this.paragraph(
              { style: headingStyles[token.tag] ?? 'Heading2' },
              this.inline(inline?.children ?? []),
            );
          if (emptiedByNotes) this.addUncited();
          i += 2;
          break;
        }
        case 'paragraph_open':
          this.paragraphTokens(token, tokens[i + 1]?.children ?? []);
          i += 2;
          break;
        case 'bullet_list_open':
          this.lists.push({ ordered: false, instance: 0 });
          break;
        case 'ordered_list_open':
          this.lists.push({ ordered: true, instance: ++this.listInstances });
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.lists.pop();
          break;
        case 'list_item_open':
          this.pendingListItem = true;
          break;
        case 'blockquote_open':
          this.quoteDepth++;
          break;
        case 'blockquote_close':
          this.quoteDepth--;
          break;
        case 'fence':
        case 'code_block': {
          const lines = token.content.replace(/\n$/, '').split('\n');
          lines.forEach((line, index) =>
            this.paragraph(
              { style: 'BylineCode', keepNext: index < lines.length - 1, keepLines: true },
              textRun(line, { code: true }),
            ),
          );
          break;
        }
        // Word has no definition list: the term a bold paragraph kept with its definition, the
        // definition's paragraphs indented below it (as pandoc's Definition Term / Definition).
        case 'dt_open':
          this.paragraph(
            { ...this.paragraphFormat(), keepNext: true },
            this.inline(tokens[i + 1]?.children ?? [], { bold: true }),
          );
          i += 2;
          break;
        case 'dd_open':
          this.definitionDepth++;
          break;
        case 'dd_close':
          this.definitionDepth--;
          break;
        case 'hr':
          this.paragraph({ bottomRule: true }, '');
          break;
        case 'table_open':
          i = this.table(tokens, i);
          break;
        case 'footnote_open': {
          const id = (token.meta as { id: number }).id + 1;
          this.footnotes.set(id, []);
          this.footnoteId = id;
          break;
        }
        case 'footnote_close':
          this.footnoteId = null;
          break;
        default:
          break;
      }
    }
    this.addUncited(uncitedHeading);
    for (const [number, host] of [...this.notesInNotes].sort(([a], [b]) => a - b)) {
      this.footnotes.get(host)?.push(...(this.footnotes.get(number) ?? []));
      this.footnotes.delete(number);
    }
  }

  private markNotes(tokens: readonly Token[]): Map<number, string> {
    const notes = tokens
      .filter((token) => token.type === 'footnote_open')
      .map((token) => (token.meta as { id: number }).id + 1)
      .sort((a, b) => a - b);
    const marks = new Map<number, string>();
    let count = 0;
    for (const note of notes) if (!this.notesInNotes.has(note)) marks.set(note, String(++count));
    const letters = new Map<number, number>();
    for (const note of notes) {
      const host = this.notesInNotes.get(note);
      if (host === undefined) continue;
      const letter = letters.get(host) ?? 0;
      letters.set(host, letter + 1);
      marks.set(note, `${marks.get(host) ?? ''}${String.fromCharCode(97 + (letter % 26))}`);
    }
    return marks;
  }

  private paragraphTokens(token: Token, children: readonly Token[]): void {
    if (token.tag === 'figure') {
      const image = children.find((c) => c.type === 'image');
      const captionStart = children.findIndex((c) => c.type === 'figcaption_open');
      this.paragraph(
        { keepNext: captionStart >= 0, singleSpacing: true, align: 'center' },
        this.inline(image ? [image] : []),
      );
      if (captionStart >= 0) {
        const lines = captionLines(children.slice(captionStart + 1));
        lines.forEach((line, index) =>
          this.paragraph(
            { style: 'Caption', align: 'center', keepNext: index < lines.length - 1 },
            this.inline(line.tokens, { bold: line.title }),
          ),
        );
      }
      return;
    }
    const indentChinese =
      this.lists.length === 0 &&
      this.quoteDepth === 0 &&
      this.definitionDepth === 0 &&
      this.footnoteId === null &&
      isCjkLanguage(this.lang);
    this.paragraph(
      { ...this.paragraphFormat(), ...(indentChinese ? { indent: this.chineseIndent } : {}) },
      this.inline(children),
    );
  }

  /** A table across the text column, its header row repeated on each page; Word has no table in a note. */
  private table(tokens: readonly Token[], start: number): number {
    const rows: string[] = [];
    let cells: string[] = [];
    let columns = 0;
    let header = false;
    let i = start + 1;
    for (; i < tokens.length && tokens[i]?.type !== 'table_close'; i++) {
      const token = tokens[i] as Token;
      if (token.type === 'thead_open') header = true;
      if (token.type === 'thead_close') header = false;
      if (token.type === 'tr_open') cells = [];
      if (token.type === 'tr_close') {
        columns = Math.max(columns, cells.length);
        rows.push(
          `<w:tr><w:trPr>${header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>${cells.join('')}</w:tr>`,
        );
      }
      if (token.type === 'th_open' || token.type === 'td_open') {
        const className = String(token.attrGet('class') ?? '');
        const align = className.includes('align-right')
          ? 'right'
          : className.includes('align-center')
            ? 'center'
            : 'left';
        const shading = header ? '<w:shd w:fill="EEEEEE" w:color="auto" w:val="clear"/>' : '';
        cells.push(
          `<w:tc><w:tcPr>${shading}${cellMargins}</w:tcPr>` +
            paragraph({ align }, this.inline(tokens[i + 1]?.children ?? [], { bold: header })) +
            '</w:tc>',
        );
      }
    }
    if (this.footnoteId === null) {
      const grid = `<w:gridCol w:w="${Math.round(this.contentWidthTwips / Math.max(1, columns))}"/>`;
      this.body.push(
        `<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/>${tableBorders}</w:tblPr>` +
          `<w:tblGrid>${grid.repeat(columns)}</w:tblGrid>${rows.join('')}</w:tbl>`,
      );
    }
    this.paragraph({}, '');
    return i;
  }
}

/**
 * A figcaption's paragraphs: a figure shortcode's title (Hugo's `<h4>`, bold) and its caption
 * with the credit (`<p>`), or an image paragraph's one caption.
 */
function captionLines(tokens: readonly Token[]): { title: boolean; tokens: Token[] }[] {
  const lines: { title: boolean; tokens: Token[] }[] = [];
  let current: { title: boolean; tokens: Token[] } | null = null;
  for (const token of tokens) {
    if (token.type === 'figcaption_close') break;
    if (token.type === 'figure_title_open' || token.type === 'figure_caption_open') {
      current = { title: token.type === 'figure_title_open', tokens: [] };
      lines.push(current);
    } else if (token.type === 'figure_title_close' || token.type === 'figure_caption_close') {
      current = null;
    } else {
      if (!current) {
        current = { title: false, tokens: [] };
        lines.push(current);
      }
      current.tokens.push(token);
    }
  }
  return lines;
}

const cellMargins =
  '<w:tcMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/><w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tcMar>';
const tableBorders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`)
  .join('')}</w:tblBorders>`;
