import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TextRun,
} from 'docx';
import { monoFont } from './fonts';
import { languageMark } from './languageMark';
import type { ReferenceParts } from './referenceTypes';

/**
 * The styles of Byline's Word files, described with the docx library: body and heading fonts (Han
 * fonts for CJK), sizes, spacing, the lead, byline, quote, code and uncited-source styles.
 */
function referenceDocument(cjk: boolean): Document {
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
  // The document's language is set per article in the written styles (see `languageMark`).
  const language = cjk
    ? { value: 'en-US', eastAsia: languageMark }
    : { value: languageMark, eastAsia: 'zh-CN' };
  /**
   * Multi-line titles and headings need their own line rule: a `w:line` without `w:lineRule` is
   * read differently by Word and LibreOffice, and the lines of a large title then overprint.
   */
  const headingSpacing = (before: number, after: number) =>
    ({ before, after, line: 276, lineRule: LineRuleType.AUTO }) as const;
  const numberingLevels = (format: 'bullet' | 'decimal') =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
      text: format === 'bullet' ? (['•', '◦', '▪'][level % 3] ?? '•') : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    }));
  return new Document({
    features: { updateFields: false },
    footnotes: { 1: { children: [new Paragraph(footnoteMark)] } },
    numbering: {
      config: [
        { reference: 'byline-bullets', levels: numberingLevels('bullet') },
        { reference: 'byline-ordered', levels: numberingLevels('decimal') },
      ],
    },
    styles: {
      default: {
        document: {
          run: { font: bodyFont, size: cjk ? 24 : 22, language },
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
        children: [
          new Paragraph({ children: [new TextRun(bodyMark), new FootnoteReferenceRun(1)] }),
        ],
      },
    ],
  });
}

const bodyMark = 'x-byline-body';
const footnoteMark = 'x-byline-note';

/** The part of `xml` before `marker`, which must be there. */
function before(xml: string, marker: string, name: string): string {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`${name}: no ${marker}`);
  return xml.slice(0, at);
}

/**
 * The parts of a Byline Word file that do not depend on the article, as the docx library writes
 * them: run at build time (referenceParts.test.ts checks the committed copy is what this gives),
 * so exports write them as constants and never load the library.
 */
export function buildReferenceParts(): ReferenceParts {
  const compile = (cjk: boolean): Map<string, string> => {
    const compiler = (
      Packer as unknown as {
        compiler: { compile(d: Document): Map<string, unknown> };
      }
    ).compiler;
    const files = new Map<string, string>();
    for (const [path, data] of compiler.compile(referenceDocument(cjk)))
      if (typeof data === 'string') files.set(path, data);
    return files;
  };
  const latin = compile(false);
  const cjk = compile(true);
  const part = (path: string): string => {
    const xml = latin.get(path);
    if (xml === undefined) throw new Error(`docx wrote no ${path}`);
    return xml;
  };
  const numbering = part('word/numbering.xml');
  const firstNum = '<w:num w:numId="1">';
  return {
    contentTypes: part('[Content_Types].xml'),
    packageRelationships: part('_rels/.rels'),
    customProperties: part('docProps/custom.xml'),
    appProperties: part('docProps/app.xml'),
    settings: part('word/settings.xml'),
    fontTable: part('word/fontTable.xml'),
    theme: part('word/theme/theme1.xml'),
    footer: part('word/footer1.xml'),
    endnotes: part('word/endnotes.xml'),
    emptyRelationships: part('word/_rels/footnotes.xml.rels'),
    documentStart: before(part('word/document.xml'), '<w:body>', 'document.xml'),
    footnotesStart: before(part('word/footnotes.xml'), '<w:footnote w:id="1">', 'footnotes.xml'),
    numberingStart:
      before(numbering, firstNum, 'numbering.xml') +
      numbering.slice(numbering.indexOf(firstNum), numbering.indexOf('</w:num>') + 8),
    latinStyles: part('word/styles.xml'),
    cjkStyles: cjk.get('word/styles.xml') ?? '',
  };
}
