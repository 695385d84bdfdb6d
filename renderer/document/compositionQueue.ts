import type { TransactionSpec } from '@codemirror/state';
import { Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { ViewPlugin } from '@codemirror/view';

/** What a deferred change produces when it runs: a spec, a ready transaction, or nothing. */
export type DeferredChange = TransactionSpec | readonly TransactionSpec[] | Transaction | null;

const queues = new WeakMap<EditorView, (() => DeferredChange)[]>();

function apply(view: EditorView, change: DeferredChange): void {
  if (change === null) return;
  if (change instanceof Transaction) view.dispatch(change);
  else if (Array.isArray(change)) view.dispatch(...(change as TransactionSpec[]));
  else view.dispatch(change as TransactionSpec);
}

const isComposing = (view: EditorView): boolean => view.composing || view.compositionStarted;

function flush(view: EditorView): void {
  const queue = queues.get(view);
  if (!queue || queue.length === 0 || isComposing(view)) return;
  queues.delete(view);
  for (const make of queue) apply(view, make());
}

/**
 * The one way code other than the writer's own typing changes the document (toolbar commands,
 * pasted images, form fields, citations, preview clicks). While an input method is composing
 * (Chinese pinyin, Japanese kana), a programmatic change would move the composition under the
 * IME and lose or duplicate characters, so the change waits for `compositionend`.
 *
 * `make` is called when the change is applied, so positions it computes are current. Return null
 * to drop the change.
 */
export function dispatchWhenIdle(view: EditorView, make: () => DeferredChange): void {
  if (!isComposing(view)) {
    apply(view, make());
    return;
  }
  const queue = queues.get(view) ?? [];
  queue.push(make);
  queues.set(view, queue);
}

/** Applies queued changes once the composition has ended and CodeMirror has read it. */
export const compositionQueue = ViewPlugin.fromClass(
  class {
    constructor(readonly view: EditorView) {}
    update(): void {
      if (queues.has(this.view) && !isComposing(this.view)) queueMicrotask(() => flush(this.view));
    }
  },
  {
    eventHandlers: {
      compositionend(_event, view) {
        // CodeMirror finishes reading the composition after this event; flush after it has.
        setTimeout(() => flush(view), 0);
      },
    },
  },
);

/** Runs a state command (formatting) as a composition-safe change. */
export function runWhenIdle(
  view: EditorView,
  command: (target: { state: EditorView['state']; dispatch: (tr: Transaction) => void }) => boolean,
): void {
  dispatchWhenIdle(view, () => {
    let result: Transaction | null = null;
    command({ state: view.state, dispatch: (tr) => (result = tr) });
    return result;
  });
}
