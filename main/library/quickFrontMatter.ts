import { isPlainText } from '../../shared/article';

/**
 * A fast reader for the plain YAML most front matter is written in: `key: scalar`, `key: [a, b]`
 * and `key:` followed by `- item` lines. It gives exactly what parseArticle's YAML parser gives
 * (Hugo's YAML scalars, timestamps kept as strings, unique keys) or null the moment a line is anything
 * else, and the caller then runs the full parser. The full parser costs ~100 µs per article,
 * most of a cold index of 10,000 articles; this costs a few µs. quickFrontMatter.test.ts checks
 * it against parseArticle on generated input.
 */
export function quickYamlFields(content: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  let listKey: string | null = null;
  let list: unknown[] | null = null;
  let listIndent = -1;
  const lines = content.split('\n');
  for (let raw of lines) {
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const line = raw.trimEnd();
    if (line === '' || /^[ ]*#/.test(line)) continue;
    const item = /^( *)-(?:[ \t]+(.*))?$/.exec(line);
    if (item) {
      if (listKey === null) return null;
      const indent = (item[1] ?? '').length;
      if (listIndent === -1) listIndent = indent;
      else if (indent !== listIndent) return null;
      const value = item[2] === undefined ? undefined : scalar(item[2]);
      if (value === undefined) return null;
      (list ??= []).push(value);
      data[listKey] = list;
      continue;
    }
    const field = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$/.exec(line);
    if (!field) return null;
    const key = field[1] as string;
    if (Object.hasOwn(data, key) || key === '__proto__') return null;
    listKey = null;
    list = null;
    listIndent = -1;
    const text = field[2] ?? '';
    if (text === '') {
      // Null unless list items follow.
      data[key] = null;
      listKey = key;
      continue;
    }
    const value = text.startsWith('[') ? flowList(text) : scalar(text);
    if (value === undefined) return null;
    data[key] = value;
  }
  return data;
}

/** One scalar on one line; undefined when it is not certainly the simple kind. */
function scalar(text: string): unknown {
  if (text.startsWith('"')) return doubleQuoted(text);
  if (text.startsWith("'")) return singleQuoted(text);
  return plain(text);
}

function plain(text: string): unknown {
  // Indicators, comments and nested mappings are the full parser's job.
  if (/^[-?:,[\]{}#&*!|>%@`]/.test(text) || /[ \t]#|:(?:[ \t]|$)/.test(text)) return undefined;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  // A leading 0 makes an octal number (`010` is 8): the full parser's job.
  if (/^(?:0|[1-9][0-9]{0,14})$/.test(text)) return Number(text);
  // Everything else Hugo reads as null, `yes`/`off`, or a number: the full parser's job.
  return isPlainText(text) ? text : undefined;
}

function doubleQuoted(text: string): unknown {
  // Only the escapes YAML and JSON share, and no raw control characters (JSON.parse refuses them).
  // eslint-disable-next-line no-control-regex
  if (!/^"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/.test(text)) return undefined;
  return JSON.parse(text) as string;
}

function singleQuoted(text: string): unknown {
  const match = /^'((?:[^']|'')*)'$/.exec(text);
  return match ? (match[1] as string).replace(/''/g, "'") : undefined;
}

function flowList(text: string): unknown {
  const match = /^\[([^[\]{}]*)\]$/.exec(text);
  if (!match) return undefined;
  const inner = (match[1] as string).trim();
  if (inner === '') return [];
  const values: unknown[] = [];
  for (const part of inner.split(',')) {
    const item = part.trim();
    // A quoted item holding a comma was split in two; its halves fail the quoted patterns.
    if (item === '') return undefined;
    const value = scalar(item);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}
