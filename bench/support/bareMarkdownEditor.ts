// CodeMirror 6 with the Markdown language and nothing of Byline: the editor of the bench's bare
// anchor and of its naive baseline page.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

/** Opens `text` in #editor with the cursor at `cursor`, scrolled to it and focused. */
export function openMarkdownEditor(text: string, cursor: number, extra: Extension[] = []): void {
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
        ...extra,
      ],
    }),
    parent: document.querySelector('#editor') as HTMLElement,
  });
  view.dispatch({ effects: EditorView.scrollIntoView(cursor, { y: 'center' }) });
  view.focus();
}
