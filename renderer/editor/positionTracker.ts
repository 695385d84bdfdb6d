import { StateEffect, StateField } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

const track = StateEffect.define<{ id: number; pos: number }>();
const untrack = StateEffect.define<number>();

/**
 * Positions that follow later edits (an image being copied while the writer keeps typing must
 * land where it was dropped, not where that offset points a second later).
 */
export const trackedPositions = StateField.define<ReadonlyMap<number, number>>({
  create: () => new Map(),
  update(positions, tr) {
    let next: Map<number, number> | null = null;
    if (tr.docChanged && positions.size > 0) {
      next = new Map();
      for (const [id, pos] of positions) next.set(id, tr.changes.mapPos(pos, 1));
    }
    for (const effect of tr.effects) {
      if (effect.is(track)) (next ??= new Map(positions)).set(effect.value.id, effect.value.pos);
      if (effect.is(untrack)) (next ??= new Map(positions)).delete(effect.value);
    }
    return next ?? positions;
  },
});

let nextId = 1;

export interface TrackedPosition {
  /** Where the position is now, or null when the view no longer tracks it. */
  current(): number | null;
  release(): void;
}

export function trackPosition(view: EditorView, pos: number): TrackedPosition {
  const id = nextId++;
  view.dispatch({ effects: track.of({ id, pos }) });
  return {
    current: () => view.state.field(trackedPositions, false)?.get(id) ?? null,
    release: () => {
      if (view.state.field(trackedPositions, false)?.has(id))
        view.dispatch({ effects: untrack.of(id) });
    },
  };
}
