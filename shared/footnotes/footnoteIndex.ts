import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type Token } from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import { unmetered, type WorkMeter } from '../text/workMeter';

export interface FootnoteReference {
  label: string;
  /** 1-based line in the whole file. */
  line: number;
  /** 1-based column, in UTF-16 code units (what CodeMirror counts). */
  column: number;
  /** Offsets (UTF-16) in the whole file: `[` of `[^label]` ... just after `]`. */
  from: number;
  to: number;
}

/** Its offsets span from `[` of `[^label]:` to the end of the definition's last line. */
export interface FootnoteDefinition extends FootnoteReference {
  /** The definition's text without the label, continuation indentation removed. */
  text: string;
}

export interface FootnoteIndex {
  /** Every `[^label]` citation in document order, code spans and code blocks excluded. */
  references: FootnoteReference[];
  /** Every `[^label]:` definition in document order, duplicates included. */
  definitions: FootnoteDefinition[];
  /** Defined but never cited, in definition order. */
  unusedDefinitions: string[];
  /** Cited but never defined, in citation order. */
  missingDefinitions: string[];
  /** Defined more than once (the preview uses the last one). */
  duplicateDefinitions: string[];
  /** Every cited label, in order of first citation: the order the preview numbers them. */
  order: string[];
}

export interface FootnoteIndexOptions {
  /** Lines of the whole file before `text` (front matter), when `text` is the body. */
  lineOffset?: number;
  /** UTF-16 offset of `text` in the whole file, when `text` is the body. */
  charOffset?: number;
  /** Counts the steps taken (tests prove the work linear) or stops a run over budget. */
  meter?: WorkMeter;
}

let blockParser: MarkdownItInstance | undefined;

/**
 * Block structure only (no inline pass, ~3x cheaper), footnote definitions left in place instead
 * of being moved to the end: enough to know which lines are code and where each definition ends
 * (indented continuation paragraphs, lists, lazy lines), exactly as the preview parses them.
 */
function getBlockParser(): MarkdownItInstance {
  if (!blockParser) {
    blockParser = new MarkdownIt('default', { html: false }).use(footnotePlugin);
    blockParser.core.ruler.disable([
      'inline',
      'linkify',
      'replacements',
      'smartquotes',
      'text_join',
      'footnote_tail',
    ]);
  }
  return blockParser;
}

interface Lines {
  starts: number[];
  ends: number[];
}

// The same line breaks markdown-it normalizes (\r\n, \r, \n), so its line numbers match ours.
function splitLines(text: string): Lines {
  const starts = [0];
  const ends: number[] = [];
  const lineBreak = /\r\n?|\n/g;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    ends.push(match.index);
    starts.push(match.index + match[0].length);
  }
  ends.push(text.length);
  return { starts, ends };
}

// What may stand before a definition's `[^label]:` on its line: indentation, quote and list markers.
const definitionLinePrefix = /[\s>*+\-\d.)]/;

/** Does `line` hold the definition of `label` after its container markers? One pass over the line. */
function startsDefinition(line: string, label: string): boolean {
  let i = 0;
  while (i < line.length && definitionLinePrefix.test(line[i] as string)) i++;
  return line.startsWith(`[^${label}]:`, i);
}

interface DefinitionBlock {
  label: string;
  startLine: number;
  endLine: number;
}

/** Walks the block tokens: code lines, and the line range of every footnote definition. */
function scanBlocks(tokens: Token[], text: string, lines: Lines, meter: WorkMeter) {
  const codeLines = new Uint8Array(lines.starts.length);
  const definitions: DefinitionBlock[] = [];
  const lineText = (line: number) => text.slice(lines.starts[line], lines.ends[line]);
  // For each token, the first line of the next token that has a source map (one backward pass).
  const nextMappedLine = new Int32Array(tokens.length + 1).fill(lines.starts.length - 1);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const next = tokens[i + 1]?.map;
    nextMappedLine[i] = next ? next[0] : (nextMappedLine[i + 1] ?? 0);
  }
  let lowerBound = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    meter.tick();
    if (!token) continue;
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      codeLines.fill(1, token.map[0], token.map[1]);
    }
    if (token.type === 'footnote_reference_open') {
      const label = String((token.meta as { label?: string } | null)?.label ?? '');
      // The definition starts on the first line after the previous block that carries its label,
      // at the latest where the next block (its own content, or what follows it) starts.
      const nextBlockStart = nextMappedLine[i] ?? 0;
      let startLine = lowerBound;
      while (
        startLine < nextBlockStart &&
        (codeLines[startLine] || !startsDefinition(lineText(startLine), label))
      ) {
        meter.tick((lines.ends[startLine] ?? 0) - (lines.starts[startLine] ?? 0) + 1);
        startLine++;
      }
      let endLine = startLine + 1;
      for (let depth = 1, j = i + 1; j < tokens.length && depth > 0; j++) {
        const inner = tokens[j];
        if (inner?.type === 'footnote_reference_open') depth++;
        if (inner?.type === 'footnote_reference_close') depth--;
        if (inner?.map) endLine = Math.max(endLine, inner.map[1]);
      }
      while (endLine - 1 > startLine && lineText(endLine - 1).trim() === '') endLine--;
      definitions.push({ label, startLine, endLine });
      lowerBound = Math.max(lowerBound, startLine + 1);
      continue;
    }
    if (token.map)
      lowerBound = Math.max(lowerBound, token.nesting === 1 ? token.map[0] : token.map[1]);
  }
  return { codeLines, definitions };
}

const autolink = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>/y;

/**
 * The backtick runs of one stretch of text, by length: where the run closing a code span is.
 * Queries come in increasing position, so each length keeps a cursor and the whole stretch costs
 * one pass, however many runs stay unclosed.
 */
class BacktickRuns {
  private readonly byLength = new Map<number, { starts: number[]; ends: number[]; next: number }>();

  constructor(text: string, from: number, to: number, meter: WorkMeter) {
    for (let i = text.indexOf('`', from); i !== -1 && i < to; i = text.indexOf('`', i)) {
      const start = i;
      while (i < to && text.charCodeAt(i) === 0x60) i++;
      let runs = this.byLength.get(i - start);
      if (!runs) this.byLength.set(i - start, (runs = { starts: [], ends: [], next: 0 }));
      runs.starts.push(start);
      runs.ends.push(i);
    }
    meter.tick(to - from);
  }

  /** End of the first run of exactly `length` backticks starting at or after `from`; -1 if none. */
  closingEnd(from: number, length: number): number {
    const runs = this.byLength.get(length);
    if (!runs) return -1;
    while (runs.next < runs.starts.length && (runs.starts[runs.next] ?? 0) < from) runs.next++;
    return runs.ends[runs.next] ?? -1;
  }
}

/**
 * Finds `[^label]` in one run of non-blank, non-code lines, skipping code spans (a backtick run
 * closed by a run of the same length), backslash escapes, autolinks, links written `[^x](url)`
 * and the labels of definitions themselves. One pass: every lookahead is remembered.
 */
function scanReferences(
  text: string,
  from: number,
  to: number,
  definitionStarts: Set<number>,
  found: (label: string, from: number, to: number) => void,
  meter: WorkMeter,
): void {
  let backtickRuns: BacktickRuns | null = null;
  // Where the last label scan stopped short of `]`: a `[^` before it stops there too.
  let unclosedLabelEnd = -1;
  let i = from;
  while (i < to) {
    const char = text.charCodeAt(i);
    if (char === 0x5c /* \ */) {
      i += 2;
    } else if (char === 0x60 /* ` */) {
      let runEnd = i;
      while (runEnd < to && text.charCodeAt(runEnd) === 0x60) runEnd++;
      backtickRuns ??= new BacktickRuns(text, from, to, meter);
      const close = backtickRuns.closingEnd(runEnd, runEnd - i);
      i = close === -1 ? runEnd : close;
    } else if (char === 0x3c /* < */) {
      autolink.lastIndex = i;
      i = autolink.test(text) && autolink.lastIndex <= to ? autolink.lastIndex : i + 1;
    } else if (char === 0x5b /* [ */ && text.charCodeAt(i + 1) === 0x5e /* ^ */) {
      if (i < unclosedLabelEnd) {
        i += 2;
        continue;
      }
      // Same label syntax as markdown-it-footnote: up to `]`, no spaces or line breaks.
      let end = i + 2;
      while (end < to && !' \t\r\n]'.includes(text.charAt(end))) end++;
      meter.tick(end - i);
      if (end < to && text.charCodeAt(end) === 0x5d && end > i + 2) {
        const isLink = text.charCodeAt(end + 1) === 0x28; /* ( */
        if (!definitionStarts.has(i) && !isLink) found(text.slice(i + 2, end), i, end + 1);
        i = end + 1;
      } else {
        unclosedLabelEnd = end;
        i += 2;
      }
    } else {
      i++;
    }
  }
  meter.tick(to - from);
}

/** The definition's text: label removed, continuation lines un-indented (up to 4 spaces). */
function definitionText(
  text: string,
  lines: Lines,
  block: DefinitionBlock,
  labelEnd: number,
): string {
  const parts = [text.slice(labelEnd, lines.ends[block.startLine]).trimStart()];
  for (let line = block.startLine + 1; line < block.endLine; line++) {
    parts.push(text.slice(lines.starts[line], lines.ends[line]).replace(/^(?: {1,4}|\t)/, ''));
  }
  return parts.join('\n').trim();
}

const uniqueInOrder = (labels: Iterable<string>): string[] => [...new Set(labels)];

/**
 * Indexes footnote citations and definitions of an article. Pass the body with its offsets in the
 * whole file (from the front matter split), or the whole file of an article without front
 * matter; lines and offsets in the result always refer to the whole file.
 */
export function indexFootnotes(text: string, options: FootnoteIndexOptions = {}): FootnoteIndex {
  const lineOffset = options.lineOffset ?? 0;
  const charOffset = options.charOffset ?? 0;
  const meter = options.meter ?? unmetered;
  meter.tick(text.length);
  const lines = splitLines(text);
  const tokens = getBlockParser().parse(text, {});
  meter.tick(tokens.length);
  const { codeLines, definitions: blocks } = scanBlocks(tokens, text, lines, meter);

  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lines.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lines.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const position = (label: string, from: number, to: number): FootnoteReference => {
    const line = lineOf(from);
    return {
      label,
      line: line + 1 + lineOffset,
      column: from - (lines.starts[line] ?? 0) + 1,
      from: from + charOffset,
      to: to + charOffset,
    };
  };

  const definitions: FootnoteDefinition[] = [];
  const definitionStarts = new Set<number>();
  for (const block of blocks) {
    const lineStart = lines.starts[block.startLine] ?? 0;
    const labelStart = text.indexOf(`[^${block.label}]:`, lineStart);
    if (labelStart < 0) continue;
    definitionStarts.add(labelStart);
    const labelEnd = labelStart + block.label.length + 4;
    const end = lines.ends[block.endLine - 1] ?? text.length;
    definitions.push({
      ...position(block.label, labelStart, end),
      text: definitionText(text, lines, block, labelEnd),
    });
  }

  const references: FootnoteReference[] = [];
  const collect = (label: string, from: number, to: number) =>
    references.push(position(label, from, to));
  // Code spans never cross a blank line or a code block, so each run of text lines is scanned alone.
  let runStart = -1;
  for (let line = 0; line <= lines.starts.length; line++) {
    const isText =
      line < lines.starts.length &&
      !codeLines[line] &&
      text.slice(lines.starts[line], lines.ends[line]).trim() !== '';
    if (isText && runStart < 0) runStart = line;
    if (!isText && runStart >= 0) {
      scanReferences(
        text,
        lines.starts[runStart] ?? 0,
        lines.ends[line - 1] ?? text.length,
        definitionStarts,
        collect,
        meter,
      );
      runStart = -1;
    }
  }

  const order = uniqueInOrder(references.map((reference) => reference.label));
  const cited = new Set(order);
  const definedLabels = definitions.map((definition) => definition.label);
  const defined = new Set(definedLabels);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const label of definedLabels) {
    if (seen.has(label)) duplicates.push(label);
    seen.add(label);
  }

  return {
    references,
    definitions,
    unusedDefinitions: uniqueInOrder(definedLabels.filter((label) => !cited.has(label))),
    missingDefinitions: order.filter((label) => !defined.has(label)),
    duplicateDefinitions: uniqueInOrder(duplicates),
    order,
  };
}
