/** The parts of a Word file that are the same for every article (see buildReferenceParts.ts). */
export interface ReferenceParts {
  contentTypes: string;
  packageRelationships: string;
  customProperties: string;
  appProperties: string;
  settings: string;
  fontTable: string;
  theme: string;
  footer: string;
  endnotes: string;
  /** The relationships of a part that has none. */
  emptyRelationships: string;
  /** word/document.xml up to `<w:body>`: the declaration and the root with its namespaces. */
  documentStart: string;
  /** word/footnotes.xml up to the first note: the root and the two separator notes. */
  footnotesStart: string;
  /** word/numbering.xml's list definitions and the default instance, `</w:numbering>` left off. */
  numberingStart: string;
  /** word/styles.xml, the document language written as `languageMark`. */
  latinStyles: string;
  cjkStyles: string;
}
