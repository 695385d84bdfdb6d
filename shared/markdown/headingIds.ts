import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const keptInId = /[\p{L}\p{Nd}_-]/u;

/**
 * Hugo's heading id (Goldmark with `autoHeadingIDType = "github"`): letters and decimal digits of
 * any script lower-cased (Go's `unicode.IsDigit`: ①, Ⅲ and ² are dropped), `-` and `_` kept,
 * spaces become `-`, everything else dropped.
 */
export function hugoHeadingId(text: string): string {
  let id = '';
  for (const char of text) {
    if (char === ' ') id += '-';
    else if (keptInId.test(char)) id += char.toLowerCase();
  }
  return id;
}

/** `{#id .class}` at the end of a heading (Goldmark's `parser.attribute.title`). */
const trailingAttributes = /[ \t]*\{([^{}]*)\}[ \t]*$/;

function takeAttributes(inline: Token): { id: string | null; classes: string[] } | null {
  const children = inline.children ?? [];
  const last = children[children.length - 1];
  if (!last || last.type !== 'text') return null;
  const match = trailingAttributes.exec(last.content);
  if (!match) return null;
  const parts = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
  if (!parts.every((part) => /^[#.][^\s#.]+$|^[\w-]+=/.test(part))) return null;
  last.content = last.content.slice(0, match.index);
  inline.content = inline.content.replace(trailingAttributes, '');
  const id = parts.find((part) => part.startsWith('#'))?.slice(1) ?? null;
  return { id, classes: parts.filter((p) => p.startsWith('.')).map((p) => p.slice(1)) };
}

/**
 * Heading ids as Hugo makes them: `{#id .class}` honoured when the site allows heading
 * attributes, otherwise an automatic id from the heading's source text; repeated ids get `-1`, `-2`…
 * in document order, as Goldmark numbers them.
 */
export function headingIds(md: MarkdownIt, options: { attributes: boolean }): void {
  md.core.ruler.push('heading_ids', (state: StateCore) => {
    const used = new Map<string, number>();
    const unique = (wanted: string): string => {
      let id = wanted === '' ? 'heading' : wanted;
      const seen = used.get(id);
      if (seen !== undefined) {
        let n = seen;
        while (used.has(`${id}-${n}`)) n++;
        used.set(id, n + 1);
        id = `${id}-${n}`;
      }
      used.set(id, used.get(id) ?? 1);
      return id;
    };
    const tokens = state.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const open = tokens[i];
      const inline = tokens[i + 1];
      if (open?.type !== 'heading_open' || inline?.type !== 'inline') continue;
      const attributes = options.attributes ? takeAttributes(inline) : null;
      // Goldmark makes the id from the heading's source, not its rendered text (link targets,
      // entities, `_` of emphasis and footnote labels count), and from a setext heading's last line.
      const sourceLine = inline.content.split('\n').at(-1) ?? '';
      open.attrSet('id', unique(attributes?.id ?? hugoHeadingId(sourceLine.trim())));
      if (attributes && attributes.classes.length > 0)
        open.attrJoin('class', attributes.classes.join(' '));
    }
  });
}
