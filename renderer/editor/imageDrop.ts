import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { dropPositionOutsideFrontMatter } from './dropTarget';

export type ImportImages = (files: File[], pos: number) => void;

const imageFiles = (list: FileList | null | undefined): File[] =>
  [...(list ?? [])].filter((file) => file.type.startsWith('image/'));

/**
 * Pasting or dropping image files hands them to `onImages` with the document position where
 * their links belong (a drop on the front matter: after it); text pastes and drags within the
 * editor keep CodeMirror's behaviour.
 */
export function imagePasteAndDrop(onImages: ImportImages): Extension {
  return EditorView.domEventHandlers({
    paste(event, view) {
      const files = imageFiles(event.clipboardData?.files);
      if (files.length === 0 || view.state.readOnly) return false;
      event.preventDefault();
      onImages(files, view.state.selection.main.head);
      return true;
    },
    dragover(event) {
      if (event.dataTransfer?.types.includes('Files')) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }
      return false;
    },
    drop(event, view) {
      const files = imageFiles(event.dataTransfer?.files);
      if (files.length === 0 || view.state.readOnly) return false;
      event.preventDefault();
      const pos =
        view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
      onImages(files, dropPositionOutsideFrontMatter(view.state, pos));
      return true;
    },
  });
}

/** `File` -> base64 without building a giant binary string. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
