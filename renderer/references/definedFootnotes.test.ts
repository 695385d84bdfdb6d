import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { definedFootnotes } from './definedFootnotes';

const labelsOf = (state: EditorState): Record<string, number> =>
  Object.fromEntries([...state.field(definedFootnotes)].sort(([a], [b]) => a.localeCompare(b)));
const recounted = (state: EditorState): Record<string, number> =>
  labelsOf(EditorState.create({ doc: state.doc, extensions: definedFootnotes }));

const article =
  '正文[^1]，另见[^2]。\n\n## References\n\n[^1]: 新华社，2024。\n[^2]: Reuters, 2024.\n   [^3]: 缩进的定义\n';

describe('definedFootnotes', () => {
  it('counts the definitions of a document', () => {
    const state = EditorState.create({ doc: article, extensions: definedFootnotes });
    expect(labelsOf(state)).toEqual({ '1': 1, '2': 1, '3': 1 });
  });

  it('stays equal to a full recount through edits, touching only changed lines', () => {
    let state = EditorState.create({ doc: article, extensions: definedFootnotes });
    const at = (text: string): number => state.doc.toString().indexOf(text);
    const edits = [
      () => ({ from: at('[^2]: R'), to: at('[^2]: R') + 4, insert: '[^9]' }), // relabel a definition
      () => ({ from: state.doc.length, insert: '[^1]: 重复的定义\n' }), // a second definition of 1
      () => ({ from: at('正文'), insert: '插入' }), // prose: nothing changes
      () => ({ from: at('[^1]: 新'), to: at('[^1]: 新') + 1, insert: 'x' }), // no longer a definition
      () => ({ from: at('## References'), insert: '[^4]: 粘贴\n[^5]: 两行\n' }), // multi-line paste
    ];
    for (const edit of edits) {
      state = state.update({ changes: edit() }).state;
      expect(labelsOf(state)).toEqual(recounted(state));
    }
    // Two changes on one line in one transaction.
    const line = state.doc.line(state.doc.lines - 1);
    state = state.update({
      changes: [
        { from: line.from, insert: '[^7]: ' },
        { from: line.to, insert: '!' },
      ],
    }).state;
    expect(labelsOf(state)).toEqual(recounted(state));
    expect(labelsOf(state)).toEqual({ '3': 1, '4': 1, '5': 1, '7': 1, '9': 1 });
  });
});
