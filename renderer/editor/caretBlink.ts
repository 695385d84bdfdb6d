import type { Extension } from '@codemirror/state';
import type { ViewUpdate } from '@codemirror/view';
import { drawSelection, EditorView, ViewPlugin } from '@codemirror/view';
import { TypingScheduler } from '../workbench/typingScheduler';

/** Half a blink: shown this long, hidden this long. */
const phaseMs = 530;

/**
 * The drawn cursor (needed for multiple cursors) with a blink that stays out of the way of typing:
 * solid while the writer types, blinking again once they pause, never with reduced motion.
 *
 * CodeMirror's own blink is an endless CSS animation restarted on every keystroke: each restart
 * recalculates styles in the keystroke's frame, and the animation keeps the compositor producing
 * frames all the time; in the editor bench (frame-rate limit off) that alone moved keystroke p95
 * by several milliseconds. Here a timer flips the cursor layer's visibility twice a second while
 * idle, and not at all while keys arrive.
 */
export function blinkingCursor(): Extension {
  return [drawSelection({ cursorBlinkRate: 0 }), caretBlink, noCssBlink];
}

// drawSelection still sets the layer's inline animation-name on every selection change (to restart
// its blink), and an inline style beats the theme: only !important keeps the animation (and its
// animationstart events and compositor frames) from starting again with each keystroke.
const noCssBlink = EditorView.theme({
  '&.cm-focused > .cm-scroller > .cm-cursorLayer': { animation: 'none !important' },
});

const caretBlink = ViewPlugin.fromClass(
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
