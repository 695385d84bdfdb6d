import type { EditorView } from '@codemirror/view';

/**
 * The writer is typing into a dialog or a field (the library search, a front-matter field). An
 * article the app opens by itself meanwhile (a restored session, a file from the OS) must not
 * take the rest of those keys.
 */
export function typingElsewhere(view: EditorView): boolean {
  const focused = view.dom.ownerDocument.activeElement;
  if (!(focused instanceof HTMLElement) || view.dom.contains(focused)) return false;
  return (
    focused.closest('[role="dialog"], [role="alertdialog"]') !== null ||
    focused.isContentEditable ||
    focused instanceof HTMLTextAreaElement ||
    focused instanceof HTMLSelectElement ||
    (focused instanceof HTMLInputElement && !nonTextInputs.has(focused.type))
  );
}

const nonTextInputs = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'submit',
  'reset',
  'image',
]);
