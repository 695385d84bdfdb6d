// Hugo shortcode syntax: `{{< name args >}}` (output inserted as HTML) and `{{% name args %}}`
// (output is Markdown), closing tags `{{< /name >}}`, self-closing `{{< name />}}`, and the
// escaped form `{{</* name */>}}` that Hugo prints literally without the comment marks.
//
// Hugo finds shortcodes in the raw text, before Markdown (also inside code), so this scanner
// works on the text too.
export interface ShortcodeTag {
  /** Offsets of the whole tag in the scanned text. */
  start: number;
  end: number;
  name: string;
  /** `<` or `%`. */
  delimiter: '<' | '%';
  closing: boolean;
  selfClosing: boolean;
  positional: string[];
  named: Record<string, string>;
  /** Where each named value is written in the scanned text, quotes included (not for escaped tags). */
  namedAt: Record<string, ArgumentSpan>;
  // `{{</* … */>}}`: printed as the tag without the comment marks.
  escaped: boolean;
  source: string;
}

/** A value as written: `"double"` (backslash escapes), `` `raw` `` or bare. */
export interface ArgumentSpan {
  from: number;
  to: number;
  quote: '"' | '`' | '';
}

/** One shortcode use: a tag alone, or an opening tag with its inner text and closing tag. */
export interface ShortcodeCall {
  start: number;
  end: number;
  open: ShortcodeTag;
  /** Text between the opening and the closing tag; null when not paired. */
  inner: string | null;
  /** Offset of the inner text in the scanned text. */
  innerStart: number;
}

const tagStart = /\{\{([<%])/g;
// Bounded: a tag is at most one reasonable line of arguments.
const maxTagLength = 4000;
const argument = /\s*(?:([\w.-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+))/y;

/** Arguments of `text`, which starts at `offset` in the scanned text. */
function parseArguments(
  text: string,
  offset: number,
): Pick<ShortcodeTag, 'positional' | 'named' | 'namedAt'> {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  const namedAt: Record<string, ArgumentSpan> = {};
  argument.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    argument.lastIndex = at;
    const match = argument.exec(text);
    if (!match) break;
    at = argument.lastIndex;
    const value = match[2]?.replace(/\\(.)/g, '$1') ?? match[3] ?? match[4] ?? '';
    if (match[1] !== undefined) {
      const key = match[1].toLowerCase();
      named[key] = value;
      // The value ends the match: its written length is the raw text plus its quotes.
      const quote = match[2] !== undefined ? '"' : match[3] !== undefined ? '`' : '';
      const written = (match[2] ?? match[3] ?? match[4] ?? '').length + quote.length * 2;
      namedAt[key] = { from: offset + at - written, to: offset + at, quote };
    } else positional.push(value);
  }
  return { positional, named, namedAt };
}

/** Parses the tag starting at `start` (`{{<` or `{{%`), or null when it is not one. */
export function parseTagAt(text: string, start: number): ShortcodeTag | null {
  const delimiter = text[start + 2] === '%' ? '%' : '<';
  const closer = `${delimiter === '<' ? '>' : '%'}}}`;
  const end = text.indexOf(closer, start + 3);
  if (end === -1 || end - start > maxTagLength) return null;
  let content = text.slice(start + 3, end);
  // Offset of `body` in `text`, kept through the trims so argument positions are exact.
  let at = start + 3;
  let escaped = false;
  const trimmed = content.trim();
  if (trimmed.startsWith('/*') && trimmed.endsWith('*/')) {
    escaped = true;
    at += content.length - content.trimStart().length + 2;
    content = trimmed.slice(2, -2);
  }
  if (content.includes('\n\n')) return null;
  let body = content.trim();
  at += content.length - content.trimStart().length;
  const closing = body.startsWith('/');
  if (closing) {
    const rest = body.slice(1);
    at += 1 + rest.length - rest.trimStart().length;
    body = rest.trim();
  }
  const selfClosing = !closing && body.endsWith('/');
  if (selfClosing) body = body.slice(0, -1).trim();
  const name = /^[\w./-]+/.exec(body)?.[0];
  if (!name) return null;
  const source = text.slice(start, end + 3);
  const args = parseArguments(body.slice(name.length), at + name.length);
  return {
    start,
    end: end + 3,
    name,
    delimiter,
    closing,
    selfClosing,
    ...args,
    // An escaped tag is printed, never run: its values are text, not references.
    namedAt: escaped ? {} : args.namedAt,
    escaped,
    source,
  };
}

/** Every tag of `text`, in order. */
export function scanTags(text: string): ShortcodeTag[] {
  const tags: ShortcodeTag[] = [];
  if (!text.includes('{{')) return tags;
  tagStart.lastIndex = 0;
  for (let match = tagStart.exec(text); match; match = tagStart.exec(text)) {
    const tag = parseTagAt(text, match.index);
    if (!tag) continue;
    tags.push(tag);
    tagStart.lastIndex = tag.end;
  }
  return tags;
}

/**
 * Top-level shortcode uses of `text`: each opening tag is paired with the next closing tag of
 * the same name at the same depth (as Hugo pairs them); a tag without one stands alone. Inner
 * shortcodes stay in `inner`, to be expanded when the inner text is rendered. Escaped tags are
 * their own calls (printed literally).
 */
export function scanShortcodes(text: string): ShortcodeCall[] {
  const tags = scanTags(text);
  const calls: ShortcodeCall[] = [];
  for (let i = 0; i < tags.length; i++) {
    const open = tags[i];
    if (!open) continue;
    const alone = { start: open.start, end: open.end, open, inner: null, innerStart: open.end };
    if (open.escaped || open.closing || open.selfClosing) {
      calls.push(alone);
      continue;
    }
    let depth = 0;
    let close = -1;
    for (let j = i + 1; j < tags.length; j++) {
      const tag = tags[j];
      if (!tag || tag.escaped || tag.name !== open.name || tag.selfClosing) continue;
      if (!tag.closing) depth++;
      else if (depth === 0) {
        close = j;
        break;
      } else depth--;
    }
    const closeTag = close === -1 ? undefined : tags[close];
    if (!closeTag) {
      calls.push(alone);
      continue;
    }
    calls.push({
      start: open.start,
      end: closeTag.end,
      open,
      inner: text.slice(open.end, closeTag.start),
      innerStart: open.end,
    });
    i = close;
  }
  return calls;
}

// The escaped tag as Hugo prints it: `{{</* x */>}}` -> `{{< x >}}`.
export const unescapedTag = (tag: ShortcodeTag): string =>
  tag.source.replace(/^(\{\{[<%])\s*\/\*/, '$1').replace(/\*\/\s*([>%]\}\})$/, '$1');
