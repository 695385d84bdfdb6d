import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/**
 * One theme for light and dark: colours are CSS variables defined in styles/app.css under
 * `:root` and `:root[data-theme='dark']`, so switching themes needs no reconfiguration.
 */
const chrome = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--bg-editor)' },
  // The editor only: the tooltips' container in <body> carries the theme's classes too, and a
  // full height there made the page twice the window's height.
  '&.cm-editor': { height: '100%' },
  '.cm-content': { caretColor: 'var(--caret)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--caret)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    {
      backgroundColor: 'var(--selection)',
    },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-editor)', color: 'var(--fg-faint)', border: 'none' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--fg-muted)' },
  '.cm-searchMatch': {
    backgroundColor: 'var(--search-match)',
    outline: '1px solid var(--search-outline)',
  },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--search-current)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--selection-match)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--bracket)', outline: 'none' },
  '.cm-panels': { backgroundColor: 'var(--bg-panel)', color: 'var(--fg)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-panel)', border: '1px solid var(--border)' },
});

const highlight = HighlightStyle.define([
  { tag: t.heading1, fontWeight: '700', fontSize: '1.25em', color: 'var(--syntax-heading)' },
  { tag: t.heading2, fontWeight: '700', fontSize: '1.15em', color: 'var(--syntax-heading)' },
  {
    tag: [t.heading3, t.heading4, t.heading5, t.heading6],
    fontWeight: '700',
    color: 'var(--syntax-heading)',
  },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: [t.link, t.url], color: 'var(--syntax-link)' },
  { tag: t.monospace, color: 'var(--syntax-code)', fontFamily: 'var(--font-code)' },
  { tag: t.quote, color: 'var(--syntax-quote)' },
  { tag: [t.processingInstruction, t.meta, t.contentSeparator], color: 'var(--syntax-mark)' },
  { tag: t.list, color: 'var(--syntax-mark)' },
  // Front matter (YAML / TOML)
  { tag: [t.definition(t.propertyName), t.propertyName], color: 'var(--syntax-key)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syntax-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--syntax-atom)' },
  { tag: [t.comment, t.lineComment], color: 'var(--fg-faint)', fontStyle: 'italic' },
  { tag: [t.keyword, t.typeName, t.labelName], color: 'var(--syntax-key)' },
  {
    tag: [t.punctuation, t.separator, t.bracket, t.squareBracket, t.brace],
    color: 'var(--syntax-mark)',
  },
  { tag: t.invalid, color: 'var(--danger)' },
]);

export function editorTheme(): Extension {
  return [chrome, syntaxHighlighting(highlight)];
}
