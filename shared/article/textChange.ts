/** One replacement in the original text; a list of them maps 1:1 onto a CodeMirror transaction. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * Applies changes whose offsets all refer to the ORIGINAL text (CodeMirror semantics), so the
 * result does not depend on the order the changes are listed in. Overlapping changes are a bug.
 */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let pos = 0;
  for (const change of sorted) {
    if (change.from < pos || change.to < change.from || change.to > text.length) {
      throw new RangeError(`Invalid or overlapping change ${change.from}-${change.to}`);
    }
    out += text.slice(pos, change.from) + change.insert;
    pos = change.to;
  }
  return out + text.slice(pos);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Turns "replace text[from, to) with insert" into the smallest equivalent change by dropping the
 * common prefix and suffix, so untouched bytes are not even rewritten (cursors and undo history
 * stay put). Never splits a surrogate pair. Returns null when nothing would change.
 */
export function minimalChange(
  text: string,
  from: number,
  to: number,
  insert: string,
): TextChange | null {
  const old = text.slice(from, to);
  if (old === insert) return null;
  const max = Math.min(old.length, insert.length);
  let prefix = 0;
  while (prefix < max && old.charCodeAt(prefix) === insert.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(old.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === insert.charCodeAt(insert.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(old.charCodeAt(old.length - suffix))) suffix--;
  return {
    from: from + prefix,
    to: to - suffix,
    insert: insert.slice(prefix, insert.length - suffix),
  };
}
