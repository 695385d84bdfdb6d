import type { MarkdownIt, StateBlock } from 'markdown-it';

/**
 * Goldmark's definition lists (Hugo's `markup.goldmark.extensions.definitionList`, on by
 * default), parsed the way Goldmark parses them rather than as PHP Markdown Extra or pandoc do,
 * which is where markdown-it-deflist differs from what Hugo publishes:
 *
 * - every line of the paragraph above the first `: ` is its own term (`Apple\nOrange\n: Fruit`);
 * - only `:` is a marker (not `~`), at the container's own indentation, followed by a space or tab;
 * - blank lines may separate a term from its definition, and a later term or definition joins
 *   the list above it;
 * - a definition is tight unless a blank line precedes its marker, per definition; in a tight one
 *   only the first paragraph loses its `<p>` (Goldmark stops converting after replacing one);
 * - the definition's content starts where its text starts (after up to 7 spaces), as in Goldmark.
 */
export function definitionLists(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'definition_list', definitionList, { alt: ['paragraph'] });
  // Goldmark writes `<dd>` straight before a tight definition's content, `<dd>\n` before a loose one's.
  md.renderer.rules['dd_open'] = (tokens, idx, _options, _env, self) => {
    const token = tokens[idx]!;
    return `<dd${self.renderAttrs(token)}>${token.meta?.['loose'] === true ? '\n' : ''}`;
  };
  // A paragraph shown without `<p>` ends its line before a block rendered by its own rule, as
  // Goldmark's text block does (renderToken adds that line break for every other block).
  for (const name of ['code_block', 'fence', 'html_block']) {
    const render = md.renderer.rules[name];
    if (!render) continue;
    md.renderer.rules[name] = (tokens, idx, options, env, self) =>
      (idx > 0 && tokens[idx - 1]!.hidden && tokens[idx - 1]!.type === 'paragraph_close'
        ? '\n'
        : '') + render(tokens, idx, options, env, self);
  }
}

/** Indentations of the lists whose definitions are being parsed: their markers end a paragraph. */
const openLists = new WeakMap<StateBlock, number[]>();

interface Marker {
  /** Where the definition's text starts in the source. */
  contentStart: number;
  /** Its column. */
  contentColumn: number;
  /** The column later lines need to belong to the definition. */
  blockIndent: number;
}

function markerAt(state: StateBlock, line: number): Marker | null {
  if (line >= state.lineMax) return null;
  const start = state.bMarks[line]! + state.tShift[line]!;
  const max = state.eMarks[line]!;
  if (start >= max || state.src.charCodeAt(start) !== 0x3a /* : */) return null;
  const markerColumn = state.sCount[line]!;
  let column = markerColumn + 1;
  let pos = start + 1;
  for (; pos < max; pos++) {
    const ch = state.src.charCodeAt(pos);
    if (ch === 0x09) column += 4 - ((column + state.bsCount[line]!) % 4);
    else if (ch === 0x20) column++;
    else break;
  }
  let width = column - markerColumn - 1;
  // `:` at the end of the line is text; `:` then only spaces opens an empty definition.
  if (width < 1) return null;
  // Goldmark's rule: that much space starts indented code, which keeps a narrow definition.
  if (width >= 8) width = 5;
  return { contentStart: pos, contentColumn: column, blockIndent: markerColumn + 1 + width };
}

/** A marker Goldmark sees on this line: at this container's indentation or an enclosing list's. */
function isMarkerLine(state: StateBlock, line: number): boolean {
  const column = state.sCount[line]!;
  if (column !== state.blkIndent && !(openLists.get(state) ?? []).includes(column)) return false;
  return markerAt(state, line) !== null;
}

/** The line after the paragraph starting at `startLine`, found as markdown-it's paragraph rule finds it. */
function paragraphEnd(state: StateBlock, startLine: number, endLine: number): number {
  const terminators = state.md.block.ruler.getRules('paragraph');
  const oldParentType = state.parentType;
  state.parentType = 'paragraph';
  let next = startLine + 1;
  scan: for (; next < endLine && !state.isEmpty(next); next++) {
    if (state.sCount[next]! - state.blkIndent > 3 || state.sCount[next]! < 0) continue;
    for (const terminate of terminators) if (terminate(state, next, endLine, true)) break scan;
  }
  state.parentType = oldParentType;
  return next;
}

/** Cheap pre-check: a `:` line right after the paragraph's lines and any blank lines. */
function colonAhead(state: StateBlock, startLine: number, endLine: number): boolean {
  let blank = false;
  for (let line = startLine + 1; line < endLine; line++) {
    if (state.isEmpty(line)) {
      blank = true;
      continue;
    }
    if (state.src.charCodeAt(state.bMarks[line]! + state.tShift[line]!) === 0x3a) return true;
    if (blank) return false;
  }
  return false;
}

function definitionList(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (silent) return isMarkerLine(state, startLine);
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;

  const previous = state.tokens.at(-1);
  const continues = previous?.type === 'dl_close' && previous.level === state.level;
  let terms: number[] = [];
  let markerLine = startLine;
  if (markerAt(state, startLine) === null || state.sCount[startLine] !== state.blkIndent) {
    if (!colonAhead(state, startLine, endLine)) return false;
    const end = paragraphEnd(state, startLine, endLine);
    markerLine = end;
    while (markerLine < endLine && state.isEmpty(markerLine)) markerLine++;
    if (markerLine >= endLine || state.sCount[markerLine] !== state.blkIndent) return false;
    if (markerAt(state, markerLine) === null) return false;
    terms = Array.from({ length: end - startLine }, (_, i) => startLine + i);
  } else if (!continues) {
    // A `:` line after anything but a paragraph or a definition list is text.
    return false;
  }

  let list: [number, number];
  if (continues) {
    state.tokens.pop();
    state.level++;
    const open = state.tokens.findLast((t) => t.type === 'dl_open' && t.level === state.level - 1);
    list = open?.map ?? [startLine, startLine];
  } else {
    const open = state.push('dl_open', 'dl', 1);
    list = [startLine, startLine];
    open.map = list;
  }

  for (const line of terms) {
    state.push('dt_open', 'dt', 1).map = [line, line + 1];
    const inline = state.push('inline', '', 0);
    inline.map = [line, line + 1];
    inline.content = state.getLines(line, line + 1, state.blkIndent, false).trim();
    inline.children = [];
    state.push('dt_close', 'dt', -1);
  }

  const end = definition(state, markerLine, endLine);
  state.push('dl_close', 'dl', -1);
  list[1] = end;
  state.line = end;
  return true;
}

/** Parses one `: definition` and its indented continuation; returns the line after it. */
function definition(state: StateBlock, line: number, endLine: number): number {
  const marker = markerAt(state, line)!;
  const open = state.push('dd_open', 'dd', 1);
  const lines: [number, number] = [line, line];
  open.map = lines;
  const first = state.tokens.length;

  const saved = {
    tShift: state.tShift[line]!,
    sCount: state.sCount[line]!,
    blkIndent: state.blkIndent,
    tight: state.tight,
  };
  const stack = openLists.get(state) ?? [];
  openLists.set(state, stack);
  stack.push(state.blkIndent);
  state.tShift[line] = marker.contentStart - state.bMarks[line]!;
  state.sCount[line] = marker.contentColumn;
  state.blkIndent = marker.blockIndent;
  state.tight = true;
  state.md.block.tokenize(state, line, endLine);
  stack.pop();
  state.tShift[line] = saved.tShift;
  state.sCount[line] = saved.sCount;
  state.blkIndent = saved.blkIndent;
  state.tight = saved.tight;

  if (line > 0 && state.isEmpty(line - 1)) open.meta = { loose: true };
  else {
    const paragraph = state.tokens
      .slice(first)
      .findIndex((t) => t.type === 'paragraph_open' && t.level === open.level + 1);
    if (paragraph >= 0) {
      state.tokens[first + paragraph]!.hidden = true;
      state.tokens[first + paragraph + 2]!.hidden = true;
    }
  }
  state.push('dd_close', 'dd', -1);
  lines[1] = state.line;
  return state.line;
}
