import type { FrontMatterErrorKind } from './frontMatterError';

/** Source ranges of a JSON value, with members/items for containers. */
export type JsonSpan =
  | { kind: 'object'; from: number; to: number; members: JsonMember[] }
  | { kind: 'array'; from: number; to: number; items: JsonSpan[] }
  | { kind: 'scalar'; from: number; to: number };

export interface JsonMember {
  key: string;
  keyFrom: number;
  keyTo: number;
  value: JsonSpan;
}

export type JsonScan =
  | { ok: true; value: JsonSpan }
  | { ok: false; kind: FrontMatterErrorKind; message: string; offset: number };

class JsonScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly kind: FrontMatterErrorKind = 'syntax',
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A strict JSON scanner. JSON.parse reports positions differently per engine (and sometimes not at
 * all), and never reports duplicate keys; this one gives exact offsets for both, plus the ranges the
 * minimal field edits splice.
 */
export function scanJson(text: string): JsonScan {
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new JsonScanError(message, at);
  };
  const skipWs = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] as string)) pos++;
  };
  const describe = (): string => (pos >= text.length ? 'end of input' : JSON.stringify(text[pos]));

  const readString = (): string => {
    const start = pos;
    pos++;
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (code === 0x22) {
        pos++;
        return JSON.parse(text.slice(start, pos)) as string;
      }
      if (code < 0x20) fail('Control character in string');
      if (code === 0x5c) {
        const esc = text[pos + 1];
        if (esc === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('Invalid \\u escape');
          pos += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) fail('Invalid escape in string');
        pos += 2;
        continue;
      }
      pos++;
    }
    return fail('Unterminated string', start);
  };

  const readValue = (): JsonSpan => {
    skipWs();
    const from = pos;
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      const members: JsonMember[] = [];
      const seen = new Set<string>();
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return { kind: 'object', from, to: pos, members };
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"')
          fail(`Expected a property name in double quotes but found ${describe()}`);
        const keyFrom = pos;
        const key = readString();
        if (seen.has(key))
          throw new JsonScanError(`Duplicate key "${key}"`, keyFrom, 'duplicate-key');
        seen.add(key);
        const keyTo = pos;
        skipWs();
        if (text[pos] !== ':') fail(`Expected ':' after property name but found ${describe()}`);
        pos++;
        const value = readValue();
        members.push({ key, keyFrom, keyTo, value });
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return { kind: 'object', from, to: pos, members };
        }
        fail(`Expected ',' or '}' after property value but found ${describe()}`);
      }
    }
    if (ch === '[') {
      pos++;
      const items: JsonSpan[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return { kind: 'array', from, to: pos, items };
      }
      for (;;) {
        items.push(readValue());
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return { kind: 'array', from, to: pos, items };
        }
        fail(`Expected ',' or ']' after array element but found ${describe()}`);
      }
    }
    if (ch === '"') {
      readString();
      return { kind: 'scalar', from, to: pos };
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { kind: 'scalar', from, to: pos };
      }
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number) {
      pos += number[0].length;
      return { kind: 'scalar', from, to: pos };
    }
    return fail(`Unexpected ${describe()}`);
  };

  try {
    const value = readValue();
    skipWs();
    if (pos < text.length) fail(`Unexpected ${describe()} after the JSON value`);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonScanError) {
      return { ok: false, kind: error.kind, message: error.message, offset: error.offset };
    }
    throw error;
  }
}

/** Offset of the '}' closing the object that starts at `from`, honoring strings; -1 if unclosed. */
export function findJsonObjectEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
