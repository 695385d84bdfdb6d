import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { bracketMatching, indentUnit } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { searchMatchCount } from './searchMatchCount';
import type { Extension, StateEffect } from '@codemirror/state';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import type { ViewUpdate } from '@codemirror/view';
import {
  crosshairCursor,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  rectangularSelection,
  tooltips,
} from '@codemirror/view';
import { compositionQueue } from '../document/compositionQueue';
import { editorTheme } from './editorTheme';
import { footnoteMarkdown } from './footnoteLanguage';
import { frontMatterMarkdown } from './frontMatterLanguage';
import { longLineMarkdown } from './longLines';
import type { ImportImages } from './imageDrop';
import { imagePasteAndDrop } from './imageDrop';
import { frontMatterDropGuard } from './dropTarget';
import { trackedPositions } from './positionTracker';
import { blinkingCursor } from './caretBlink';
import { proseSpellcheck } from './spellcheck';
import { tableKeymap } from './tableEditing';
import { focusMode, typewriterScrolling } from './writingModes';

export interface EditorCallbacks {
  /** Every view update; keep it O(1) (it runs on the keystroke path). */
  onUpdate(update: ViewUpdate): void;
  onSave(): void;
  onImportImages: ImportImages;
}

/** Settings that change while the editor is open (each lives in its own compartment). */
export interface EditorConfig {
  lineNumbers: boolean;
  focusMode: boolean;
  typewriter: boolean;
  readOnly: boolean;
  /** Spell checking of prose (never of front matter or code); settings.spellcheck. */
  spellcheck: boolean;
  /** CodeMirror's own UI text (search panel), translated. */
  phrases: Readonly<Record<string, string>>;
}

/**
 * Opening characters that get their closing partner typed along. CodeMirror pairs a character
 * above U+007F with the next code point, which is exactly the closing form of 「」『』“”‘’《》〈〉
 * （）【】.
 */
const pairedCharacters = ['(', '[', '{', '"', '`', '「', '『', '“', '‘', '《', '〈', '（', '【'];

const compartments = {
  lineNumbers: new Compartment(),
  focusMode: new Compartment(),
  typewriter: new Compartment(),
  readOnly: new Compartment(),
  phrases: new Compartment(),
  spellcheck: new Compartment(),
};

function configured(config: EditorConfig): Record<keyof typeof compartments, Extension> {
  return {
    lineNumbers: config.lineNumbers ? [lineNumbers(), highlightActiveLineGutter()] : [],
    focusMode: config.focusMode ? focusMode() : [],
    typewriter: config.typewriter ? typewriterScrolling() : [],
    readOnly: [EditorState.readOnly.of(config.readOnly), EditorView.editable.of(true)],
    spellcheck: config.spellcheck
      ? [EditorView.contentAttributes.of({ spellcheck: 'true' }), proseSpellcheck]
      : EditorView.contentAttributes.of({ spellcheck: 'false' }),
    phrases: EditorState.phrases.of(config.phrases),
  };
}

/** Effects that bring an existing state in line with `config`. */
export function reconfigureEffects(config: EditorConfig): StateEffect<unknown>[] {
  const values = configured(config);
  return (Object.keys(compartments) as (keyof typeof compartments)[]).map((name) =>
    compartments[name].reconfigure(values[name]),
  );
}

/** Markdown with front matter as YAML/TOML, footnotes, GFM, CJK-aware pairing, and very long lines as plain text. */
export function markdownSupport(): Extension {
  return [
    markdown({
      base: markdownLanguage,
      extensions: [frontMatterMarkdown, footnoteMarkdown, longLineMarkdown],
      addKeymap: true,
    }),
    markdownLanguage.data.of({ closeBrackets: { brackets: pairedCharacters } }),
  ];
}

/** The writing editor's extensions, assembled from small factories as CodeMirror does itself. */
export function writingEditorExtensions(
  callbacks: EditorCallbacks,
  config: EditorConfig,
): Extension[] {
  const values = configured(config);
  return [
    history(),
    blinkingCursor(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    bracketMatching(),
    closeBrackets(),
    highlightSelectionMatches(),
    search({ top: true }),
    searchMatchCount(),
    EditorView.lineWrapping,
    // Tooltips live outside the editor: the editor is layout-contained (app.css), which makes it
    // a stacking context, so a tooltip inside it would slide under the preview pane beside it.
    tooltips({ parent: document.body }),
    indentUnit.of('    '),
    markdownSupport(),
    editorTheme(),
    compositionQueue,
    trackedPositions,
    imagePasteAndDrop(callbacks.onImportImages),
    frontMatterDropGuard(),
    compartments.lineNumbers.of(values.lineNumbers),
    compartments.focusMode.of(values.focusMode),
    compartments.typewriter.of(values.typewriter),
    compartments.readOnly.of(values.readOnly),
    compartments.phrases.of(values.phrases),
    compartments.spellcheck.of(values.spellcheck),
    EditorView.contentAttributes.of({
      autocorrect: 'off',
      autocapitalize: 'off',
      'aria-multiline': 'true',
      // In the tab order explicitly, so the scroller around it counts as keyboard reachable.
      tabindex: '0',
    }),
    Prec.high(
      keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (callbacks.onSave(), true) }]),
    ),
    tableKeymap,
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      indentWithTab,
    ]),
    EditorView.updateListener.of((update) => callbacks.onUpdate(update)),
  ];
}
