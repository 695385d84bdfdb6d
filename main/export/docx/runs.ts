import { monoFont } from './fonts';
import { xmlAttribute, xmlText } from './xml';

/** How a run of text looks; every field off unless set. */
export interface RunFormat {
  style?: string;
  code?: boolean;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  color?: string;
  superscript?: boolean;
  /** Han text inside emphasis: emphasis dots (着重号), never a faux italic. */
  emphasisDots?: boolean;
}

const monoFonts = `<w:rFonts w:ascii="${monoFont.ascii}" w:cs="${monoFont.cs}" w:eastAsia="${monoFont.eastAsia}" w:hAnsi="${monoFont.hAnsi}"/>`;

/** `<w:rPr>` in the schema's element order, or nothing for plain text. */
export function runProperties(format: RunFormat): string {
  let xml = '';
  if (format.style) xml += `<w:rStyle w:val="${format.style}"/>`;
  if (format.code) xml += monoFonts;
  if (format.bold) xml += '<w:b/><w:bCs/>';
  if (format.italics && !format.emphasisDots) xml += '<w:i/><w:iCs/>';
  if (format.strike) xml += '<w:strike/>';
  if (format.color) xml += `<w:color w:val="${format.color}"/>`;
  if (format.superscript) xml += '<w:vertAlign w:val="superscript"/>';
  if (format.emphasisDots) xml += '<w:em w:val="dot"/>';
  return xml ? `<w:rPr>${xml}</w:rPr>` : '';
}

/** A run of text; its spaces kept as they are, at the edges too. */
export const textRun = (text: string, format: RunFormat = {}): string =>
  `<w:r>${runProperties(format)}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;

export const lineBreakRun = '<w:r><w:br/></w:r>';

/** How a paragraph is laid out; what is not set comes from its style. */
export interface ParagraphFormat {
  style?: string;
  /** true keeps it with the next paragraph; false says so explicitly. */
  keepNext?: boolean;
  keepLines?: boolean;
  list?: { numId: number; level: number };
  bottomRule?: boolean;
  /** Single line spacing, measured: a fixed line height would crop a picture to a strip. */
  singleSpacing?: boolean;
  indent?: { left: number } | { firstLine: number; firstLineChars: number };
  align?: 'left' | 'center' | 'right';
}

/** `<w:pPr>` in the schema's element order, or nothing. */
export function paragraphProperties(format: ParagraphFormat): string {
  let xml = '';
  if (format.style) xml += `<w:pStyle w:val="${xmlAttribute(format.style)}"/>`;
  if (format.keepNext !== undefined)
    xml += format.keepNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
  if (format.keepLines) xml += '<w:keepLines/>';
  if (format.list)
    xml += `<w:numPr><w:ilvl w:val="${format.list.level}"/><w:numId w:val="${format.list.numId}"/></w:numPr>`;
  if (format.bottomRule)
    xml += '<w:pBdr><w:bottom w:val="single" w:color="999999" w:sz="6" w:space="1"/></w:pBdr>';
  if (format.singleSpacing) xml += '<w:spacing w:line="240" w:lineRule="auto"/>';
  if (format.indent)
    xml +=
      'left' in format.indent
        ? `<w:ind w:left="${format.indent.left}"/>`
        : `<w:ind w:firstLine="${format.indent.firstLine}" w:firstLineChars="${format.indent.firstLineChars}"/>`;
  if (format.align) xml += `<w:jc w:val="${format.align}"/>`;
  return xml ? `<w:pPr>${xml}</w:pPr>` : '';
}

export const paragraph = (format: ParagraphFormat, content: string): string =>
  `<w:p>${paragraphProperties(format)}${content}</w:p>`;
