import type {
  ChangeSpec,
  EditorState,
  SelectionRange,
  StateCommand,
  Transaction,
} from '@codemirror/state';
import { EditorSelection } from '@codemirror/state';

type Dispatch = (tr: Transaction) => void;

/**
 * Formatting commands as CodeMirror state commands, so they are unit-tested on EditorState alone
 * and undo as one step. They act on every selection range (multiple cursors).
 */

// ── inline markup ────────────────────────────────────────────────────────────────────────────

/** Is `marker` really there, not part of a longer run (`*` inside `**`)? */
function markerAt(state: EditorState, from: number, marker: string): boolean {
  if (from < 0 || from + marker.length > state.doc.length) return false;
  if (state.sliceDoc(from, from + marker.length) !== marker) return false;
  const ch = marker[0] ?? '';
  const before = state.sliceDoc(Math.max(0, from - 1), from);
  const after = state.sliceDoc(from + marker.length, from + marker.length + 1);
  // A single-character marker next to the same character belongs to a longer marker.
  if (marker.length === 1 && (before === ch || after === ch)) return false;
  return true;
}

export function toggleInlineMarkup(marker: string): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const m = marker.length;
    const tr = state.changeByRange((range) => {
      const text = state.sliceDoc(range.from, range.to);
      // Markers just outside the selection: remove them.
      if (markerAt(state, range.from - m, marker) && markerAt(state, range.to, marker)) {
        return {
          changes: [
            { from: range.from - m, to: range.from },
            { from: range.to, to: range.to + m },
          ],
          range: EditorSelection.range(range.from - m, range.to - m),
        };
      }
      // Markers inside the selection: unwrap.
      if (text.length >= 2 * m && text.startsWith(marker) && text.endsWith(marker)) {
        const inner = text.slice(m, text.length - m);
        return {
          changes: { from: range.from, to: range.to, insert: inner },
          range: EditorSelection.range(range.from, range.from + inner.length),
        };
      }
      if (range.empty) {
        return {
          changes: { from: range.from, insert: marker + marker },
          range: EditorSelection.cursor(range.from + m),
        };
      }
      return {
        changes: [
          { from: range.from, insert: marker },
          { from: range.to, insert: marker },
        ],
        range: EditorSelection.range(range.from + m, range.to + m),
      };
    });
    dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

export const toggleBold = toggleInlineMarkup('**');
export const toggleItalic = toggleInlineMarkup('*');
export const toggleStrikethrough = toggleInlineMarkup('~~');
export const toggleInlineCode = toggleInlineMarkup('`');

// ── line prefixes ────────────────────────────────────────────────────────────────────────────

/** Lines touched by the selection, each once, in order. */
function selectedLines(state: EditorState): { from: number; text: string; number: number }[] {
  const seen = new Set<number>();
  const lines: { from: number; text: string; number: number }[] = [];
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number;
    // A selection ending at the start of a line does not include that line.
    const endLine = state.doc.lineAt(range.to);
    const last =
      range.to > range.from && endLine.from === range.to ? endLine.number - 1 : endLine.number;
    for (let n = first; n <= Math.max(first, last); n++) {
      if (seen.has(n)) continue;
      seen.add(n);
      const line = state.doc.line(n);
      lines.push({ from: line.from, text: line.text, number: n });
    }
  }
  return lines.sort((a, b) => a.number - b.number);
}

const headingPrefix = /^(#{1,6})[ \t]+/;
const quotePrefix = /^>[ \t]?/;
const bulletPrefix = /^([ \t]*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/;
const orderedPrefix = /^([ \t]*)\d{1,9}[.)][ \t]+/;

function applyLineChanges(state: EditorState, dispatch: Dispatch, changes: ChangeSpec[]): boolean {
  if (state.readOnly) return false;
  const set = state.changes(changes);
  const selection = EditorSelection.create(
    state.selection.ranges.map((r): SelectionRange => {
      const anchor = set.mapPos(r.anchor, 1);
      const head = set.mapPos(r.head, 1);
      return EditorSelection.range(anchor, head);
    }),
    state.selection.mainIndex,
  );
  dispatch(
    state.update({ changes: set, selection, scrollIntoView: true, userEvent: 'input.format' }),
  );
  return true;
}

/** `## ` on every selected line; the same level again removes it. */
export function setHeading(level: number): StateCommand {
  return ({ state, dispatch }) => {
    const lines = selectedLines(state);
    const wanted = '#'.repeat(level);
    const allAtLevel = lines.every((line) => headingPrefix.exec(line.text)?.[1] === wanted);
    const changes: ChangeSpec[] = lines.map((line) => {
      const existing = headingPrefix.exec(line.text);
      const length = existing ? existing[0].length : 0;
      return { from: line.from, to: line.from + length, insert: allAtLevel ? '' : `${wanted} ` };
    });
    return applyLineChanges(state, dispatch, changes);
  };
}

export const setHeading2 = setHeading(2);
export const setHeading3 = setHeading(3);

/** `> ` on every selected line, or off when all of them already have it. */
export const toggleQuote: StateCommand = ({ state, dispatch }) => {
  const lines = selectedLines(state);
  const content = lines.filter((line) => line.text.trim() !== '' || lines.length === 1);
  const allQuoted = content.length > 0 && content.every((line) => quotePrefix.test(line.text));
  const changes: ChangeSpec[] = content.map((line) => {
    if (allQuoted)
      return { from: line.from, to: line.from + (quotePrefix.exec(line.text)?.[0].length ?? 0) };
    return { from: line.from, insert: '> ' };
  });
  return applyLineChanges(state, dispatch, changes);
};

function toggleList(kind: 'bullet' | 'ordered'): StateCommand {
  return ({ state, dispatch }) => {
    const lines = selectedLines(state);
    const content = lines.filter((line) => line.text.trim() !== '' || lines.length === 1);
    const own = kind === 'bullet' ? bulletPrefix : orderedPrefix;
    const other = kind === 'bullet' ? orderedPrefix : bulletPrefix;
    const allListed = content.length > 0 && content.every((line) => own.test(line.text));
    let number = 1;
    const changes: ChangeSpec[] = content.map((line) => {
      const existing = own.exec(line.text) ?? other.exec(line.text);
      const indent = existing?.[1] ?? /^[ \t]*/.exec(line.text)?.[0] ?? '';
      const length = existing ? existing[0].length : indent.length;
      if (allListed) return { from: line.from, to: line.from + length, insert: indent };
      const marker = kind === 'bullet' ? '- ' : `${number++}. `;
      return { from: line.from, to: line.from + length, insert: indent + marker };
    });
    return applyLineChanges(state, dispatch, changes);
  };
}

export const toggleBulletList = toggleList('bullet');
export const toggleOrderedList = toggleList('ordered');

// ── inserts ──────────────────────────────────────────────────────────────────────────────────

const looksLikeUrl = (text: string): boolean =>
  /^(?:https?:\/\/|mailto:|www\.)\S+$/i.test(text.trim());

/** `[text](|)`; a selected URL becomes the target: `[|](url)`; nothing selected: `[|]()`. */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const tr = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    if (!range.empty && looksLikeUrl(text)) {
      const insert = `[](${text.trim()})`;
      return {
        changes: { from: range.from, to: range.to, insert },
        range: EditorSelection.cursor(range.from + 1),
      };
    }
    const insert = `[${text}]()`;
    const cursor = range.empty ? range.from + 1 : range.from + insert.length - 1;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.cursor(cursor),
    };
  });
  dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};

/** Markdown for an image, with the URL in angle brackets when it has spaces or parentheses. */
export function imageMarkdown(alt: string, url: string): string {
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `![${alt.replace(/[[\]]/g, '')}](${target})`;
}

/** `![|]()` at each cursor (the toolbar asks for a file first when it can). */
export const insertImageTemplate: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const tr = state.changeByRange((range) => {
    const alt = state.sliceDoc(range.from, range.to);
    const insert = `![${alt}]()`;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.cursor(range.from + insert.length - 1),
    };
  });
  dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};

/** Text to insert at `pos` so that `block` stands as its own paragraph. */
function asBlock(
  state: EditorState,
  pos: number,
  block: string,
): { insert: string; offset: number } {
  const line = state.doc.lineAt(pos);
  const before = state.sliceDoc(line.from, pos);
  const after = state.sliceDoc(pos, line.to);
  let prefix = '';
  if (before.trim() !== '') prefix = '\n\n';
  else if (line.number > 1 && state.doc.line(line.number - 1).text.trim() !== '') prefix = '\n';
  const suffix = after.trim() !== '' ? '\n\n' : line.number < state.doc.lines ? '\n' : '\n';
  return { insert: prefix + block + suffix, offset: prefix.length };
}

/** A two-column table skeleton with the cursor in the first header cell. */
export function insertTable(header: [string, string] = ['', '']): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const range = state.selection.main;
    const h1 = header[0] || '   ';
    const h2 = header[1] || '   ';
    const table = `| ${h1} | ${h2} |\n| --- | --- |\n|     |     |`;
    const { insert, offset } = asBlock(state, range.from, table);
    dispatch(
      state.update({
        changes: { from: range.from, to: range.to, insert },
        selection: EditorSelection.range(
          range.from + offset + 2,
          range.from + offset + 2 + h1.length,
        ),
        scrollIntoView: true,
        userEvent: 'input.format',
      }),
    );
    return true;
  };
}

/**
 * A plain footnote: `[^n]` at the cursor and an empty `[^n]: ` definition at the end, cursor
 * there. The references panel replaces this with its own citation picker when it is present.
 */
export const insertFootnote: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const text = state.doc.toString();
  let highest = 0;
  for (const match of text.matchAll(/\[\^(\d+)\]/g)) highest = Math.max(highest, Number(match[1]));
  const label = `[^${highest + 1}]`;
  const pos = state.selection.main.head;
  const end = state.doc.length;
  // Right after the existing definitions when the article ends with them, else as a new paragraph.
  const lastLine = text.replace(/\n+$/, '').split('\n').pop() ?? '';
  const afterDefinitions = /^\[\^[^\]]+\]:/.test(lastLine);
  const tail = text.endsWith('\n\n')
    ? ''
    : text.endsWith('\n')
      ? afterDefinitions
        ? ''
        : '\n'
      : afterDefinitions
        ? '\n'
        : '\n\n';
  const definition = `${tail}${label}: `;
  const cursor = end + label.length + definition.length;
  dispatch(
    state.update({
      changes: [
        { from: pos, insert: label },
        { from: end, insert: definition },
      ],
      selection: EditorSelection.cursor(cursor),
      scrollIntoView: true,
      userEvent: 'input.format',
    }),
  );
  return true;
};
