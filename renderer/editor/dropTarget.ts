import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { splitArticle } from '../../shared/article';

/**
 * Where something dropped at `pos` goes: never into the front matter (a drop there lands right
 * after its closing line), so a drag can never break the block the publishing pipeline reads.
 */
export function dropPositionOutsideFrontMatter(state: EditorState, pos: number): number {
  const block = splitArticle(state.doc.toString()).frontMatter;
  if (block && pos >= block.range.from && pos < block.range.to) return block.range.to;
  return pos;
}

/**
 * Text dropped into the front matter: from outside, it is inserted after the block instead;
 * text dragged within the editor is refused there (the writer meant to move it into a field).
 * Files are left to the image drop (and the window's article drop); other files are refused, so
 * CodeMirror never pastes a dropped file's bytes into the article.
 */
export function frontMatterDropGuard() {
  let draggingFromEditor = false;
  return EditorView.domEventHandlers({
    dragstart() {
      draggingFromEditor = true;
      return false;
    },
    dragend() {
      draggingFromEditor = false;
      return false;
    },
    drop(event, view) {
      const internal = draggingFromEditor;
      draggingFromEditor = false;
      const transfer = event.dataTransfer;
      if (!transfer) return false;
      if (transfer.files.length > 0) {
        const images = [...transfer.files].some((file) => file.type.startsWith('image/'));
        if (images) return false;
        event.preventDefault();
        return true;
      }
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
      if (pos === null) return false;
      const target = dropPositionOutsideFrontMatter(view.state, pos);
      if (target === pos) return false;
      event.preventDefault();
      const text = transfer.getData('text/plain');
      if (internal || view.state.readOnly || text === '') return true;
      view.dispatch({
        changes: { from: target, insert: text },
        selection: { anchor: target, head: target + text.length },
        userEvent: 'input.drop',
        scrollIntoView: true,
      });
      view.focus();
      return true;
    },
  });
}
