// The editor bench's anchor: CodeMirror 6 with the Markdown language and nothing else of Byline
// (no preview, panels or front-matter language), bundled for a plain page. What a keystroke
// costs here is what any CodeMirror Markdown editor pays; Byline's overhead is the difference.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

declare global {
  interface Window {
    openBareEditor(text: string, cursor: number): void;
  }
}

window.openBareEditor = (text, cursor) => {
  const view = new EditorView({
    state: EditorState.create({
      doc: text,
      selection: { anchor: cursor },
      extensions: [
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        markdown({ base: markdownLanguage }),
        syntaxHighlighting(defaultHighlightStyle),
        // Byline wraps lines too (long one-line CJK paragraphs); the same layout work for both.
        EditorView.lineWrapping,
      ],
    }),
    parent: document.querySelector('#editor') as HTMLElement,
  });
  view.dispatch({ effects: EditorView.scrollIntoView(cursor, { y: 'center' }) });
  view.focus();
};
