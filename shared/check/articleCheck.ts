import { analyzeArticle, type ArticleModel } from '../article/frontMatter';
import type { FootnoteIndex } from '../footnotes/footnoteIndex';
import { indexFootnotes } from '../footnotes/footnoteIndex';
import { compareIdentifiers } from '../text/compareIdentifiers';
import { unmetered, type WorkMeter } from '../text/workMeter';
import type { RenderProfile } from '../markdown/renderProfile';
import type { Finding } from './finding';

/** Everything a rule may look at, computed once per article. */
export interface ArticleCheckContext {
  /** Workspace-relative (or CLI-given) path, for messages. */
  path: string;
  text: string;
  /** Split and parsed once, syntax tree included, for every rule (parsing is most of a check). */
  article: ArticleModel;
  footnotes: FootnoteIndex;
  /** Workspace-level facts rules may need (schema, whether a file exists). */
  workspace: WorkspaceFacts;
  /** Ticked by the scans rules run; a budgeted meter stops a pathological article. */
  meter: WorkMeter;
}

export interface WorkspaceFacts {
  /** Does this workspace-relative or article-relative path exist? Undefined when unknown. */
  fileExists?: (articleRelativePath: string) => boolean;
  /** The workspace's front-matter schema, when one is known (see shared/frontMatterSchema). */
  schema?: unknown;
  /** How the site renders Markdown (its Goldmark settings); Hugo's defaults when unknown. */
  profile?: Readonly<RenderProfile>;
}

export type ArticleRule = (context: ArticleCheckContext) => Finding[];

const rules: ArticleRule[] = [];

/** Rules register themselves once, at module load, from shared/check/rules/. */
export function registerArticleRule(rule: ArticleRule): void {
  rules.push(rule);
}

export function createCheckContext(
  path: string,
  text: string,
  workspace: WorkspaceFacts = {},
  meter: WorkMeter = unmetered,
): ArticleCheckContext {
  const article = analyzeArticle(text);
  meter.tick(text.length);
  const footnotes = indexFootnotes(text, { meter });
  return { path, text, article, footnotes, workspace, meter };
}

/** Runs every registered rule; findings sorted by position. */
export function checkArticle(
  path: string,
  text: string,
  workspace: WorkspaceFacts = {},
  meter: WorkMeter = unmetered,
): Finding[] {
  return runArticleRules(createCheckContext(path, text, workspace, meter));
}

/** Runs every registered rule on a context made once (the CLI reads the parsed body from it too). */
export function runArticleRules(context: ArticleCheckContext): Finding[] {
  return rules
    .flatMap((rule) => rule(context))
    .sort((a, b) => a.line - b.line || a.column - b.column || compareIdentifiers(a.rule, b.rule));
}
