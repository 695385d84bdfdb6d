import {
  isMap,
  isSeq,
  parseDocument,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { YAML_PARSE_OPTIONS } from './yamlFrontMatter';

export type YamlScalarStyle =
  'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** Where the scalar will sit; plain scalars are legal in different places. */
export type YamlScalarContext = 'map-value' | 'seq-item' | 'flow' | 'map-key';

export type YamlScalarValue = string | number | boolean | null;

export interface YamlScalarTarget {
  style: YamlScalarStyle;
  context: YamlScalarContext;
  /** Indentation of block scalar content lines (must be non-empty). */
  indent: string;
  eol: '\n' | '\r\n';
}

function same(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (typeof a === 'number' && typeof b === 'number' && a === b);
}

function readsBack(
  rendered: string,
  value: YamlScalarValue,
  context: YamlScalarContext,
  eol: string,
): boolean {
  const source =
    context === 'map-key'
      ? `${rendered}: x${eol}`
      : context === 'seq-item'
        ? `- ${rendered}${eol}`
        : context === 'flow'
          ? `[${rendered}]${eol}`
          : `k: ${rendered}${eol}`;
  return (
    readsBackIn(parseDocument(source, YAML_PARSE_OPTIONS), value, context) &&
    readsBackIn(parseDocument(source, HUGO_YAML_OPTIONS), value, context)
  );
}

function readsBackIn(doc: Document, value: YamlScalarValue, context: YamlScalarContext): boolean {
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  const contents = doc.contents;
  if (context === 'map-key') {
    if (!isMap(contents) || contents.items.length !== 1) return false;
    const key: unknown = (
      contents.items[0]?.key as { toJSON?: () => unknown } | undefined
    )?.toJSON?.();
    return same(key, value);
  }
  if (context === 'map-value') {
    if (!isMap(contents) || contents.items.length !== 1) return false;
    return same((doc.toJS() as Record<string, unknown>)['k'], value);
  }
  if (!isSeq(contents) || contents.items.length !== 1) return false;
  return same((doc.toJS() as unknown[])[0], value);
}

/** Does `rendered`, placed in `context`, read back as exactly `value`? (`*a` throws: no anchor.) */
function readsBackAs(
  rendered: string,
  value: YamlScalarValue,
  context: YamlScalarContext,
  eol: string,
): boolean {
  // The `yaml` package reads these raw; go-yaml, and so Hugo's build, refuses them.
  if (YAML_11_LINE_BREAKS.test(rendered) || NON_PRINTABLE.test(rendered)) return false;
  try {
    return readsBack(rendered, value, context, eol);
  } catch {
    return false;
  }
}

/**
 * Hugo 0.111 reads front matter with go-yaml v2, i.e. YAML 1.1: `yes`, `off`, `y` are booleans and
 * `1_000`, `0b11` numbers there, though strings in YAML 1.2. A value must read back the same in
 * both. Timestamps stay out: go-yaml hands Hugo a typed date back as the text it was.
 */
const HUGO_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: (tags) =>
    tags.filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp'),
  resolveKnownTags: false,
};

/** NEL, LS and PS: printable in YAML 1.2, line breaks in YAML 1.1 (a raw one breaks Hugo's build). */
const YAML_11_LINE_BREAKS = /[\x85\u2028\u2029]/;

/** Characters YAML does not allow raw in a stream (besides tab and line breaks). */
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** A double-quoted scalar: JSON's escapes are YAML's, plus the few characters JSON leaves raw. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\x7f-\x9f\u2028\u2029\ufffe\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function singleQuoted(value: string): string | null {
  if (/[\r\n]/.test(value) || NON_PRINTABLE.test(value)) return null;
  return `'${value.replace(/'/g, "''")}'`;
}

function blockScalar(value: string, folded: boolean, target: YamlScalarTarget): string | null {
  if (
    value === '' ||
    NON_PRINTABLE.test(value) ||
    value.includes('\r') ||
    target.context === 'flow' ||
    target.context === 'map-key'
  ) {
    return null;
  }
  const trailing = /\n*$/.exec(value)?.[0].length ?? 0;
  const body = value.slice(0, value.length - trailing);
  // go-yaml finds a block's indentation on its first non-empty line and refuses a tab there.
  if (/^\n*\t/.test(body)) return null;
  // Folding turns single line breaks into spaces, so only one-line text stays folded.
  if (folded && body.includes('\n')) return null;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const lines = body.split('\n').map((line) => (line === '' ? '' : target.indent + line));
  return (
    (folded ? '>' : '|') +
    chomp +
    target.eol +
    lines.join(target.eol) +
    target.eol.repeat(Math.max(0, trailing - 1))
  );
}

function nonString(value: number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * Renders a scalar in the requested style when YAML can hold the value that way, falling back to
 * plain and then to double quotes. Every candidate is parsed back before it is used, so a string
 * like "true", "1.0", "a: b" or "# x" is never written plain.
 */
export function renderYamlScalar(value: YamlScalarValue, target: YamlScalarTarget): string {
  if (typeof value !== 'string') return nonString(value);
  const candidates: Array<string | null> = [];
  switch (target.style) {
    case 'QUOTE_SINGLE':
      candidates.push(singleQuoted(value));
      break;
    case 'QUOTE_DOUBLE':
      candidates.push(doubleQuoted(value));
      break;
    case 'BLOCK_LITERAL':
      candidates.push(blockScalar(value, false, target));
      break;
    case 'BLOCK_FOLDED':
      candidates.push(blockScalar(value, true, target), blockScalar(value, false, target));
      break;
    case 'PLAIN':
      break;
  }
  if (!/[\r\n]/.test(value) && value !== '') candidates.push(value);
  for (const candidate of candidates) {
    if (candidate !== null && readsBackAs(candidate, value, target.context, target.eol))
      return candidate;
  }
  return doubleQuoted(value);
}

/** A mapping key, plain when possible. */
export function renderYamlKey(key: string): string {
  return renderYamlScalar(key, { style: 'PLAIN', context: 'map-key', indent: '  ', eol: '\n' });
}

/** Any plain data value as YAML flow text ("[a, b]", "{"k": 1}"); strings double-quoted. */
export function renderYamlFlowValue(value: unknown): string {
  if (typeof value === 'string') return doubleQuoted(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return nonString(value);
  if (Array.isArray(value)) return `[${value.map(renderYamlFlowValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${doubleQuoted(key)}: ${renderYamlFlowValue(inner)}`)
      .join(', ')}}`;
  }
  return doubleQuoted(String(value));
}
