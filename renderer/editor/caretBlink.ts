import type { Extension } from '@codemirror/state';
import { Compartment, EditorState } from '@codemirror/state';
import type { ViewUpdate } from '@codemirror/view';
import { drawSelection, EditorView, ViewPlugin } from '@codemirror/view';
import { TypingScheduler } from '../workbench/typingScheduler';

/** Half a blink: shown this long, hidden this long. */
const phaseMs = 530;

/**
 * The caret: the browser's own while there is one cursor, CodeMirror's drawn cursors (with a
 * blink that stays out of the way of typing) while there are several.
 *
 * A drawn cursor costs every keystroke a second style and layout pass: its layer is redrawn in
 * the editor's measure phase, right before CodeMirror reads the caret's coordinates to scroll it
 * into view, so that read lays the page out again (editor bench: 2.3 layouts a key instead of 1).
 * The native caret is drawn by the browser in the frame it paints anyway, and IME candidate
 * windows follow it. Several cursors (rectangular selection, Mod-click) need the drawn ones, so
 * the drawn layer is switched on for as long as the selection has more than one range.
 */
export function blinkingCursor(): Extension {
  return [drawnCursors.of([]), switchDrawnCursors, steadyNativeCaret];
}

/** The native caret keeps still for writers who ask for reduced motion, as the drawn one does. */
const steadyNativeCaret = EditorView.theme({
  '@media (prefers-reduced-motion: reduce)': { '.cm-content': { caretAnimation: 'manual' } },
});

const drawnCursors = new Compartment();

/** Drawn cursors: the blink runs on a timer, solid while the writer types, none with reduced motion. */
const drawnCursorExtensions: Extension = [
  drawSelection({ cursorBlinkRate: 0 }),
  caretBlinkPlugin(),
  noCssBlink(),
];

const switchDrawnCursors = EditorState.transactionExtender.of((tr) => {
  const several = tr.newSelection.ranges.length > 1;
  const drawn = drawnCursors.get(tr.startState) === drawnCursorExtensions;
  if (several === drawn) return null;
  return { effects: drawnCursors.reconfigure(several ? drawnCursorExtensions : []) };
});

// drawSelection still sets the layer's inline animation-name on every selection change (to restart
// its blink), and an inline style beats the theme: only !important keeps the animation (and its
// animationstart events and compositor frames) from starting again with each keystroke.
function noCssBlink(): Extension {
  return EditorView.theme({
    '&.cm-focused > .cm-scroller > .cm-cursorLayer': { animation: 'none !important' },
  });
}

function caretBlinkPlugin(): Extension {
  return ViewPlugin.fromClass(
    class {
      private timer: ReturnType<typeof setTimeout> | null = null;
      private hidden = false;
      private readonly reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
      /** A key only notes its time here; the blink resumes once the keys have paused. */
      private readonly resume = new TypingScheduler(() => this.startBlinking(), {
        quietMs: phaseMs * 2,
        maxDelayMs: Infinity,
        leading: false,
      });

      constructor(readonly view: EditorView) {
        this.restart();
      }

      update(update: ViewUpdate): void {
        if (update.docChanged || update.selectionSet || update.focusChanged) this.restart();
      }

      /** Solid now; blinking starts after a pause. */
      private restart(): void {
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = null;
        this.show(true);
        this.resume.changed();
      }

      private startBlinking(): void {
        if (this.timer === null && this.view.hasFocus && !this.reducedMotion?.matches) this.tick();
      }

      private readonly tick = (): void => {
        this.show(this.hidden);
        this.timer = this.view.hasFocus ? setTimeout(this.tick, phaseMs) : null;
        if (!this.view.hasFocus) this.show(true);
      };

      private show(visible: boolean): void {
        if (this.hidden === !visible) return;
        this.hidden = !visible;
        const layer = this.view.scrollDOM.querySelector<HTMLElement>(':scope > .cm-cursorLayer');
        if (layer) layer.style.visibility = visible ? '' : 'hidden';
      }

      destroy(): void {
        if (this.timer !== null) clearTimeout(this.timer);
        this.resume.cancel();
      }
    },
  );
}
