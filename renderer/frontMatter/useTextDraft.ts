import { useCallback, useEffect, useRef, useState } from 'react';
import type React from 'react';
import { useForm } from './formContext';

export interface TextDraft {
  value: string;
  onChange(event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  onCompositionStart(): void;
  onCompositionEnd(event: React.CompositionEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  /** Shows and commits a whole new value (controls that are not text boxes). */
  set(next: string): void;
}

/**
 * Binds a text box to a value that lives in the editor document. Keystrokes are committed as
 * they happen (never during an IME composition: the pinyin being composed is not the writer's
 * text yet); the document's value comes back later through the idle-time snapshot, and values
 * this box committed itself are recognised and ignored, so a late snapshot never rewinds what
 * is being typed. Any other change (undo, typing in the editor) replaces the box's text.
 * Snapshots are debounced, so the one showing an undo may carry the same value as the last one
 * the box saw: each commit is therefore tagged with the editor's document version, and a
 * snapshot at or past that version decides the box's text.
 * `commit` returns false for a value it did not write.
 */
export function useTextDraft(
  external: string,
  commit: (value: string) => boolean | void,
): TextDraft {
  const { revision, currentVersion } = useForm();
  const [value, setValue] = useState(external);
  /** Values this box wrote, with the document version right after each write. */
  const pending = useRef<{ value: string; version: number }[]>([]);
  const composing = useRef(false);

  useEffect(() => {
    if (composing.current) return;
    // Writes the shown snapshot already contains (or that a later change superseded) are settled.
    pending.current = pending.current.filter((entry) => entry.version > revision);
    // Writes newer than the snapshot: it is stale for this box; keep what is being typed.
    if (pending.current.length > 0) return;
    setValue(external);
  }, [external, revision]);

  const send = useCallback(
    (next: string) => {
      if (next === external && pending.current.length === 0) return;
      // `false`: not a value to write yet (a number being typed, "10."); the box keeps it.
      if (commit(next) !== false) pending.current.push({ value: next, version: currentVersion() });
    },
    [commit, external, currentVersion],
  );

  return {
    value,
    onChange(event) {
      const next = event.currentTarget.value;
      setValue(next);
      const native = event.nativeEvent as InputEvent;
      if (!composing.current && !native.isComposing) send(next);
    },
    onCompositionStart() {
      composing.current = true;
    },
    onCompositionEnd(event) {
      composing.current = false;
      const next = event.currentTarget.value;
      setValue(next);
      send(next);
    },
    set(next) {
      setValue(next);
      send(next);
    },
  };
}
