import { EditorSelection, EditorState } from '@codemirror/state';
import { SearchQuery } from '@codemirror/search';
import { describe, expect, it } from 'vitest';
import { editorPhrases } from '../i18n/editorPhrases';
import { countMatches, matchCountText } from './searchMatchCount';

const stateOf = (doc: string, anchor = 0, head = anchor, locale: 'en' | 'zh-CN' = 'en') =>
  EditorState.create({
    doc,
    selection: EditorSelection.single(anchor, head),
    extensions: EditorState.phrases.of(editorPhrases(locale)),
  });

describe('search match count', () => {
  const doc = '芯片 chip 芯片 CHIP 芯片';

  it('counts matches and finds the one the selection is on', () => {
    const state = stateOf(doc, 8, 10);
    const count = countMatches(state, new SearchQuery({ search: '芯片' }));
    expect(count).toEqual({ total: 3, current: 2, capped: false });
    expect(matchCountText(state, count)).toBe('2 of 3');
    expect(matchCountText(stateOf(doc, 0, 0, 'zh-CN'), count)).toBe('第 2 处，共 3 处');
  });

  it('says how many when the selection is on none, and when there are none', () => {
    const state = stateOf(doc);
    expect(matchCountText(state, countMatches(state, new SearchQuery({ search: 'chip' })))).toBe(
      '2 matches',
    );
    const none = countMatches(state, new SearchQuery({ search: 'chip', caseSensitive: true }));
    expect(none?.total).toBe(1);
    expect(matchCountText(state, countMatches(state, new SearchQuery({ search: 'xyz' })))).toBe(
      'No matches',
    );
    expect(
      matchCountText(stateOf(doc, 0, 0, 'zh-CN'), { total: 0, current: 0, capped: false }),
    ).toBe('无匹配');
    expect(countMatches(state, new SearchQuery({ search: '(', regexp: true }))).toBeNull();
  });

  it('stops counting at 1000', () => {
    const state = stateOf('a'.repeat(1500));
    const count = countMatches(state, new SearchQuery({ search: 'a' }));
    expect(count).toEqual({ total: 1000, current: 0, capped: true });
    expect(matchCountText(state, count)).toBe('1000+ matches');
  });
});
