import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { autocompletion } from '@codemirror/autocomplete';
import type { Extension, Range, Text } from '@codemirror/state';
import { EditorState, StateField } from '@codemirror/state';
import type { DecorationSet, Tooltip, ViewUpdate } from '@codemirror/view';
import { Decoration, EditorView, hoverTooltip, showTooltip, ViewPlugin } from '@codemirror/view';
import i18next from 'i18next';
import type { FootnoteIndex } from '../../shared/footnotes/footnoteIndex';
import { indexArticleFootnotes } from '../../shared/citations/citationAnalysis';
import { TypingScheduler } from '../workbench/typingScheduler';
import { definedFootnotes } from './definedFootnotes';

/**
 * Footnotes in the editor: the definition of `[^n]` under the mouse or the cursor,
 * completion of existing labels after `[^`, and a wavy mark on citations without a definition.
 * Everything is derived from the document; nothing here changes it except accepting a completion.
 */

// ── the footnote index of a document, computed lazily and once per document version ───────────

const indexes = new WeakMap<Text, FootnoteIndex>();

function footnotesOf(doc: Text): FootnoteIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = indexArticleFootnotes(doc.toString());
    indexes.set(doc, index);
  }
  return index;
}

const REFERENCE = /\[\^([^\]\s]+)\](?!:)/g;

/** The `[^label]` (not a definition's own label) that contains `pos` on its line, if any. */
function referenceAt(
  state: EditorState,
  pos: number,
): { label: string; from: number; to: number } | null {
  const line = state.doc.lineAt(pos);
  for (const match of line.text.matchAll(REFERENCE)) {
    const from = line.from + match.index;
    const to = from + match[0].length;
    if (pos >= from && pos <= to) return { label: match[1] ?? '', from, to };
  }
  return null;
}

function definitionText(state: EditorState, label: string): string | null {
  const definitions = footnotesOf(state.doc).definitions.filter((d) => d.label === label);
  return definitions[definitions.length - 1]?.text ?? null;
}

function tooltipDom(label: string, text: string | null): HTMLElement {
  const dom = document.createElement('div');
  dom.className =
    text === null ? 'cm-footnote-tooltip cm-footnote-tooltip-missing' : 'cm-footnote-tooltip';
  const head = document.createElement('strong');
  head.textContent = `[^${label}] `;
  dom.append(
    head,
    document.createTextNode(text ?? i18next.t('references.hover.missing', { label })),
  );
  return dom;
}

/** `above`: over the reference (hover) or under its line (the cursor, so the line above stays readable). */
function footnoteTooltip(state: EditorState, pos: number, above: boolean): Tooltip | null {
  const reference = referenceAt(state, pos);
  if (!reference) return null;
  const text = definitionText(state, reference.label);
  return {
    pos: reference.from,
    end: reference.to,
    above,
    create: () => ({ dom: tooltipDom(reference.label, text) }),
  };
}

/** Hovering a citation shows its definition. */
const footnoteHover = hoverTooltip((view, pos) => footnoteTooltip(view.state, pos, true), {
  hoverTime: 250,
});

/**
 * The cursor inside a citation shows its definition too (keyboard users, screen readers), below
 * the line: a writer reads upwards from the cursor, so the line above must stay visible.
 */
const cursorTooltip = StateField.define<Tooltip | null>({
  create: (state) =>
    state.selection.main.empty ? footnoteTooltip(state, state.selection.main.head, false) : null,
  update(value, tr) {
    if (!tr.docChanged && !tr.selection) return value;
    const { main } = tr.state.selection;
    return main.empty ? footnoteTooltip(tr.state, main.head, false) : null;
  },
  provide: (field) => showTooltip.from(field),
});

// ── completion after `[^` ─────────────────────────────────────────────────────────────────────

const shorten = (text: string, max = 80): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function footnoteCompletions(context: CompletionContext): CompletionResult | null {
  const before = context.matchBefore(/\[\^[^\]\s[]*$/);
  if (!before) return null;
  const from = before.from + 2;
  const index = footnotesOf(context.state.doc);
  const cited = new Set(index.order);
  const seen = new Set<string>();
  const options: Completion[] = [];
  for (const definition of index.definitions) {
    if (seen.has(definition.label)) continue;
    seen.add(definition.label);
    const rank = index.order.indexOf(definition.label);
    options.push({
      label: definition.label,
      detail: shorten(definition.text.replace(/\s+/g, ' ')),
      info: definition.text,
      type: 'text',
      boost: rank < 0 ? -99 : -rank,
      section: cited.has(definition.label) ? undefined : i18next.t('references.completion.unused'),
      apply: (view, _completion, applyFrom, applyTo) => {
        const closed = view.state.sliceDoc(applyTo, applyTo + 1) === ']';
        const insert = closed ? definition.label : `${definition.label}]`;
        view.dispatch({
          changes: { from: applyFrom, to: applyTo, insert },
          selection: { anchor: applyFrom + insert.length + (closed ? 1 : 0) },
          userEvent: 'input.complete',
        });
      },
    });
  }
  if (options.length === 0) return null;
  return { from, options, validFor: /^[^\]\s[]*$/ };
}

// ── citations without a definition ────────────────────────────────────────────────────────────

const missingMark = (label: string) =>
  Decoration.mark({
    class: 'cm-footnote-missing',
    attributes: { title: i18next.t('references.hover.missing', { label }), 'aria-invalid': 'true' },
  });
const referenceMark = Decoration.mark({ class: 'cm-footnote-ref' });

function footnoteMarks(view: EditorView): DecorationSet {
  const defined = view.state.field(definedFootnotes);
  const marks: Range<Decoration>[] = [];
  for (const { from, to } of view.visibleRanges) {
    const text = view.state.sliceDoc(from, to);
    for (const match of text.matchAll(REFERENCE)) {
      const start = from + match.index;
      const label = match[1] ?? '';
      marks.push(
        (defined.has(label) ? referenceMark : missingMark(label)).range(
          start,
          start + match[0].length,
        ),
      );
    }
  }
  return Decoration.set(marks, true);
}

const DEBOUNCE_MS = 300;

/** Marks visible citations; after typing, the definitions are re-read once the writer pauses. */
const missingDefinitionMarks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    /** A key only notes its time here (no timer set and cleared per key). */
    private readonly redraw = new TypingScheduler(() => this.redrawAfterTyping(), {
      quietMs: DEBOUNCE_MS,
      maxDelayMs: Infinity,
      leading: false,
    });

    constructor(readonly view: EditorView) {
      this.decorations = footnoteMarks(view);
    }

    update(update: ViewUpdate): void {
      if (update.docChanged) {
        this.decorations = this.decorations.map(update.changes);
        this.redraw.changed();
      } else if (update.viewportChanged) {
        this.decorations = footnoteMarks(update.view);
      }
    }

    /** Redraws after a pause in typing, never in the middle of an IME composition. */
    private redrawAfterTyping(): void {
      if (this.view.composing) {
        this.redraw.changed();
        return;
      }
      this.decorations = footnoteMarks(this.view);
      this.view.dispatch({});
    }

    destroy(): void {
      this.redraw.cancel();
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const footnoteTheme = EditorView.baseTheme({
  '.cm-footnote-ref': { color: 'var(--syntax-link, #2458a6)' },
  '.cm-footnote-missing': {
    textDecoration: 'underline wavy var(--danger, #b3261e)',
    textUnderlineOffset: '3px',
  },
  '.cm-footnote-tooltip': {
    maxWidth: '32em',
    padding: '4px 8px',
    fontFamily: 'var(--font-ui, sans-serif)',
    fontSize: '13px',
    lineHeight: '1.5',
    whiteSpace: 'normal',
  },
  '.cm-footnote-tooltip-missing': { color: 'var(--danger, #b3261e)' },
});

/** All footnote helpers for the writing editor. */
export function footnoteEditorExtensions(): Extension {
  return [
    footnoteHover,
    cursorTooltip,
    autocompletion(),
    EditorState.languageData.of(() => [{ autocomplete: footnoteCompletions }]),
    definedFootnotes,
    missingDefinitionMarks,
    footnoteTheme,
  ];
}
