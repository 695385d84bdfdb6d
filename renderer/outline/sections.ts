import { splitArticle } from '../../shared/article/splitArticle';

/** A heading of the article body and the section it opens. Offsets are in the editor's text. */
export interface Section {
  level: number;
  /** The heading's text without its markers. */
  title: string;
  /** 1-based line of the heading. */
  line: number;
  /** Start of the heading line. */
  from: number;
  /** End of the section: the start of the next heading of the same or a higher level, or the end. */
  to: number;
}

const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The headings of an article (ATX `## x` and setext `x\n===`), outside its front matter and
 * fenced code, each with the extent of its section (subsections included). Editor text: `\n` only.
 */
export function articleSections(text: string): Section[] {
  const { bodyOffset } = splitArticle(text);
  const headings: Omit<Section, 'to'>[] = [];
  let offset = bodyOffset;
  let line = text.slice(0, bodyOffset).split('\n').length;
  let openFence: string | null = null;
  let previous: { text: string; from: number; line: number } | null = null;
  while (offset <= text.length) {
    const end = text.indexOf('\n', offset);
    const lineEnd = end === -1 ? text.length : end;
    const content = text.slice(offset, lineEnd);
    const fenceMatch = fence.exec(content);
    if (openFence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(openFence)) openFence = null;
      previous = null;
    } else if (fenceMatch) {
      openFence = fenceMatch[1]!;
      previous = null;
    } else {
      const atx = atxHeading.exec(content);
      const underline = setextUnderline.exec(content);
      if (atx) {
        headings.push({ level: atx[1]!.length, title: (atx[2] ?? '').trim(), line, from: offset });
        previous = null;
      } else if (underline && previous) {
        headings.push({
          level: underline[1]!.startsWith('=') ? 1 : 2,
          title: previous.text.trim(),
          line: previous.line,
          from: previous.from,
        });
        previous = null;
      } else {
        const paragraphLine =
          content.trim() !== '' && !/^ {0,3}[>*+-]|^ {0,3}\d+[.)]/.test(content);
        previous = paragraphLine && !previous ? { text: content, from: offset, line } : previous;
        if (content.trim() === '') previous = null;
      }
    }
    if (end === -1) break;
    offset = end + 1;
    line++;
  }
  return headings.map((heading, index) => {
    const next = headings.slice(index + 1).find((other) => other.level <= heading.level);
    return { ...heading, to: next ? next.from : text.length };
  });
}

/** Index of the section the cursor (1-based line) is in: the last heading at or above it. */
export function currentSectionIndex(sections: readonly Section[], cursorLine: number): number {
  let current = -1;
  for (const [index, section] of sections.entries()) {
    if (section.line <= cursorLine) current = index;
    else break;
  }
  return current;
}

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * Moves a whole section (heading, text and subsections) before or after another section, as
 * changes to apply together (one CodeMirror transaction, so one undo step). Null when the move
 * changes nothing or would put a section inside itself. Blank lines keep sections apart.
 */
export function moveSection(
  text: string,
  sections: readonly Section[],
  moving: number,
  target: number,
  place: 'before' | 'after',
): TextChange[] | null {
  const source = sections[moving];
  const anchor = sections[target];
  if (!source || !anchor) return null;
  const at = place === 'before' ? anchor.from : anchor.to;
  if (at >= source.from && at <= source.to) return null;

  let block = text.slice(source.from, source.to);
  let removeFrom = source.from;
  if (!block.endsWith('\n')) {
    // The last section without a final newline: take the newline before it along, so the text
    // left behind still ends the way it did.
    block += '\n';
    if (removeFrom > 0 && text[removeFrom - 1] === '\n') removeFrom--;
  }
  if (!block.endsWith('\n\n') && at < text.length) block += '\n';
  let prefix = '';
  if (at === text.length) {
    const tail = text.slice(Math.max(0, at - 2), at);
    prefix = tail.endsWith('\n\n') ? '' : tail.endsWith('\n') ? '\n' : '\n\n';
  }
  return [
    { from: removeFrom, to: source.to, insert: '' },
    { from: at, to: at, insert: prefix + block },
  ].sort((a, b) => a.from - b.from);
}

/** Applies non-overlapping changes given in the original text's offsets (tests, previews). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let result = text;
  for (const change of [...changes].sort((a, b) => b.from - a.from))
    result = result.slice(0, change.from) + change.insert + result.slice(change.to);
  return result;
}
