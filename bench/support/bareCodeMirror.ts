// The editor bench's anchor: CodeMirror 6 with the Markdown language and nothing else of Byline
// (no preview, panels or front-matter language), bundled for a plain page. What a keystroke
// costs here is what any CodeMirror Markdown editor pays; Byline's overhead is the difference.
import { openMarkdownEditor } from './bareMarkdownEditor';

declare global {
  interface Window {
    openBareEditor(text: string, cursor: number): void;
  }
}

window.openBareEditor = (text, cursor) => openMarkdownEditor(text, cursor);
