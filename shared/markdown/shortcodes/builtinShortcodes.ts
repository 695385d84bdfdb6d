import type { MarkdownIt, Token } from 'markdown-it';
import type { ShortcodeCall } from './shortcodeSyntax';
import type { ShortcodeEnv } from './shortcodeEnv';

/** A shortcode use found in the source, kept until its placeholder is expanded. */
export interface ShortcodeRecord {
  call: ShortcodeCall;
  /** The text the call covered (for code, where Hugo's output is not wanted here). */
  source: string;
  /** 0-based line of the call in the text given to markdown-it. */
  line: number;
  /** Lines the call spans after its first. */
  extraLines: number;
  /** Line of the inner text's first line. */
  innerLine: number;
}

type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

export interface ExpandContext {
  md: MarkdownIt;
  env: Record<string, unknown>;
  shortcodes: ShortcodeEnv;
  Token: TokenClass;
  /** Block tokens of Markdown text (inner content), lines counted from `line`. */
  parseBlocks: (text: string, line: number) => Token[];
}

/** Embeds Hugo draws as a player or a post: shown offline as a link to it. */
const embeds: Record<
  string,
  { label: string; url: (p: string[], n: Record<string, string>) => string }
> = {
  youtube: {
    label: 'YouTube',
    url: (p, n) => `https://www.youtube.com/watch?v=${n['id'] ?? p[0] ?? ''}`,
  },
  vimeo: { label: 'Vimeo', url: (p, n) => `https://vimeo.com/${n['id'] ?? p[0] ?? ''}` },
  x: {
    label: 'X',
    url: (p, n) => `https://x.com/${n['user'] ?? p[0] ?? ''}/status/${n['id'] ?? p[1] ?? ''}`,
  },
  tweet: {
    label: 'X',
    url: (p, n) => `https://twitter.com/${n['user'] ?? p[0] ?? ''}/status/${n['id'] ?? p[1] ?? ''}`,
  },
  instagram: {
    label: 'Instagram',
    url: (p, n) => `https://www.instagram.com/p/${n['id'] ?? p[0] ?? ''}/`,
  },
};

/** Hugo's built-in shortcodes Byline renders (ref and relref are resolved in the text). */
export const builtinShortcodeNames = new Set([
  'figure',
  'highlight',
  'details',
  'param',
  'ref',
  'relref',
  'qr',
  ...Object.keys(embeds),
]);

const displayTag = (record: ShortcodeRecord): string =>
  `{{${record.call.open.delimiter} ${record.call.open.name} ${record.call.open.delimiter === '<' ? '>' : '%'}}}`;

function note(context: ExpandContext, message: string): void {
  if (!context.shortcodes.notes.includes(message)) context.shortcodes.notes.push(message);
}

function token(context: ExpandContext, type: string, tag: string, nesting: -1 | 0 | 1): Token {
  return new context.Token(type, tag, nesting);
}

function textToken(context: ExpandContext, content: string): Token {
  const text = token(context, 'text', '', 0);
  text.content = content;
  return text;
}

/** Inline Markdown (a caption, a summary) as inline tokens, in a separate env. */
function inlineMarkdown(context: ExpandContext, text: string): Token[] {
  const env = {
    lineOffset: 0,
    resolveImage: context.env['resolveImage'],
    shortcodes: context.shortcodes,
  };
  return context.md.parseInline(text, env)[0]?.children ?? [];
}

const plainText = (tokens: readonly Token[]): string =>
  tokens.map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join('');

/** Hugo's figure.html: image (linked), figcaption with `<h4>` title and `<p>` caption + attribution. */
function figureChildren(context: ExpandContext, named: Record<string, string>): Token[] {
  const out: Token[] = [];
  const caption = named['caption'] ? inlineMarkdown(context, named['caption']) : [];
  const link = named['link'];
  if (link) {
    const open = token(context, 'link_open', 'a', 1);
    open.attrSet('href', link);
    if (named['target']) open.attrSet('target', named['target']);
    if (named['rel']) open.attrSet('rel', named['rel']);
    out.push(open);
  }
  const image = token(context, 'image', 'img', 0);
  image.attrSet('src', named['src'] ?? '');
  image.attrSet('alt', '');
  const alt = named['alt'] ?? plainText(caption);
  image.children = alt ? [textToken(context, alt)] : [];
  image.content = alt;
  // Text exports name such an image without the caption they print under it anyway.
  image.meta = { altFromCaption: named['alt'] === undefined && alt !== '' };
  if (named['width']) image.attrSet('width', named['width']);
  if (named['height']) image.attrSet('height', named['height']);
  out.push(image);
  if (link) out.push(token(context, 'link_close', 'a', -1));
  const title = named['title'];
  const attr = named['attr'];
  if (!title && caption.length === 0 && !attr) return out;
  out.push(token(context, 'figcaption_open', 'figcaption', 1));
  if (title)
    out.push(
      token(context, 'figure_title_open', 'h4', 1),
      textToken(context, title),
      token(context, 'figure_title_close', 'h4', -1),
    );
  if (caption.length > 0 || attr) {
    out.push(token(context, 'figure_caption_open', 'p', 1), ...caption);
    if (attr) {
      const attrLink = named['attrlink'];
      if (attrLink) {
        // Hugo's template puts a line break (a space on the page) before the attribution's link.
        if (caption.length > 0) out.push(textToken(context, ' '));
        const open = token(context, 'link_open', 'a', 1);
        open.attrSet('href', attrLink);
        out.push(open);
      }
      out.push(...inlineMarkdown(context, attr));
      if (attrLink) out.push(token(context, 'link_close', 'a', -1));
    }
    out.push(token(context, 'figure_caption_close', 'p', -1));
  }
  out.push(token(context, 'figcaption_close', 'figcaption', -1));
  return out;
}

function embedChildren(context: ExpandContext, record: ShortcodeRecord): Token[] {
  const embed = embeds[record.call.open.name];
  if (!embed) return [];
  const url = embed.url(record.call.open.positional, record.call.open.named);
  note(context, `${displayTag(record)} is shown as a link (${url}), not embedded.`);
  const open = token(context, 'link_open', 'a', 1);
  open.attrSet('href', url);
  return [
    textToken(context, `${embed.label}: `),
    open,
    textToken(context, url),
    token(context, 'link_close', 'a', -1),
  ];
}

function lookup(table: Readonly<Record<string, unknown>>, path: string): unknown {
  let node: unknown = table;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    const entry = Object.entries(node).find(([name]) => name.toLowerCase() === key.toLowerCase());
    node = entry?.[1];
  }
  return node;
}

/** `param`: the page's front matter first, then the site's `[params]`, as `.Param` looks. */
export function paramValue(context: ExpandContext, record: ShortcodeRecord): string {
  const key = record.call.open.positional[0] ?? record.call.open.named['name'] ?? '';
  const params = context.shortcodes;
  const value = lookup(params.pageParams, key) ?? lookup(params.site?.params ?? {}, key);
  if (value === undefined || value === null) {
    note(context, `{{< param "${key}" >}}: neither the article nor the site sets "${key}".`);
    return '';
  }
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number);
}

/** Built-ins whose output is text (a value, a URL), not HTML. */
const textShortcodes = new Set(['param', 'ref', 'relref']);

/**
 * `{{% figure %}}` and the other built-ins that write HTML, on a site that omits raw HTML: Hugo
 * runs their HTML through Goldmark, which leaves it out. Nothing is published; the preview shows
 * a chip so the writer sees why.
 */
export function omittedAsRawHtml(shortcodes: ShortcodeEnv, record: ShortcodeRecord): boolean {
  const { open } = record.call;
  return (
    open.delimiter === '%' &&
    !shortcodes.rawHtml &&
    builtinShortcodeNames.has(open.name) &&
    !textShortcodes.has(open.name)
  );
}

function omittedChip(context: ExpandContext, record: ShortcodeRecord, block: boolean): Token {
  const chipToken = token(
    context,
    block ? 'shortcode_block_open' : 'shortcode_chip',
    'span',
    block ? 1 : 0,
  );
  chipToken.meta = { name: record.call.open.name, kind: 'omitted', source: record.source };
  note(
    context,
    `${displayTag(record)} writes HTML, which this site omits (raw HTML is off): it is not published, and exports leave it out.`,
  );
  return chipToken;
}

function chip(context: ExpandContext, record: ShortcodeRecord, block: boolean): Token {
  const name = record.call.open.name;
  const known = context.shortcodes.site?.shortcodes.includes(name) ?? false;
  const kind = builtinShortcodeNames.has(name) ? 'builtin' : known ? 'site' : 'unknown';
  const chipToken = token(
    context,
    block ? 'shortcode_block_open' : 'shortcode_chip',
    'span',
    block ? 1 : 0,
  );
  chipToken.meta = { name, kind, source: record.call.open.source };
  const tag = displayTag(record);
  if (kind === 'site')
    note(
      context,
      `${tag} is the site's own shortcode: exports show its content without its template.`,
    );
  else if (kind === 'unknown')
    note(context, `${tag} is not a shortcode this site has (Hugo stops with an error): left out.`);
  else note(context, `${tag} is not drawn: exports show its text.`);
  return chipToken;
}

/** Inline tokens for a shortcode inside a paragraph. */
export function expandInline(context: ExpandContext, record: ShortcodeRecord): Token[] {
  const { open, inner } = record.call;
  if (omittedAsRawHtml(context.shortcodes, record)) return [omittedChip(context, record, false)];
  switch (open.name) {
    case 'figure': {
      const start = token(context, 'figure_inline_open', 'figure', 1);
      if (open.named['class']) start.attrSet('class', open.named['class']);
      return [
        start,
        ...figureChildren(context, open.named),
        token(context, 'figure_inline_close', 'figure', -1),
      ];
    }
    case 'param':
      return [textToken(context, paramValue(context, record))];
    case 'ref':
    case 'relref': {
      const target = open.positional[0] ?? open.named['path'] ?? '';
      const url = context.shortcodes.resolveRef(target, open.name);
      if (url === null)
        note(
          context,
          `{{< ${open.name} "${target}" >}}: no such article in the site; "${target}" is shown.`,
        );
      return [textToken(context, url ?? target)];
    }
    case 'highlight': {
      const code = token(context, 'code_inline', 'code', 0);
      code.content = (inner ?? '').trim();
      return [code];
    }
    default:
      if (open.name in embeds) {
        const start = token(context, 'embed_card_open', 'span', 1);
        start.attrSet('class', 'embed-card');
        return [
          start,
          ...embedChildren(context, record),
          token(context, 'embed_card_close', 'span', -1),
        ];
      }
  }
  const out = [chip(context, record, false)];
  if (open.name === 'qr') out.push(textToken(context, inner?.trim() || (open.named['text'] ?? '')));
  else if (inner !== null) out.push(...inlineMarkdown(context, inner));
  return out;
}

/**
 * Block tokens for a shortcode alone in its paragraph (Hugo then drops the `<p>` around its
 * output), or null where the output is inline (param) and a paragraph holds it.
 */
export function expandBlock(
  context: ExpandContext,
  record: ShortcodeRecord,
  map: [number, number],
): Token[] | null {
  const { open, inner } = record.call;
  const block = (type: string, tag: string, nesting: -1 | 0 | 1): Token => {
    const made = token(context, type, tag, nesting);
    made.block = true;
    if (nesting !== -1) made.map = map;
    return made;
  };
  const inline = (children: Token[]): Token => {
    const made = block('inline', '', 0);
    made.children = children;
    // Empty: markdown-it's inline rule would parse the content again into more children.
    made.content = '';
    return made;
  };
  if (omittedAsRawHtml(context.shortcodes, record)) {
    const start = omittedChip(context, record, true);
    start.block = true;
    start.map = map;
    return [start, block('shortcode_block_close', 'span', -1)];
  }
  switch (open.name) {
    case 'param':
      return null;
    case 'figure': {
      const start = block('paragraph_open', 'figure', 1);
      if (open.named['class']) start.attrSet('class', open.named['class']);
      return [
        start,
        inline(figureChildren(context, open.named)),
        block('paragraph_close', 'figure', -1),
      ];
    }
    case 'highlight': {
      const fence = block('fence', 'code', 0);
      fence.info = open.positional[0] ?? open.named['lang'] ?? '';
      fence.markup = '```';
      fence.content = (inner ?? '').replace(/^[ \t]*\r?\n/, '').replace(/\r?\n[ \t]*$/, '') + '\n';
      return [fence];
    }
    case 'details': {
      const start = block('details_open', 'details', 1);
      start.meta = {
        summary: inlineMarkdown(context, open.named['summary'] ?? 'Details'),
        open: /^(?:true|1)$/i.test(open.named['open'] ?? ''),
      };
      if (open.named['class']) start.attrSet('class', open.named['class']);
      if (open.named['name']) start.attrSet('name', open.named['name']);
      if (open.named['title']) start.attrSet('title', open.named['title']);
      return [
        start,
        ...context.parseBlocks(inner ?? '', record.innerLine),
        block('details_close', 'details', -1),
      ];
    }
    default:
      if (open.name in embeds) {
        const start = block('paragraph_open', 'p', 1);
        start.attrSet('class', 'embed-card');
        return [start, inline(embedChildren(context, record)), block('paragraph_close', 'p', -1)];
      }
  }
  const start = chip(context, record, true);
  start.block = true;
  start.map = map;
  const body =
    open.name === 'qr'
      ? context.parseBlocks(inner?.trim() || (open.named['text'] ?? ''), record.innerLine)
      : inner !== null
        ? context.parseBlocks(inner, record.innerLine)
        : [];
  const end = block('shortcode_block_close', 'span', -1);
  return [start, ...body, end];
}
