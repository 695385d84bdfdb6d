// Importing the rules registers them; add a rule file here to make `check` run it.
import './rules/frontMatterRules';
import './rules/footnoteRules';
import './rules/citationRules';
import './rules/publishChecklistRules';
import './rules/privateCommentRules';
import './rules/cjkEmphasisRules';

export {
  checkArticle,
  createCheckContext,
  registerArticleRule,
  runArticleRules,
} from './articleCheck';
export type { ArticleCheckContext, ArticleRule, WorkspaceFacts } from './articleCheck';
export type { Finding, Severity } from './finding';
