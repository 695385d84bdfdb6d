import {
  isMap,
  isScalar,
  parseDocument,
  type YAMLMap,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import type { LocalFrontMatterError } from './frontMatterError';
import { HUGO_YAML_SCALAR_TAGS } from './hugoYamlScalars';
import { yamlDepthError } from './nestingDepth';

/** Alias expansion cap (the `yaml` default), kept explicit so nobody "fixes" it away: alias bombs. */
export const YAML_MAX_ALIAS_COUNT = 100;

/**
 * Hugo's reading of plain scalars (go-yaml v2, see hugoYamlScalars.ts) on YAML's failsafe schema,
 * also under a `%YAML` directive, so the form, the checks and the exports see the values the site
 * publishes: `draft: no` is false, `title: yes` is true. No implicitly known extra tags: timestamps
 * (`2025-06-18T11:20:04+08:00`, `2024-05-01`) and `!!binary` stay the strings the writer typed
 * instead of becoming Date/Buffer objects that serialize differently. Merge keys (`<<: *base`)
 * are resolved because Hugo resolves them.
 */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'failsafe',
  customTags: HUGO_YAML_SCALAR_TAGS,
  version: '1.2',
  merge: true,
  resolveKnownTags: false,
  uniqueKeys: true,
  prettyErrors: false,
};

export interface ParsedYaml {
  doc: Document.Parsed;
  data: Record<string, unknown> | null;
  error: LocalFrontMatterError | null;
}

/** The `yaml` package appends " at line X, column Y:" plus a code frame to some messages. */
function bareMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
}

/**
 * Hugo decodes the top level into a map of strings, where go-yaml keeps a key's text as written:
 * `yes:` and `1_000:` name the fields "yes" and "1_000" (nested keys become "true" and "1000").
 */
function keepFieldNamesAsWritten(root: YAMLMap): void {
  for (const { key } of root.items) {
    if (
      isScalar(key) &&
      key.source !== undefined &&
      typeof key.value !== 'string' &&
      key.value !== null
    )
      key.value = key.source;
  }
}

/** Parses YAML front matter text (between the delimiters). Offsets in errors are into `content`. */
export function parseYamlFrontMatter(content: string): ParsedYaml {
  const tooDeep = yamlDepthError(content);
  if (tooDeep) return { doc: parseDocument('', YAML_PARSE_OPTIONS), data: null, error: tooDeep };
  const doc = parseDocument(content, YAML_PARSE_OPTIONS);
  const first = doc.errors[0];
  if (first) {
    return {
      doc,
      data: null,
      error: {
        kind: first.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax',
        message: bareMessage(first.message),
        offset: first.pos[0],
      },
    };
  }
  if (doc.contents === null || (!isMap(doc.contents) && doc.contents.toJSON() === null)) {
    // Empty or comment-only front matter is an empty map, as Hugo sees it.
    return { doc, data: {}, error: null };
  }
  if (!isMap(doc.contents)) {
    return {
      doc,
      data: null,
      error: {
        kind: 'not-a-map',
        message: 'Front matter must be a map of fields (key: value)',
        offset: doc.contents.range?.[0] ?? 0,
      },
    };
  }
  keepFieldNamesAsWritten(doc.contents);
  try {
    const data: unknown = doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
    return { doc, data: data as Record<string, unknown>, error: null };
  } catch (error) {
    return {
      doc,
      data: null,
      error: { kind: 'syntax', message: bareMessage(String((error as Error).message)), offset: 0 },
    };
  }
}

/** Parses a single YAML value (used for raw edits), with the same safety options. */
export function parseYamlValue(source: string): {
  value: unknown;
  doc: Document.Parsed;
  error: LocalFrontMatterError | null;
} {
  const tooDeep = yamlDepthError(source);
  if (tooDeep)
    return { value: undefined, doc: parseDocument('', YAML_PARSE_OPTIONS), error: tooDeep };
  const doc = parseDocument(source, YAML_PARSE_OPTIONS);
  const first = doc.errors[0];
  if (first) {
    return {
      value: undefined,
      doc,
      error: {
        kind: first.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax',
        message: bareMessage(first.message),
        offset: first.pos[0],
      },
    };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT }), doc, error: null };
  } catch (error) {
    return {
      value: undefined,
      doc,
      error: { kind: 'syntax', message: bareMessage(String((error as Error).message)), offset: 0 },
    };
  }
}
