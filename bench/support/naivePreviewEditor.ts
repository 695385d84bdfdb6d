// The editor bench's naive baseline: what a Markdown editor without Byline's preview design does.
// CodeMirror 6 with the Markdown language beside a preview that renders the whole article through
// the same shared pipeline and sanitizer on the main thread and writes it with innerHTML on every
// change. Bundled by the bench for a plain page; nothing of it ships in the app.
import DOMPurify from 'dompurify';
import { EditorView } from '@codemirror/view';
import { parseArticle } from '../../shared/article';
import { renderArticle } from '../../shared/markdown/renderArticle';
import { createSanitizer } from '../../shared/markdown/sanitize';
import { openMarkdownEditor } from './bareMarkdownEditor';

declare global {
  interface Window {
    openNaiveEditor(text: string, cursor: number): void;
  }
}

const sanitize = createSanitizer(DOMPurify);

function renderWhole(text: string, preview: HTMLElement): void {
  const { parts, data } = parseArticle(text);
  const { headerHtml, bodyHtml } = renderArticle(data, parts.body, {
    lineOffset: parts.bodyStartLine,
    preview: true,
  });
  preview.innerHTML = sanitize(headerHtml + bodyHtml);
}

window.openNaiveEditor = (text, cursor) => {
  const preview = document.querySelector('#preview') as HTMLElement;
  renderWhole(text, preview);
  openMarkdownEditor(text, cursor, [
    EditorView.updateListener.of((update) => {
      if (update.docChanged) renderWhole(update.state.doc.toString(), preview);
    }),
  ]);
};
