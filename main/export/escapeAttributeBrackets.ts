/**
 * HTML serialisation (DOMPurify's, the browser's) escapes only `&` and `"` inside attribute values,
 * so `alt="</p><script>"` leaves the sanitizer as written. Harmless where we parse it, but exports
 * are pasted into CMS editors, WeChat and templates that do not parse HTML properly. This escapes
 * `<` and `>` inside double-quoted attribute values of serialised, sanitized HTML; text is already
 * escaped by the serialiser, so a raw `<` outside a tag always opens one.
 */
export function escapeAttributeBrackets(html: string): string {
  let out = '';
  let inTag = false;
  let inValue = false;
  let copiedUpTo = 0;
  for (let i = 0; i < html.length; i++) {
    const char = html[i];
    if (inValue) {
      if (char === '"') inValue = false;
      else if (char === '<' || char === '>') {
        out += html.slice(copiedUpTo, i) + (char === '<' ? '&lt;' : '&gt;');
        copiedUpTo = i + 1;
      }
    } else if (inTag) {
      if (char === '"') inValue = true;
      else if (char === '>') inTag = false;
    } else if (char === '<') {
      inTag = true;
    }
  }
  return out + html.slice(copiedUpTo);
}
