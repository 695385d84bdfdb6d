import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { showTooltip } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { footnoteCompletions, footnoteEditorExtensions } from './footnoteEditor';

/** A state from a string where `|` marks the cursor (as CodeMirror's own tests write them). */
function contextAt(doc: string, explicit = false): CompletionContext {
  const pos = doc.indexOf('|');
  const state = EditorState.create({ doc: doc.replace('|', ''), selection: { anchor: pos } });
  return new CompletionContext(state, pos, explicit);
}

const article = [
  'Claim A [^1]. Claim B [^smith]. New claim [^|',
  '',
  '[^1]: （2025/6/18）。标题一。媒体。检索日期2025/6/18。',
  '[^smith]: Smith (2025/6/16). Title. Outlet. Retrieved 2025/6/18.',
  '[^7]: Never cited.',
].join('\n');

describe('footnote completion after [^', () => {
  it('offers every defined label with its text, cited ones first', () => {
    const result = footnoteCompletions(contextAt(article));
    expect(result?.from).toBe(article.indexOf('[^|') + 2);
    expect(result?.options.map((o) => [o.label, o.detail])).toEqual([
      ['1', '（2025/6/18）。标题一。媒体。检索日期2025/6/18。'],
      ['smith', 'Smith (2025/6/16). Title. Outlet. Retrieved 2025/6/18.'],
      ['7', 'Never cited.'],
    ]);
    const boosts = result?.options.map((o) => o.boost ?? 0) ?? [];
    expect(boosts[0]).toBeGreaterThan(boosts[1] ?? 0);
    expect(boosts[1]).toBeGreaterThan(boosts[2] ?? 0);
  });

  it('keeps completing while a label is typed, and stays quiet elsewhere', () => {
    const typed = article.replace('[^|', '[^sm|');
    expect(footnoteCompletions(contextAt(typed))?.from).toBe(typed.indexOf('[^sm|') + 2);
    expect(footnoteCompletions(contextAt(article.replace('[^|', 'plain text|')))).toBeNull();
    expect(footnoteCompletions(contextAt(article.replace('[^|', '[|')))).toBeNull();
  });

  it('offers nothing in an article without definitions', () => {
    expect(footnoteCompletions(contextAt('Text [^|'))).toBeNull();
  });
});

describe('the definition at the cursor', () => {
  it('shows under the citation’s line, leaving the line above readable', () => {
    const doc = '上一行文字。\n谈判异常艰难[^1]。\n\n[^1]: 工商时报。';
    const state = EditorState.create({
      doc,
      selection: { anchor: doc.indexOf('[^1]') + 2 },
      extensions: footnoteEditorExtensions(),
    });
    const tooltips = state.facet(showTooltip).filter((tooltip) => tooltip !== null);
    expect(tooltips).toHaveLength(1);
    expect(tooltips[0]?.above).toBe(false);
    expect(tooltips[0]?.pos).toBe(doc.indexOf('[^1]'));
  });
});
