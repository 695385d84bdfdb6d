import type { Document } from 'yaml';
import { placeError, type FrontMatterError } from './frontMatterError';
import type { JsonSpan } from './jsonSource';
import { parseJsonFrontMatter } from './jsonFrontMatter';
import { CODE_LANGUAGES, forbiddenEngineError } from './safeGrayMatter';
import { splitArticle, type ArticleParts } from './splitArticle';
import { parseTomlFrontMatter } from './tomlFrontMatter';
import { parseYamlFrontMatter } from './yamlFrontMatter';

export interface ParsedArticle {
  parts: ArticleParts;
  /** The fields; `{}` when there is no front matter, null when it could not be read. */
  data: Record<string, unknown> | null;
  error: FrontMatterError | null;
}

/** What the edit planners need beyond ParsedArticle: the format's own syntax tree or spans. */
export type ArticleModel = ParsedArticle &
  (
    | { syntax: 'none' }
    | { syntax: 'yaml'; doc: Document.Parsed }
    | { syntax: 'toml' }
    | { syntax: 'json'; root: JsonSpan | null }
  );

/** Parses an article and keeps the syntax tree for edits. The text itself is never rewritten. */
export function analyzeArticle(text: string): ArticleModel {
  const parts = splitArticle(text);
  const fm = parts.frontMatter;
  if (parts.error) return { parts, data: null, error: parts.error, syntax: 'none' };
  if (!fm) return { parts, data: {}, error: null, syntax: 'none' };

  const language = fm.language;
  const known = language === '' || ['yaml', 'yml', 'toml', 'json'].includes(language);
  if (!known) {
    const error = CODE_LANGUAGES.includes(language)
      ? forbiddenEngineError(language)
      : {
          ...forbiddenEngineError(language),
          message: `Unsupported front matter language "${language}"`,
        };
    return { parts, data: null, error: { ...error, line: fm.startLine + 1 }, syntax: 'none' };
  }

  const base = fm.contentRange.from;
  switch (fm.format) {
    case 'yaml': {
      const { doc, data, error } = parseYamlFrontMatter(fm.content);
      return { parts, data, error: error && placeError(text, base, error), syntax: 'yaml', doc };
    }
    case 'toml': {
      const { data, error } = parseTomlFrontMatter(fm.content);
      return { parts, data, error: error && placeError(text, base, error), syntax: 'toml' };
    }
    case 'json': {
      const { root, data, error } = parseJsonFrontMatter(fm.content);
      return { parts, data, error: error && placeError(text, base, error), syntax: 'json', root };
    }
  }
}

/** Splits and parses an article: `{ parts, data, error }`. Positions in `error` are whole-file. */
export function parseArticle(text: string): ParsedArticle {
  const { parts, data, error } = analyzeArticle(text);
  return { parts, data, error };
}
