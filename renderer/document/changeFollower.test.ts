import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { ChangeFollower } from './changeFollower';

const type = (state: EditorState, at: number, insert: string) =>
  state.update({ changes: { from: at, insert } });

describe('ChangeFollower', () => {
  it('composes a tab’s changes since the last take, which apply to the text taken then', () => {
    const follower = new ChangeFollower();
    let state = EditorState.create({ doc: '新闻\nline two' });
    follower.shown('a', 0, state.doc);
    const base = follower.restart('a');
    expect(base?.doc.toString()).toBe('新闻\nline two');
    let version = 0;
    for (const [at, text] of [
      [2, '稿'],
      [0, '# '],
      [14, '!'],
    ] as const) {
      const tr = type(state, at, text);
      follower.record('a', ++version, tr.startState.doc, tr.changes, tr.state.doc);
      state = tr.state;
    }
    const taken = follower.take('a');
    expect(taken).toMatchObject({ baseVersion: 0, version: 3 });
    expect(taken?.changes?.apply(base!.doc).toString()).toBe(state.doc.toString());
    // The next take starts where this one ended.
    expect(follower.take('a')).toMatchObject({ baseVersion: 3, version: 3 });
    expect(follower.take('a')?.changes?.empty).toBe(true);
  });

  it('reports unknown changes when the history is broken (a state replaced while hidden)', () => {
    const follower = new ChangeFollower();
    const state = EditorState.create({ doc: 'one' });
    follower.shown('a', 0, state.doc);
    follower.restart('a');
    const reloaded = EditorState.create({ doc: 'one, reloaded from disk' });
    const tr = type(reloaded, 0, 'x');
    follower.record('a', 1, tr.startState.doc, tr.changes, tr.state.doc);
    expect(follower.take('a')).toMatchObject({ version: 1, changes: null });
    // Shown again with another document at the same version: also unknown.
    follower.shown('a', 1, EditorState.create({ doc: 'other' }).doc);
    expect(follower.take('a')?.changes).toBeNull();
  });

  it('keeps each tab’s changes apart', () => {
    const follower = new ChangeFollower();
    const a = EditorState.create({ doc: 'a' });
    const b = EditorState.create({ doc: 'b' });
    follower.shown('a', 0, a.doc);
    follower.shown('b', 0, b.doc);
    follower.restart('a');
    follower.restart('b');
    const tr = type(a, 1, '1');
    follower.record('a', 1, tr.startState.doc, tr.changes, tr.state.doc);
    expect(follower.take('b')?.changes?.empty).toBe(true);
    expect(follower.take('a')?.changes?.apply(a.doc).toString()).toBe('a1');
  });
});
