import { skipTomlComment, skipTomlString } from './tomlLexer';

/** Source range of a TOML value; arrays also carry their items' ranges. */
export interface TomlValueSpan {
  kind: 'scalar' | 'string' | 'array' | 'inline-table';
  from: number;
  to: number;
  items: TomlValueSpan[];
}

/** A `key = value` line before the first table header. */
export interface TomlEntry {
  /** Dotted keys (`a.b = 1`) are listed with their full path. */
  path: string[];
  lineFrom: number;
  /** Just past the line break after the value (and its trailing comment). */
  lineTo: number;
  value: TomlValueSpan;
}

export interface TomlTopLevel {
  entries: TomlEntry[];
  /** Offset of the first `[table]` header line, or the text length when there is none. */
  tablesFrom: number;
}

const BARE_KEY = /[A-Za-z0-9_-]/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/;

function skipInlineSpace(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return pos;
}

/** Skips spaces, line breaks and comments (inside arrays and between entries). */
function skipTrivia(text: string, pos: number): number {
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
    if (text[pos] === '#') {
      pos = skipTomlComment(text, pos);
      continue;
    }
    return pos;
  }
}

function decodeBasicString(raw: string): string {
  return raw.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_m, esc: string) => {
    if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    const map: Record<string, string> = {
      b: '\b',
      t: '\t',
      n: '\n',
      f: '\f',
      r: '\r',
      e: '\x1b',
      '"': '"',
      '\\': '\\',
    };
    return map[esc] ?? esc;
  });
}

function readKey(text: string, pos: number): { path: string[]; end: number } {
  const path: string[] = [];
  for (;;) {
    pos = skipInlineSpace(text, pos);
    const ch = text[pos];
    if (ch === '"' || ch === "'") {
      const end = skipTomlString(text, pos);
      const raw = text.slice(pos + 1, end - 1);
      path.push(ch === '"' ? decodeBasicString(raw) : raw);
      pos = end;
    } else {
      const start = pos;
      while (pos < text.length && BARE_KEY.test(text[pos] as string)) pos++;
      path.push(text.slice(start, pos));
      if (pos === start) return { path, end: pos };
    }
    pos = skipInlineSpace(text, pos);
    if (text[pos] !== '.') return { path, end: pos };
    pos++;
  }
}

/** Range of the value starting at `pos`. */
function scanTomlValue(text: string, pos: number): TomlValueSpan {
  const ch = text[pos];
  if (ch === '"' || ch === "'") {
    return { kind: 'string', from: pos, to: skipTomlString(text, pos), items: [] };
  }
  if (ch === '[') {
    const items: TomlValueSpan[] = [];
    let i = pos + 1;
    while (i < text.length) {
      i = skipTrivia(text, i);
      if (text[i] === ']') return { kind: 'array', from: pos, to: i + 1, items };
      if (text[i] === ',') {
        i++;
        continue;
      }
      const item = scanTomlValue(text, i);
      items.push(item);
      i = Math.max(item.to, i + 1);
    }
    return { kind: 'array', from: pos, to: text.length, items };
  }
  if (ch === '{') {
    let depth = 0;
    let i = pos;
    while (i < text.length) {
      const c = text[i];
      if (c === '"' || c === "'") {
        i = skipTomlString(text, i);
        continue;
      }
      if (c === '#') {
        i = skipTomlComment(text, i);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return { kind: 'inline-table', from: pos, to: i + 1, items: [] };
      }
      i++;
    }
    return { kind: 'inline-table', from: pos, to: text.length, items: [] };
  }
  let end = pos;
  // A date-time may use a space between date and time.
  if (DATE_TIME.test(text.slice(pos, pos + 16))) end = pos + 11;
  while (end < text.length && !/[\s,\]}#]/.test(text[end] as string)) end++;
  return { kind: 'scalar', from: pos, to: end, items: [] };
}

/** Finds every top-level `key = value` (those before the first table header). */
export function scanTomlTopLevel(text: string): TomlTopLevel {
  const entries: TomlEntry[] = [];
  let pos = 0;
  for (;;) {
    pos = skipTrivia(text, pos);
    if (pos >= text.length) return { entries, tablesFrom: text.length };
    const lineFrom = text.lastIndexOf('\n', pos - 1) + 1;
    if (text[pos] === '[') return { entries, tablesFrom: lineFrom };
    const key = readKey(text, pos);
    if (text[key.end] !== '=') return { entries, tablesFrom: text.length };
    const value = scanTomlValue(text, skipInlineSpace(text, key.end + 1));
    let after = skipInlineSpace(text, value.to);
    if (text[after] === '#') after = skipTomlComment(text, after);
    const nl = text.indexOf('\n', after);
    const lineTo = nl === -1 ? text.length : nl + 1;
    entries.push({ path: key.path, lineFrom, lineTo, value });
    pos = lineTo;
  }
}
