/**
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return, lone
 * surrogates, U+FFFE and U+FFFF): a Word file holding one is refused as corrupt, so they are left out.
 */
const forbidden = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const textEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const attributeEntities: Record<string, string> = {
  ...textEntities,
  '"': '&quot;',
  // A parser turns a raw tab or line break in an attribute into a space: kept as references.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text content of an element. */
export const xmlText = (text: string): string =>
  text.replace(forbidden, '').replace(/[&<>]/g, (c) => textEntities[c] ?? c);

/** The value of an attribute written between double quotes. */
export const xmlAttribute = (value: string): string =>
  value.replace(forbidden, '').replace(/[&<>"\t\n\r]/g, (c) => attributeEntities[c] ?? c);
