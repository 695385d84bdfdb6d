/**
 * Events of typing that end at the editor: CodeMirror has handled each of them on its content
 * element before it bubbles here, and nothing above the editor listens to them. Left to bubble,
 * every one reaches React's listener at the root, which walks the component tree and runs its
 * event plugins (change, select, before-input polyfills) for each, several times per keystroke.
 * Keydown is not among them: the window's shortcuts and the menus' close-on-key listeners need it.
 */
export const editorOnlyEvents = [
  'keypress',
  'keyup',
  'beforeinput',
  'textInput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
] as const;

/** Stops those events at `host` (after every handler inside it ran); returns the undo. */
export function endTypingEventsAt(host: HTMLElement): () => void {
  const stop = (event: Event): void => event.stopPropagation();
  for (const type of editorOnlyEvents) host.addEventListener(type, stop);
  return () => {
    for (const type of editorOnlyEvents) host.removeEventListener(type, stop);
  };
}
