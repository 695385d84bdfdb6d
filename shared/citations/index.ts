// Footnote citations as structured sources: parse and format definitions, analyse an article's
// footnotes, and plan edits (insert, renumber, restyle) as text changes. See docs/references.md.
export * from './source';
export * from './newsStyle';
export * from './articleLanguage';
export * from './citationAnalysis';
export * from './definitionLayout';
export * from './renumber';
export * from './insertCitation';
export * from './restyle';
export * from './library';
