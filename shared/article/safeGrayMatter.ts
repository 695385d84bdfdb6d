import { FrontMatterFailure, type FrontMatterError } from './frontMatterError';
import { parseJsonFrontMatter } from './jsonFrontMatter';
import type { LocalFrontMatterError } from './frontMatterError';
import { lineColumnAt } from './textPosition';
import { parseTomlFrontMatter } from './tomlFrontMatter';
import { parseYamlFrontMatter } from './yamlFrontMatter';

/**
 * gray-matter, defused. Its stock engines `eval` `---js`/`---javascript` front matter
 * (CVE-2021-23639) and turn YAML timestamps into Dates; calling it without options caches every
 * input forever; and `matter(string)` calls the global `Buffer`, which the renderer does not have.
 * So: always pass these options. Splitting an article does not call gray-matter at all: it reads
 * the opening delimiter and language tag exactly as `matter.test` / `matter.language` do (a test
 * compares them). The engines below are for any code that still calls `matter(...)` itself.
 */

/** Front matter languages that gray-matter would execute as code. */
export const CODE_LANGUAGES: readonly string[] = [
  'js',
  'javascript',
  'coffee',
  'coffeescript',
  'cson',
];

export function forbiddenEngineError(language: string): FrontMatterError {
  return {
    kind: 'forbidden-engine',
    message: `"${language}" front matter is code; Byline never runs it`,
    line: 1,
    column: 1,
  };
}

function refuse(language: string): () => never {
  return () => {
    throw new FrontMatterFailure(forbiddenEngineError(language));
  };
}

/** Engine errors carry positions relative to the block; the block starts on line 2 of the file. */
function engine(
  parseBlock: (content: string) => {
    data: Record<string, unknown> | null;
    error: LocalFrontMatterError | null;
  },
) {
  return (content: string): object => {
    const { data, error } = parseBlock(content);
    if (error || !data) {
      const local = lineColumnAt(content, error?.offset ?? 0);
      throw new FrontMatterFailure({
        kind: error?.kind ?? 'syntax',
        message: error?.message ?? 'Invalid front matter',
        line: local.line + 1,
        column: local.column,
      });
    }
    return data;
  };
}

export const SAFE_MATTER_ENGINES = {
  js: refuse('js'),
  javascript: refuse('javascript'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'),
  cson: refuse('cson'),
  yaml: engine(parseYamlFrontMatter),
  yml: engine(parseYamlFrontMatter),
  toml: engine(parseTomlFrontMatter),
  json: engine(parseJsonFrontMatter),
};

export type FrontMatterDelimiter = '---' | '+++';

/** A fresh options object per call: gray-matter caches only when options are absent. */
export function safeMatterOptions(delimiter: FrontMatterDelimiter) {
  return {
    delimiters: delimiter,
    language: delimiter === '+++' ? 'toml' : 'yaml',
    engines: SAFE_MATTER_ENGINES,
  };
}

/**
 * Does `text` (BOM already removed) open with this delimiter, as gray-matter sees it?
 * gray-matter's `matter.test` is a plain prefix test; a delimiter followed by one more of its
 * characters ("----") is not one. Written out here so that splitting an article does not load
 * gray-matter and js-yaml (the command line's start compiles everything it imports).
 */
export function opensWith(text: string, delimiter: FrontMatterDelimiter): boolean {
  return text.startsWith(delimiter) && text[3] !== delimiter[0];
}

/**
 * The language tag after the opening delimiter ("---yaml", "---js"), lower-cased; '' for none.
 * Returns null when the rest of the opening line is not a single word, which is no front matter.
 * `text` must contain a line break. Reads the tag as gray-matter's `matter.language` does: the
 * rest of the first line after the delimiter, trimmed.
 */
export function openingLanguage(text: string, delimiter: FrontMatterDelimiter): string | null {
  const rest = text.startsWith(delimiter) ? text.slice(delimiter.length) : text;
  const name = rest.slice(0, rest.search(/\r?\n/)).trim();
  if (name === '') return '';
  return /^[A-Za-z][\w.+-]*$/.test(name) ? name.toLowerCase() : null;
}
