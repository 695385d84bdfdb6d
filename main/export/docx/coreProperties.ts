import { xmlText } from './xml';

export interface CoreProperties {
  title: string;
  /** The lead, as subject and description. */
  lead?: string;
  /** Comma-separated; left out when empty. */
  creator: string;
  keywords: string;
  /** When the file is written (ISO 8601). */
  written: string;
}

/** docProps/core.xml: what Word's File > Info and a file manager show. */
export function corePropertiesXml(properties: CoreProperties): string {
  const lead = properties.lead === undefined ? undefined : xmlText(properties.lead);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(properties.title)}</dc:title>` +
    (lead === undefined ? '' : `<dc:subject>${lead}</dc:subject>`) +
    `<dc:creator>${xmlText(properties.creator)}</dc:creator>` +
    (properties.keywords ? `<cp:keywords>${xmlText(properties.keywords)}</cp:keywords>` : '') +
    (lead === undefined ? '' : `<dc:description>${lead}</dc:description>`) +
    '<cp:lastModifiedBy>Byline</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${properties.written}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${properties.written}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
