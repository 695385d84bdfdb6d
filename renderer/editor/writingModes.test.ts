import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { stateFrom } from './stateString';
import { paragraphLinesAt, typewriterScrolling } from './writingModes';

describe('focus mode paragraphs', () => {
  it('is the run of non-blank lines around the cursor', () => {
    const state = stateFrom('标题\n\n第一段第一行\n第一段|第二行\n\n第二段');
    expect(paragraphLinesAt(state, state.selection.main.head)).toEqual({ first: 3, last: 4 });
  });

  it('is the line itself on a blank line', () => {
    const state = stateFrom('a\n|\nb');
    expect(paragraphLinesAt(state, state.selection.main.head)).toEqual({ first: 2, last: 2 });
  });
});

describe('typewriter scrolling', () => {
  const state = EditorState.create({ doc: 'one\ntwo', extensions: typewriterScrolling() });
  // The only effect this extension adds is EditorView.scrollIntoView(head, { y: 'center' }).
  const hasCentering = (tr: ReturnType<EditorState['update']>): boolean => tr.effects.length > 0;

  it('centres the cursor after typing', () => {
    expect(
      hasCentering(state.update({ changes: { from: 3, insert: 'x' }, userEvent: 'input.type' })),
    ).toBe(true);
  });

  it('leaves IME composition and mouse clicks alone', () => {
    expect(
      hasCentering(
        state.update({ changes: { from: 3, insert: '中' }, userEvent: 'input.type.compose' }),
      ),
    ).toBe(false);
    expect(
      hasCentering(state.update({ selection: { anchor: 1 }, userEvent: 'select.pointer' })),
    ).toBe(false);
  });
});
