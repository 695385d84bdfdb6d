const bracket = /[<>]/;
const brackets = /[<>]/g;
const escapeBracket = (char: string): string => (char === '<' ? '&lt;' : '&gt;');

/**
 * HTML serialisation (DOMPurify's, the browser's) escapes only `&` and `"` inside attribute values,
 * so `alt="</p><script>"` leaves the sanitizer as written. Harmless where we parse it, but exports
 * are pasted into CMS editors, WeChat and templates that do not parse HTML properly. This escapes
 * `<` and `>` inside double-quoted attribute values of serialised, sanitized HTML; text is already
 * escaped by the serialiser, so a raw `<` outside a tag always opens one.
 *
 * It jumps between `<`, `"` and `>` with indexOf rather than reading every character: a page is
 * mostly text, and this runs once per export in a process too short for the JIT to speed up a
 * loop. Each search position only moves forward, so hostile markup stays linear.
 */
export function escapeAttributeBrackets(html: string): string {
  let out = '';
  let copiedUpTo = 0;
  // The next `"` and `>` at or after the current position, kept between tags (-1: none left).
  let quote = -2;
  let close = -2;
  let tagStart = html.indexOf('<');
  while (tagStart !== -1) {
    let at = tagStart + 1;
    for (;;) {
      if (quote !== -1 && quote < at) quote = html.indexOf('"', at);
      if (close !== -1 && close < at) close = html.indexOf('>', at);
      if (quote === -1 || (close !== -1 && close < quote)) break;
      // A double-quoted value: everything up to the next `"` (or the end of an unclosed one).
      const valueEnd = html.indexOf('"', quote + 1);
      const end = valueEnd === -1 ? html.length : valueEnd;
      const value = html.slice(quote + 1, end);
      if (bracket.test(value)) {
        out += html.slice(copiedUpTo, quote + 1) + value.replace(brackets, escapeBracket);
        copiedUpTo = end;
      }
      if (valueEnd === -1) return out + html.slice(copiedUpTo);
      at = valueEnd + 1;
    }
    if (close === -1) break;
    tagStart = html.indexOf('<', close + 1);
  }
  return out + html.slice(copiedUpTo);
}
