import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { escapeHtml } from '../escapeHtml';
import { hugoDefaultProfile } from '../renderProfile';
import {
  expandBlock,
  expandInline,
  omittedAsRawHtml,
  paramValue,
  type ExpandContext,
  type ShortcodeRecord,
} from './builtinShortcodes';
import { createShortcodeEnv, type ShortcodeEnv } from './shortcodeEnv';
import { scanShortcodes, unescapedTag } from './shortcodeSyntax';

/**
 * Hugo shortcodes, handled as Hugo handles them: found in the raw text before Markdown, each
 * replaced by a placeholder, Markdown rendered, the placeholders expanded. A shortcode alone in
 * its paragraph is a block (Hugo drops the `<p>` around it), anywhere else it is inline.
 * `ref`/`relref` become their URL in the text itself, so they work inside link destinations.
 *
 * A placeholder is `\uE000<n>\uE001` (private-use characters no writer types); a call spanning
 * lines keeps its lines as blank ones after its placeholder, so `data-line` stays true.
 */
const placeholder = /\uE000(\d+)\uE001/g;
const alonePlaceholder = /^\uE000(\d+)\uE001$/;

interface ShortcodeState {
  records: ShortcodeRecord[];
  shortcodes: ShortcodeEnv;
}

const stateKey = 'bylineShortcodes';

/** The per-render shortcode state, made on first use (a bare `{}` env gets Hugo's defaults). */
function stateOf(env: Record<string, unknown>): ShortcodeState {
  let state = env[stateKey] as ShortcodeState | undefined;
  if (!state) {
    const shortcodes =
      (env['shortcodes'] as ShortcodeEnv | undefined) ??
      createShortcodeEnv(hugoDefaultProfile, undefined);
    state = { records: [], shortcodes };
    env[stateKey] = state;
  }
  return state;
}

/** Notes of this render: shortcodes exports cannot show as the site publishes them. */
export const shortcodeNotes = (env: unknown): string[] =>
  typeof env === 'object' && env !== null && stateKey in env
    ? stateOf(env as Record<string, unknown>).shortcodes.notes
    : [];

/** `[x](` or `[x]: ` right before: the URL must be in the text for Markdown to make the link. */
function inLinkDestination(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  return /\]\(\s*<?$/.test(before) || /(?:^|\n) {0,3}\[[^\]\n]+\]:\s*<?$/.test(before);
}

const countLines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** The text with every shortcode replaced (refs by their URL, the rest by placeholders). */
export function replaceShortcodes(text: string, env: Record<string, unknown>): string {
  const calls = scanShortcodes(text);
  if (calls.length === 0) return text;
  const state = stateOf(env);
  let out = '';
  let at = 0;
  let line = 0;
  for (const call of calls) {
    line += countLines(text, at, call.start);
    out += text.slice(at, call.start);
    at = call.end;
    const { open } = call;
    const source = text.slice(call.start, call.end);
    if (open.escaped) {
      out += unescapedTag(open);
      continue;
    }
    if ((open.name === 'ref' || open.name === 'relref') && inLinkDestination(text, call.start)) {
      const target = open.positional[0] ?? open.named['path'] ?? '';
      const url = state.shortcodes.resolveRef(target, open.name);
      if (url === null) {
        const message = `{{< ${open.name} "${target}" >}}: no such article in the site; the link keeps "${target}".`;
        if (!state.shortcodes.notes.includes(message)) state.shortcodes.notes.push(message);
      }
      out += (url ?? target).replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
      continue;
    }
    const extraLines = countLines(text, call.start, call.end);
    const lineStart = text.lastIndexOf('\n', call.start - 1) + 1;
    const lineEnd = text.indexOf('\n', call.end);
    const alone =
      text.slice(lineStart, call.start).trim() === '' &&
      text.slice(call.end, lineEnd === -1 ? text.length : lineEnd).trim() === '';
    state.records.push({
      call,
      source,
      line,
      extraLines,
      innerLine: line + countLines(text, call.start, call.innerStart),
    });
    out += `\uE000${state.records.length - 1}\uE001`;
    // Inline calls spanning lines lose them (rare); a call on lines of its own keeps them.
    if (alone && extraLines > 0) out += '\n'.repeat(extraLines);
    line += extraLines;
  }
  return out + text.slice(at);
}

function expandContext(
  md: MarkdownIt,
  env: Record<string, unknown>,
  Token: ExpandContext['Token'],
): ExpandContext {
  return {
    md,
    env,
    shortcodes: stateOf(env).shortcodes,
    Token,
    parseBlocks: (text, line) => {
      const tokens: Token[] = [];
      md.block.parse(replaceShortcodes(text, env), md, env, tokens);
      for (const t of tokens) if (t.map) t.map = [t.map[0] + line, t.map[1] + line];
      return tokens;
    },
  };
}

function shortcodeBlock(md: MarkdownIt) {
  return (state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean => {
    const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
    const line = state.src.slice(start, state.eMarks[startLine]).trim();
    const match = alonePlaceholder.exec(line);
    if (!match || state.sCount[startLine]! - state.blkIndent >= 4) return false;
    const env = state.env as Record<string, unknown>;
    const { records, shortcodes } = stateOf(env);
    const record = records[Number(match[1])];
    if (!record) return false;
    // A `{{% %}}` call's output is Markdown in a paragraph, unless the site omits it whole.
    const omitted = omittedAsRawHtml(shortcodes, record);
    if (record.call.open.delimiter === '%' && record.call.inner === null && !omitted) return false;
    const map: [number, number] = [startLine, startLine + 1 + record.extraLines];
    const tokens = expandBlock(expandContext(md, env, state.Token), record, map);
    if (!tokens) return false;
    if (silent) return true;
    for (const token of tokens) {
      token.level += state.level;
      state.tokens.push(token);
    }
    state.line = startLine + 1;
    return true;
  };
}

/**
 * Inside code Hugo runs shortcodes too: a `param` gives its value; anything drawing markup is
 * shown as written (Hugo would put its HTML into the code).
 */
function codeText(
  text: string,
  context: ExpandContext,
  records: readonly ShortcodeRecord[],
): string {
  return text.replace(placeholder, (whole, n: string) => {
    const record = records[Number(n)];
    if (!record) return whole;
    return record.call.open.name === 'param' ? paramValue(context, record) : record.source;
  });
}

/** Placeholders inside paragraphs become the shortcode's inline tokens; in code, the source. */
function expandInlinePlaceholders(md: MarkdownIt) {
  return (state: StateCore): void => {
    const env = state.env as Record<string, unknown>;
    if (!(stateKey in env)) return;
    const { records } = stateOf(env);
    const context = expandContext(md, env, state.Token);
    for (const block of state.tokens) {
      if (block.type === 'fence' || block.type === 'code_block' || block.type === 'html_block')
        block.content = codeText(block.content, context, records);
      if (block.type !== 'inline' || !block.children) continue;
      const out: Token[] = [];
      for (const child of block.children) {
        if (child.type === 'code_inline' || child.type === 'html_inline')
          child.content = codeText(child.content, context, records);
        if (child.type !== 'text' || !child.content.includes('\uE000')) {
          out.push(child);
          continue;
        }
        let at = 0;
        for (const match of child.content.matchAll(placeholder)) {
          const record = records[Number(match[1])];
          if (!record) continue;
          if (match.index > at) {
            const text = new state.Token('text', '', 0);
            text.content = child.content.slice(at, match.index);
            out.push(text);
          }
          out.push(...expandInline(context, record));
          at = match.index + match[0].length;
        }
        if (at < child.content.length) {
          const text = new state.Token('text', '', 0);
          text.content = child.content.slice(at);
          out.push(text);
        }
      }
      block.children = out;
    }
  };
}

const previewOf = (env: unknown): boolean =>
  typeof env === 'object' && env !== null && (env as { preview?: unknown }).preview === true;

function chipHtml(meta: { name: string; kind: string; source: string }): string {
  return (
    `<span class="shortcode-chip shortcode-chip-${escapeHtml(meta.kind)}" title="${escapeHtml(meta.source)}">` +
    `${escapeHtml(meta.name)}</span>`
  );
}

export function shortcodes(md: MarkdownIt): void {
  md.core.ruler.after('normalize', 'shortcode_source', (state: StateCore) => {
    state.src = replaceShortcodes(state.src, state.env as Record<string, unknown>);
  });
  md.block.ruler.before('paragraph', 'shortcode_block', shortcodeBlock(md));
  // Last: Hugo inserts shortcode output after Goldmark, so linkify and the typographer never see it.
  md.core.ruler.after('text_join', 'shortcode_inline', expandInlinePlaceholders(md));

  const rules = md.renderer.rules;
  rules['shortcode_chip'] = (tokens, idx, _options, env) =>
    previewOf(env)
      ? chipHtml(tokens[idx]?.meta as { name: string; kind: string; source: string })
      : '';
  rules['shortcode_block_open'] = (tokens, idx, _options, env) => {
    if (!previewOf(env)) return '';
    const token = tokens[idx];
    const line = token?.attrGet('data-line');
    const at =
      line === null || line === undefined ? '' : ` data-line="${escapeHtml(String(line))}"`;
    return `<div class="shortcode-block"${at}>${chipHtml(token?.meta as { name: string; kind: string; source: string })}\n`;
  };
  rules['shortcode_block_close'] = (_tokens, _idx, _options, env) =>
    previewOf(env) ? '</div>\n' : '';
  rules['details_open'] = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!token) return '';
    const meta = token.meta as { summary: Token[]; open: boolean };
    const attrs = self.renderAttrs(token);
    return `<details${attrs}${meta.open ? ' open' : ''}>\n<summary>${self.renderInline(meta.summary, options, env)}</summary>\n`;
  };
  rules['details_close'] = () => '</details>\n';
}
