/**
 * Just enough TOML lexing to find source ranges: strings, comments and date literals. Validation
 * is smol-toml's job; these helpers assume a document it accepted (and never loop on one it didn't).
 */

/** Offset just past the string starting at `pos` (which must be a quote character). */
export function skipTomlString(text: string, pos: number): number {
  const quote = text[pos];
  const triple = text.startsWith(quote === '"' ? '"""' : "'''", pos);
  if (triple) {
    const delimiter = quote === '"' ? '"""' : "'''";
    let i = pos + 3;
    while (i < text.length) {
      if (quote === '"' && text[i] === '\\') {
        i += 2;
        continue;
      }
      if (text.startsWith(delimiter, i)) {
        // Up to two quotes may sit right before the closing delimiter.
        let end = i + 3;
        while (end < text.length && text[end] === quote && end < i + 5) end++;
        return end;
      }
      i++;
    }
    return text.length;
  }
  let i = pos + 1;
  while (i < text.length && text[i] !== '\n') {
    if (quote === '"' && text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text[i] === quote) return i + 1;
    i++;
  }
  return i;
}

/** Offset of the end of the comment (the line break) when `pos` is at '#'. */
export function skipTomlComment(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  if (nl === -1) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

const DATE_LITERAL =
  /(?:\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)/y;
const BEFORE_TOKEN = /[\s=[,{]/;
const AFTER_TOKEN = /[\s,\]}#]/;

/** Does the whole of `value` read as a TOML date/time literal? */
export function isTomlDateLiteral(value: string): boolean {
  DATE_LITERAL.lastIndex = 0;
  const match = DATE_LITERAL.exec(value);
  return match !== null && match[0].length === value.length;
}

/** Ranges of every date/time literal outside strings and comments, in source order. */
function findTomlDateLiterals(text: string): Array<{ from: number; to: number }> {
  const found: Array<{ from: number; to: number }> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' || ch === "'") {
      i = skipTomlString(text, i);
      continue;
    }
    if (ch === '#') {
      i = skipTomlComment(text, i);
      continue;
    }
    if (ch >= '0' && ch <= '9' && (i === 0 || BEFORE_TOKEN.test(text[i - 1] as string))) {
      DATE_LITERAL.lastIndex = i;
      const match = DATE_LITERAL.exec(text);
      if (match) {
        let end = i + match[0].length;
        // "1979-05-27 07:32:00" matched greedily; "1979-05-27 = x" is a key followed by a space.
        if (end < text.length && !AFTER_TOKEN.test(text[end] as string) && match[0].includes(' ')) {
          end = i + match[0].indexOf(' ');
        }
        if (end >= text.length || AFTER_TOKEN.test(text[end] as string)) {
          found.push({ from: i, to: end });
          i = end;
          continue;
        }
      }
      // Not a date: skip the rest of this bare token (a number or a bare key).
      while (i < text.length && !AFTER_TOKEN.test(text[i] as string) && text[i] !== '=') i++;
      continue;
    }
    i++;
  }
  return found;
}

/**
 * Quotes every date literal so smol-toml hands back the original text instead of a TomlDate
 * (whose toISOString() adds milliseconds and normalizes the delimiter). Date characters never
 * need escaping, and a quoted bare key names the same key, so the data is otherwise unchanged.
 */
export function quoteTomlDates(text: string): string {
  let out = '';
  let pos = 0;
  for (const { from, to } of findTomlDateLiterals(text)) {
    out += text.slice(pos, from) + '"' + text.slice(from, to) + '"';
    pos = to;
  }
  return out + text.slice(pos);
}
