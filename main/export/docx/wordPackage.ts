import { zipPackage, type PackageFileData } from '../zipPackage';
import { corePropertiesXml, type CoreProperties } from './coreProperties';
import type { DocumentWriter } from './documentWriter';
import { languageMark } from './languageMark';
import { referenceParts } from './referenceParts.generated';
import { footerRelationshipId } from './relationships';
import { xmlAttribute } from './xml';

export interface PageLayout {
  width: number;
  height: number;
  margin: number;
}

/** Pictures in formats that are compressed already: deflating them again gains next to nothing. */
export const isCompressedMedia = (path: string): boolean =>
  /^word\/media\/[^/]+\.(?:png|jpe?g|gif)$/i.test(path);

const sectionProperties = (page: PageLayout): string =>
  `<w:sectPr><w:footerReference w:type="default" r:id="${footerRelationshipId}"/>` +
  `<w:pgSz w:w="${page.width}" w:h="${page.height}" w:orient="portrait"/>` +
  `<w:pgMar w:top="${page.margin}" w:right="${page.margin}" w:bottom="${page.margin}" w:left="${page.margin}" w:header="708" w:footer="708" w:gutter="0"/>` +
  '<w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>';

/**
 * The .docx bytes: the reference parts as they are (styles in the article's script, its
 * language set), the parts the writer wrote, and the pictures, zipped.
 */
export function wordPackage(
  writer: DocumentWriter,
  options: { cjk: boolean; lang: string; page: PageLayout; properties: CoreProperties },
): Buffer {
  const reference = referenceParts;
  const styles = (options.cjk ? reference.cjkStyles : reference.latinStyles).replaceAll(
    languageMark,
    xmlAttribute(options.lang),
  );
  const footnotes = [...writer.footnotes.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([id, paragraphs]) =>
        `<w:footnote w:id="${id}">${paragraphs.length > 0 ? paragraphs.join('') : '<w:p/>'}</w:footnote>`,
    )
    .join('');
  const files: [string, PackageFileData][] = [
    ['[Content_Types].xml', reference.contentTypes],
    ['_rels/.rels', reference.packageRelationships],
    ['docProps/core.xml', corePropertiesXml(options.properties)],
    ['docProps/app.xml', reference.appProperties],
    ['docProps/custom.xml', reference.customProperties],
    [
      'word/document.xml',
      `${reference.documentStart}<w:body>${writer.body.join('')}${sectionProperties(options.page)}</w:body></w:document>`,
    ],
    ['word/_rels/document.xml.rels', writer.documentRelationships.xml()],
    ['word/styles.xml', styles],
    ['word/numbering.xml', `${reference.numberingStart}${writer.numbering.xml()}</w:numbering>`],
    ['word/footnotes.xml', `${reference.footnotesStart}${footnotes}</w:footnotes>`],
    ['word/_rels/footnotes.xml.rels', writer.footnoteRelationships.xml()],
    ['word/endnotes.xml', reference.endnotes],
    ['word/_rels/endnotes.xml.rels', reference.emptyRelationships],
    ['word/settings.xml', reference.settings],
    ['word/fontTable.xml', reference.fontTable],
    ['word/_rels/fontTable.xml.rels', reference.emptyRelationships],
    ['word/theme/theme1.xml', reference.theme],
    ['word/footer1.xml', reference.footer],
    ['word/_rels/footer1.xml.rels', reference.emptyRelationships],
    ...writer.pictures.media,
  ];
  return zipPackage(files, { store: isCompressedMedia });
}
