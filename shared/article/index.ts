// The lossless article model: split, parse and edit front matter without rewriting a byte the
// writer did not ask to change. See docs/article-model.md.
export { splitArticle, joinArticle } from './splitArticle';
export type { ArticleParts, FrontMatterBlock, FrontMatterFormat, TextRange } from './splitArticle';
export { parseArticle, analyzeArticle } from './frontMatter';
export type { ParsedArticle, ArticleModel } from './frontMatter';
export type { FrontMatterError, FrontMatterErrorKind } from './frontMatterError';
export { FrontMatterFailure } from './frontMatterError';
export {
  planSetField,
  planRemoveField,
  planSetFieldRaw,
  createFrontMatter,
  applyChanges,
} from './fieldEdits';
export type { FieldValue, EditPlan, TextChange } from './fieldEdits';
export { safeMatterOptions, SAFE_MATTER_ENGINES } from './safeGrayMatter';
export { isPlainText } from './hugoYamlScalars';
export { lineColumnAt } from './textPosition';
export type { LineColumn } from './textPosition';
