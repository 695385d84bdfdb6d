import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  ImportedXmlComponent,
  LevelFormat,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import path from 'node:path';
import type { Token } from 'markdown-it';
import { isCjkLanguage } from '../../shared/export/documentLanguage';
import { featuredImageSource } from '../../shared/export/exportDocument';
import { exportLabels } from '../../shared/export/exportLabels';
import { exportNotes, parseForExport } from '../../shared/export/exportMarkdown';
import { articleShortcodeOptions } from './articleShortcodes';
import { indexFootnotes, type FootnoteDefinition } from '../../shared/footnotes/footnoteIndex';
import type { ArticleImages, LocalImage } from './articleImages';
import type { ExportContext, ExportOutput } from './exportTypes';
import { packDocx } from './packDocx';
import { writeOutput } from './writeOutput';

type Block = Paragraph | Table;
type HeadingValue = (typeof HeadingLevel)[keyof typeof HeadingLevel];

const headingLevels: Record<string, HeadingValue> = {
  h1: HeadingLevel.HEADING_1,
  h2: HeadingLevel.HEADING_2,
  h3: HeadingLevel.HEADING_3,
  h4: HeadingLevel.HEADING_4,
  h5: HeadingLevel.HEADING_5,
  h6: HeadingLevel.HEADING_6,
};

const pageSizes = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
const marginTwips = 1440;
/** Body text size in half-points (Word's unit): 12 pt for CJK, 11 pt otherwise. */
const bodyHalfPoints = (cjk: boolean): number => (cjk ? 24 : 22);
/**
 * Multi-line titles and headings need their own line rule: a `w:line` without `w:lineRule` is read
 * differently by Word and LibreOffice, and the lines of a large title then overprint.
 */
const headingSpacing = (before: number, after: number) =>
  ({ before, after, line: 276, lineRule: LineRuleType.AUTO }) as const;
/** Single spacing for a picture's paragraph: a fixed line height would crop it to a strip. */
const pictureSpacing = { line: 240, lineRule: LineRuleType.AUTO } as const;
const monoFont = { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: 'SimSun', cs: 'Consolas' };
const cjkChar =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Word's hidden-bookmark convention (`_Ref…`) on the first reference of each note. */
const noteBookmark = (number: number): string => `_RefBylineNote${number}`;

/**
 * A run holding one piece of a field, parsed from its XML once: docx writes a component without
 * changing it, so the same run serves every citation that needs it.
 */
const fieldRun = (xml: string): TextRun =>
  new TextRun({ children: [ImportedXmlComponent.fromXmlString(xml)] });

let fieldMarks: { begin: TextRun; separate: TextRun; end: TextRun } | undefined;

/**
 * `NOTEREF _RefBylineNoteN \f \h`: the note's number formatted as a footnote mark (`\f`) and
 * linked to it (`\h`), with the number already written as the field's result.
 */
function noteReferenceField(number: number): TextRun[] {
  fieldMarks ??= {
    begin: fieldRun('<w:fldChar w:fldCharType="begin"/>'),
    separate: fieldRun('<w:fldChar w:fldCharType="separate"/>'),
    end: fieldRun('<w:fldChar w:fldCharType="end"/>'),
  };
  return [
    fieldMarks.begin,
    fieldRun(
      `<w:instrText xml:space="preserve"> NOTEREF ${noteBookmark(number)} \\f \\h </w:instrText>`,
    ),
    fieldMarks.separate,
    new TextRun({ text: String(number), style: 'FootnoteReference', superScript: true }),
    fieldMarks.end,
  ];
}

interface RunFormat {
  bold: boolean;
  italics: boolean;
  strike: boolean;
  code: boolean;
  /** Han text inside emphasis: emphasis dots, never a faux italic. */
  cjkEmphasis: boolean;
}

interface ListLevel {
  ordered: boolean;
  instance: number;
}

/**
 * Word from the markdown-it token stream (the same parse as every other export): title, lead,
 * headings, paragraphs, bold/italic, links, lists, block quotes, tables, images, and footnotes as
 * real Word footnotes. Han text in emphasis gets emphasis dots (着重号) rather than an italic
 * that Han fonts do not have.
 */
class DocxWriter {
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private readonly lists: ListLevel[] = [];
  private listInstances = 0;
  private quoteDepth = 0;
  private pendingListItem = false;
  private footnoteId: number | null = null;
  private readonly noteReferences = new Map<number, TextRun[]>();
  private uncited: FootnoteDefinition[];
  private readonly maxImageWidth: number;
  /** Two characters: `firstLineChars` for Word, the same in twips for LibreOffice, which ignores it. */
  private readonly chineseIndent: { firstLine: number; firstLineChars: number };

  constructor(
    private readonly images: ArticleImages,
    /** Images read and narrowed before the walk (the walk itself is synchronous). */
    private readonly prepared: ReadonlyMap<string, LocalImage | null>,
    private readonly lang: string,
    contentWidthTwips: number,
    private readonly warnings: string[],
    uncited: FootnoteDefinition[],
  ) {
    this.uncited = uncited;
    this.chineseIndent = { firstLine: bodyHalfPoints(true) * 10 * 2, firstLineChars: 200 };
    // Twips -> pixels at 96 dpi.
    this.maxImageWidth = Math.floor((contentWidthTwips / 1440) * 96);
  }

  /** A repeat citation's runs, built once per note. */
  private noteReference(number: number): TextRun[] {
    let runs = this.noteReferences.get(number);
    if (!runs) this.noteReferences.set(number, (runs = noteReferenceField(number)));
    return runs;
  }

  private imageRun(src: string, alt: string): ImageRun | TextRun {
    const image = this.prepared.has(src) ? this.prepared.get(src) : this.images.load(src);
    const supported =
      image &&
      (image.type === 'png' ||
        image.type === 'jpg' ||
        image.type === 'gif' ||
        image.type === 'bmp');
    if (!image || !supported) {
      this.warnings.push(`Image not found or not a supported picture: ${src}`);
      return new TextRun({
        text: `[${exportLabels(this.lang).image}${alt ? `: ${alt}` : ''}]`,
        color: '777777',
      });
    }
    const { width, height } = this.fit(image);
    return new ImageRun({
      type: image.type as 'png' | 'jpg' | 'gif' | 'bmp',
      data: image.bytes,
      transformation: { width, height },
      altText: { name: path.basename(image.file), description: alt, title: alt },
    });
  }

  private fit(image: LocalImage): { width: number; height: number } {
    const width = image.width > 0 ? image.width : this.maxImageWidth;
    const height = image.height > 0 ? image.height : Math.round(width * 0.6);
    const scale = Math.min(1, this.maxImageWidth / width);
    return { width: Math.round(width * scale), height: Math.round(height * scale) };
  }

  private textRuns(text: string, format: RunFormat, extra: IRunOptions = {}): TextRun {
    return new TextRun({
      text,
      bold: format.bold || undefined,
      italics: (format.italics && !format.cjkEmphasis) || undefined,
      strike: format.strike || undefined,
      font: format.code ? monoFont : undefined,
      emphasisMark: format.cjkEmphasis ? { type: 'dot' } : undefined,
      ...extra,
    });
  }

  /** Inline tokens -> runs (text, links, images, footnote references). */
  inline(children: readonly Token[], base: Partial<RunFormat> = {}): ParagraphChild[] {
    const runs: ParagraphChild[] = [];
    const format: RunFormat = {
      bold: false,
      italics: false,
      strike: false,
      code: false,
      cjkEmphasis: false,
      ...base,
    };
    let link: { href: string; runs: ParagraphChild[] } | null = null;
    let inCaption = false;
    const push = (run: ParagraphChild): void => {
      if (inCaption) return;
      (link ? link.runs : runs).push(run);
    };
    let previousText = '';
    for (let i = 0; i < children.length; i++) {
      const token = children[i] as Token;
      switch (token.type) {
        case 'text':
          push(this.textRuns(token.content, format, link ? { style: 'Hyperlink' } : {}));
          previousText = token.content;
          break;
        case 'code_inline':
          push(this.textRuns(token.content, { ...format, code: true }));
          previousText = token.content;
          break;
        case 'softbreak': {
          const next = children[i + 1]?.content ?? '';
          const joinTight = cjkChar.test(previousText.slice(-1)) && cjkChar.test(next.slice(0, 1));
          if (!joinTight) push(new TextRun(' '));
          break;
        }
        case 'hardbreak':
          push(new TextRun({ break: 1 }));
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
          format.italics = base.italics ?? false;
          break;
        case 's_open':
          format.strike = true;
          break;
        case 's_close':
          format.strike = false;
          break;
        case 'cjk_emphasis_open':
          format.cjkEmphasis = true;
          break;
        case 'cjk_emphasis_close':
          format.cjkEmphasis = false;
          break;
        case 'link_open': {
          const href = String(token.attrGet('href') ?? '');
          link = /^(?:https?:|mailto:)/i.test(href) ? { href, runs: [] } : null;
          break;
        }
        case 'link_close':
          if (link) {
            const current: { href: string; runs: ParagraphChild[] } = link;
            link = null;
            runs.push(new ExternalHyperlink({ link: current.href, children: current.runs }));
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
          if ((meta.subId ?? 0) === 0 && this.footnoteId === null)
            push(
              new Bookmark({
                id: noteBookmark(number),
                children: [new FootnoteReferenceRun(number)],
              }),
            );
          else this.noteReference(number).forEach(push);
          break;
        }
        case 'task_list_checkbox':
          push(new TextRun((token.meta as { checked?: boolean } | null)?.checked ? '☑ ' : '☐ '));
          break;
        case 'figcaption_open':
          inCaption = true;
          break;
        case 'figcaption_close':
          inCaption = false;
          break;
        default:
          break;
      }
    }
    return runs;
  }

  private paragraphOptions(): {
    style?: string;
    bullet?: { level: number };
    numbering?: { reference: string; level: number; instance: number };
    indent?: { left: number };
  } {
    const level = this.lists.length - 1;
    const list = this.lists[level];
    if (list && this.pendingListItem) {
      this.pendingListItem = false;
      return list.ordered
        ? {
            numbering: {
              reference: 'byline-ordered',
              level: Math.min(level, 8),
              instance: list.instance,
            },
          }
        : { numbering: { reference: 'byline-bullets', level: Math.min(level, 8), instance: 0 } };
    }
    if (list) return { indent: { left: 720 * (level + 1) } };
    if (this.quoteDepth > 0) return { style: 'BylineQuote' };
    return {};
  }

  private add(blocks: Block[], block: Block): void {
    if (this.footnoteId !== null) {
      if (block instanceof Paragraph) this.footnotes[this.footnoteId]?.children.push(block);
      return;
    }
    blocks.push(block);
  }

  /**
   * Sources defined but never cited have no number and no footnote; they are listed as they are,
   * under the article's emptied references heading or, without one, under a heading of ours.
   */
  private addUncited(blocks: Block[], heading?: string): void {
    if (this.uncited.length === 0) return;
    if (heading)
      blocks.push(
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(heading)] }),
      );
    for (const definition of this.uncited) {
      const { tokens } = parseForExport(definition.text, { resolveImage: () => null });
      for (const token of tokens) {
        if (token.type !== 'inline') continue;
        const children = (token.children ?? []).filter((c) => c.type !== 'footnote_ref');
        blocks.push(new Paragraph({ style: 'BylineSource', children: this.inline(children) }));
      }
    }
    this.uncited = [];
  }

  body(tokens: readonly Token[], uncitedHeading: string): Block[] {
    const blocks: Block[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      switch (token.type) {
        case 'heading_open': {
          const inline = tokens[i + 1];
          const next = tokens[i + 3];
          // The article's own "References" heading: its definitions became footnotes, so it is
          // kept only for the sources nobody cites.
          const emptiedByNotes = next === undefined || next.type === 'footnote_block_open';
          if (!emptiedByNotes || this.uncited.length > 0) {
            this.add(
              blocks,
              new Paragraph({
                heading: headingLevels[token.tag] ?? HeadingLevel.HEADING_2,
                children: this.inline(inline?.children ?? []),
              }),
            );
          }
          if (emptiedByNotes) this.addUncited(blocks);
          i += 2;
          break;
        }
        case 'paragraph_open': {
          const inline = tokens[i + 1];
          const children = inline?.children ?? [];
          if (token.tag === 'figure') {
            const image = children.find((c) => c.type === 'image');
            const captionStart = children.findIndex((c) => c.type === 'figcaption_open');
            this.add(
              blocks,
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: pictureSpacing,
                keepNext: captionStart >= 0,
                children: this.inline(image ? [image] : []),
              }),
            );
            if (captionStart >= 0) {
              const caption = children
                .slice(captionStart + 1)
                .filter((c) => c.type !== 'figcaption_close');
              this.add(
                blocks,
                new Paragraph({
                  style: 'Caption',
                  alignment: AlignmentType.CENTER,
                  children: this.inline(caption),
                }),
              );
            }
          } else {
            const indentChinese =
              this.lists.length === 0 &&
              this.quoteDepth === 0 &&
              this.footnoteId === null &&
              isCjkLanguage(this.lang);
            this.add(
              blocks,
              new Paragraph({
                ...this.paragraphOptions(),
                ...(indentChinese ? { indent: this.chineseIndent } : {}),
                children: this.inline(children),
              }),
            );
          }
          i += 2;
          break;
        }
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
            this.add(
              blocks,
              new Paragraph({
                style: 'BylineCode',
                keepLines: true,
                keepNext: index < lines.length - 1,
                children: [new TextRun({ text: line, font: monoFont })],
              }),
            ),
          );
          break;
        }
        case 'hr':
          this.add(
            blocks,
            new Paragraph({
              border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
              children: [],
            }),
          );
          break;
        case 'table_open':
          i = this.table(tokens, i, blocks);
          break;
        case 'footnote_open': {
          const id = (token.meta as { id: number }).id + 1;
          this.footnotes[id] = { children: [] };
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
    this.addUncited(blocks, uncitedHeading);
    return blocks;
  }

  private table(tokens: readonly Token[], start: number, blocks: Block[]): number {
    const rows: TableRow[] = [];
    let cells: TableCell[] = [];
    let header = false;
    let i = start + 1;
    for (; i < tokens.length && tokens[i]?.type !== 'table_close'; i++) {
      const token = tokens[i] as Token;
      if (token.type === 'thead_open') header = true;
      if (token.type === 'thead_close') header = false;
      if (token.type === 'tr_open') cells = [];
      if (token.type === 'tr_close')
        rows.push(new TableRow({ children: cells, tableHeader: header }));
      if (token.type === 'th_open' || token.type === 'td_open') {
        const className = String(token.attrGet('class') ?? '');
        const alignment = className.includes('align-right')
          ? AlignmentType.RIGHT
          : className.includes('align-center')
            ? AlignmentType.CENTER
            : AlignmentType.LEFT;
        const inline = tokens[i + 1];
        cells.push(
          new TableCell({
            shading: header
              ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' }
              : undefined,
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            children: [
              new Paragraph({
                alignment,
                children: this.inline(inline?.children ?? [], { bold: header }),
              }),
            ],
          }),
        );
      }
    }
    this.add(blocks, new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    this.add(blocks, new Paragraph({ children: [] }));
    return i;
  }
}

/** Builds the .docx bytes. */
export async function renderDocx(
  context: Pick<ExportContext, 'source' | 'images' | 'options'>,
  warnings: string[] = [],
): Promise<Uint8Array> {
  const { source, images, options } = context;
  const { meta } = source;
  const cjk = isCjkLanguage(meta.lang);
  const size = pageSizes[options.docx.pageSize];
  const { tokens, env } = parseForExport(source.body, {
    resolveImage: () => null,
    profile: source.profile,
    ...articleShortcodeOptions(source),
  });
  const uncited = uncitedSources(source.body, env, warnings);
  warnings.push(...exportNotes(env));
  const featured = featuredImageSource(source.data);
  // One image at a time: each is read, narrowed when oversized, and only its encoded bytes kept
  // (the document carries them all until it is packed).
  const prepared = new Map<string, LocalImage | null>();
  for (const src of [...(featured ? [featured] : []), ...imageSources(tokens)])
    if (!prepared.has(src)) prepared.set(src, await images.embedded(src));
  const writer = new DocxWriter(
    images,
    prepared,
    meta.lang,
    size.width - 2 * marginTwips,
    warnings,
    uncited,
  );

  const header: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)] }),
  ];
  if (meta.lead)
    header.push(new Paragraph({ style: 'BylineLead', children: [new TextRun(meta.lead)] }));
  const byline = [
    meta.date?.text,
    meta.authors.length > 0
      ? `${exportLabels(meta.lang).by}${cjk ? '：' : ' '}${meta.authors.join(cjk ? '、' : ', ')}`
      : null,
  ]
    .filter((part): part is string => Boolean(part))
    .join(cjk ? '　' : ' · ');
  if (byline) header.push(new Paragraph({ style: 'BylineMeta', children: [new TextRun(byline)] }));
  if (featured) {
    header.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: pictureSpacing,
        children: writer.inline([imageToken(featured)]),
      }),
    );
  }
  const body = writer.body(tokens, exportLabels(meta.lang).sources);

  const bodyFont = cjk
    ? {
        ascii: 'Times New Roman',
        hAnsi: 'Times New Roman',
        eastAsia: 'SimSun',
        cs: 'Times New Roman',
      }
    : { ascii: 'Georgia', hAnsi: 'Georgia', eastAsia: 'SimSun', cs: 'Georgia' };
  const headingFont = cjk
    ? { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' }
    : { ascii: 'Georgia', hAnsi: 'Georgia', eastAsia: 'SimHei', cs: 'Georgia' };
  const language = cjk
    ? { value: 'en-US', eastAsia: meta.lang }
    : { value: meta.lang, eastAsia: 'zh-CN' };
  const numberingLevels = (format: 'bullet' | 'decimal') =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
      text: format === 'bullet' ? (['•', '◦', '▪'][level % 3] ?? '•') : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    }));

  const document = new Document({
    title: meta.title,
    subject: meta.lead ?? undefined,
    description: meta.lead ?? undefined,
    creator: meta.authors.join(', ') || 'Byline',
    keywords: meta.keywords.join(', '),
    lastModifiedBy: 'Byline',
    features: { updateFields: false },
    footnotes: writer.footnotes,
    numbering: {
      config: [
        { reference: 'byline-bullets', levels: numberingLevels('bullet') },
        { reference: 'byline-ordered', levels: numberingLevels('decimal') },
      ],
    },
    styles: {
      default: {
        document: {
          run: { font: bodyFont, size: bodyHalfPoints(cjk), language },
          paragraph: {
            spacing: { after: 160, line: cjk ? 360 : 300, lineRule: LineRuleType.AUTO },
          },
        },
        title: {
          run: { font: headingFont, size: 44, bold: true, color: '111111' },
          paragraph: { spacing: headingSpacing(0, 200), keepNext: true },
        },
        heading1: {
          run: { font: headingFont, size: 34, bold: true, color: '111111' },
          paragraph: { spacing: headingSpacing(360, 160), keepNext: true },
        },
        heading2: {
          run: { font: headingFont, size: 30, bold: true, color: '111111' },
          paragraph: { spacing: headingSpacing(320, 140), keepNext: true },
        },
        heading3: {
          run: { font: headingFont, size: 26, bold: true, color: '222222' },
          paragraph: { spacing: headingSpacing(280, 120), keepNext: true },
        },
        heading4: {
          run: { font: headingFont, size: 24, bold: true, color: '222222' },
          paragraph: { spacing: headingSpacing(240, 120), keepNext: true },
        },
        caption: {
          run: { size: 18, color: '666666', italics: false },
          paragraph: { spacing: { after: 240 } },
        },
      },
      paragraphStyles: [
        {
          id: 'BylineLead',
          name: 'Lead',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: cjk ? 26 : 24, color: '444444' },
          paragraph: { spacing: { after: 200 } },
        },
        {
          id: 'BylineMeta',
          name: 'Byline',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 18, color: '666666' },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: 'BylineQuote',
          name: 'Block Quote',
          basedOn: 'Normal',
          next: 'Normal',
          run: { color: '444444' },
          paragraph: {
            indent: { left: 567, right: 567 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'BBBBBB', space: 8 } },
          },
        },
        {
          id: 'BylineSource',
          name: 'Uncited Source',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 20 },
          paragraph: { spacing: { after: 80 }, indent: { left: 360, hanging: 360 } },
        },
        {
          id: 'BylineCode',
          name: 'Code',
          basedOn: 'Normal',
          run: { font: monoFont, size: 19 },
          paragraph: {
            spacing: { after: 0, line: 260, lineRule: LineRuleType.AUTO },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F3F3' },
          },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: size.width, height: size.height },
            margin: {
              top: marginTwips,
              bottom: marginTwips,
              left: marginTwips,
              right: marginTwips,
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '777777' }),
                ],
              }),
            ],
          }),
        },
        children: [...header, ...body],
      },
    ],
  });
  return packDocx(document);
}

/**
 * Definitions the export's own parse found and nobody cites (the last one of a label, as the
 * preview uses), each with a warning. The parse keeps no text for them, so the footnote index is
 * read for it, and only when there are any: most articles cite every source.
 */
function uncitedSources(body: string, env: object, warnings: string[]): FootnoteDefinition[] {
  // markdown-it-footnote's state: `:label` -> note number, -1 while nothing cites the label.
  const refs = (env as { footnotes?: { refs?: Record<string, number> } }).footnotes?.refs ?? {};
  const labels = Object.keys(refs)
    .filter((key) => (refs[key] ?? 0) < 0)
    .map((key) => key.slice(1));
  if (labels.length === 0) return [];
  const { definitions } = indexFootnotes(body);
  return labels.flatMap((label) => {
    const definition = definitions.findLast((d) => d.label === label);
    if (!definition) return [];
    warnings.push(`Footnote [^${label}] is never cited: listed at the end without a number.`);
    return [definition];
  });
}

/** The src of every image in a token stream, in order. */
function imageSources(tokens: readonly Token[]): string[] {
  return tokens.flatMap((token) =>
    (token.children ?? [])
      .filter((child) => child.type === 'image')
      .map((child) => String(child.attrGet('src') ?? '')),
  );
}

/** A stand-in image token for the featured image, so it goes through the same code path. */
function imageToken(src: string): Token {
  const { tokens } = parseForExport(`![](<${src.replace(/[<>]/g, '')}>)`, {
    resolveImage: () => null,
  });
  const inline = tokens.find((t) => t.type === 'inline');
  return (
    inline?.children?.find((c) => c.type === 'image') ?? ({ type: 'text', content: src } as Token)
  );
}

export async function exportDocx(context: ExportContext): Promise<ExportOutput> {
  const warnings: string[] = [];
  const bytes = await renderDocx(context, warnings);
  const file = path.join(context.outputDir, `${context.name}.docx`);
  await writeOutput(file, bytes);
  return { files: [file], warnings: [...new Set(warnings)] };
}
