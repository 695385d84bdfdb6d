import { analyzeArticle, type ArticleModel } from '../../shared/article/frontMatter';
import { splitArticle } from '../../shared/article/splitArticle';

/**
 * Reads the front matter of each text the panel is given, parsing the block again only when it
 * changed: the panel gets a new text every second while the writer types, and parsing the YAML
 * again each time made garbage and handed the form new field values that re-rendered every
 * control. While the block (closing line break included) is unchanged, the model keeps the same
 * `data`, `error` and syntax tree objects; only its parts (body, line ending) are taken afresh.
 */
export function frontMatterReader(): (text: string) => ArticleModel {
  let last: {
    text: string;
    model: ArticleModel;
    /** The text up to the end of the front matter block; null when a reparse is needed. */
    block: string | null;
  } | null = null;
  return (text) => {
    if (last?.text === text) return last.model;
    if (last && last.block !== null && text.startsWith(last.block)) {
      // The same opening and closing fence at the same place: the same block, so the same fields.
      const model: ArticleModel = { ...last.model, parts: splitArticle(text) };
      last = { ...last, text, model };
      return model;
    }
    const model = analyzeArticle(text);
    const front = model.error ? null : model.parts.frontMatter;
    last = {
      text,
      model,
      // Without its closing line break the block may still grow ("---" typed on into "----").
      block: front && front.closeLineBreak !== '' ? text.slice(0, front.range.to) : null,
    };
    return model;
  };
}
