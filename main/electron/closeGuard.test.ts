import { describe, expect, it } from 'vitest';
import type { DirtyDocument } from '../../shared/ipc/contract';
import type { GuardInput, GuardState } from './closeGuard';
import {
  choiceFromResponse,
  closePrompt,
  decideClose,
  initialGuardState,
  stepCloseGuard,
} from './closeGuard';

const one: DirtyDocument[] = [{ path: 'posts/chip-export-rules.md', title: '芯片出口新规' }];
const many: DirtyDocument[] = Array.from({ length: 11 }, (_, i) => ({
  path: `posts/${i}.md`,
  title: `Story ${i}`,
}));

/** Runs inputs through the guard and returns the final state and every effect in order. */
function run(
  inputs: GuardInput[],
  start: GuardState = initialGuardState,
): { state: GuardState; effects: string[] } {
  let state = start;
  const effects: string[] = [];
  for (const input of inputs) {
    const step = stepCloseGuard(state, input);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

describe('decideClose', () => {
  it('closes at once when nothing is unsaved, whatever was answered', () => {
    expect(decideClose([], null)).toBe('close');
    expect(decideClose([], 'cancel')).toBe('close');
  });

  it('asks first, then follows Save / Don’t Save / Cancel', () => {
    expect(decideClose(one, null)).toBe('ask');
    expect(decideClose(one, 'save')).toBe('save-then-close');
    expect(decideClose(one, 'discard')).toBe('close');
    expect(decideClose(one, 'cancel')).toBe('cancel');
  });
});

describe('closePrompt', () => {
  it('names the one unsaved article and offers Save, Don’t Save, Cancel (Windows/Linux order)', () => {
    const prompt = closePrompt(one, 'en', 'win32', 'close');
    expect(prompt.options.message).toBe(
      'Do you want to save the changes you made to “芯片出口新规”?',
    );
    expect(prompt.options.buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
    expect(prompt.options.defaultId).toBe(0);
    expect(prompt.options.cancelId).toBe(2);
    expect(prompt.options.detail).toBe('Your changes will be lost if you close without saving.');
  });

  it('uses the macOS order (Save, Cancel, Don’t Save) and maps answers back by index', () => {
    const prompt = closePrompt(one, 'en', 'darwin', 'quit');
    expect(prompt.options.buttons).toEqual(['Save', 'Cancel', 'Don’t Save']);
    expect(prompt.options.cancelId).toBe(1);
    expect(choiceFromResponse(0, prompt)).toBe('save');
    expect(choiceFromResponse(1, prompt)).toBe('cancel');
    expect(choiceFromResponse(2, prompt)).toBe('discard');
    expect(choiceFromResponse(7, prompt)).toBe('cancel');
    expect(prompt.options.detail).toContain('quit');
  });

  it('lists several articles (at most eight, then a count) and speaks Chinese', () => {
    const prompt = closePrompt(many, 'zh-CN', 'linux', 'close');
    expect(prompt.options.message).toBe('有 11 篇文章尚未保存。是否保存？');
    expect(prompt.options.buttons).toEqual(['保存', '不保存', '取消']);
    const lines = String(prompt.options.detail).split('\n');
    expect(lines.filter((line) => line.startsWith('• '))).toHaveLength(8);
    expect(lines).toContain('……另有 3 篇');
  });

  it('falls back to the path when an article has no title', () => {
    expect(
      closePrompt([{ path: 'drafts/x.md', title: '' }], 'en', 'linux', 'close').options.message,
    ).toContain('drafts/x.md');
  });
});

describe('stepCloseGuard', () => {
  it('lets a clean window close', () => {
    expect(run([{ type: 'closeRequested', quitting: false }]).effects).toEqual(['allow']);
  });

  it('prevents the close of a dirty window and asks once, even if closing is requested again', () => {
    const { state, effects } = run([
      { type: 'dirtyReported', dirty: one, afterSaveAll: false },
      { type: 'closeRequested', quitting: false },
      { type: 'closeRequested', quitting: false },
    ]);
    expect(effects).toEqual(['prevent', 'showPrompt', 'prevent']);
    expect(state.phase).toBe('asking');
  });

  it('Don’t Save closes the window; the repeated close is then allowed', () => {
    const { effects } = run([
      { type: 'dirtyReported', dirty: one, afterSaveAll: false },
      { type: 'closeRequested', quitting: false },
      { type: 'answered', choice: 'discard' },
      { type: 'closeRequested', quitting: false },
    ]);
    expect(effects).toEqual(['prevent', 'showPrompt', 'closeAgain', 'allow']);
  });

  it('Cancel keeps the window and forgets the quit', () => {
    const { state, effects } = run([
      { type: 'dirtyReported', dirty: one, afterSaveAll: false },
      { type: 'closeRequested', quitting: true },
      { type: 'answered', choice: 'cancel' },
    ]);
    expect(effects).toEqual(['prevent', 'showPrompt']);
    expect(state).toMatchObject({ phase: 'idle', quitting: false });
  });

  it('Save asks the renderer to save all, then closes (quitting again) once it reports nothing dirty', () => {
    const { state, effects } = run([
      { type: 'dirtyReported', dirty: one, afterSaveAll: false },
      { type: 'closeRequested', quitting: true },
      { type: 'answered', choice: 'save' },
      { type: 'dirtyReported', dirty: [], afterSaveAll: false },
      { type: 'closeRequested', quitting: true },
    ]);
    expect(effects).toEqual(['prevent', 'showPrompt', 'requestSaveAll', 'closeAgain', 'allow']);
    expect(state.quitting).toBe(true);
  });

  it('Save that leaves something unsaved (conflict, error) keeps the window open', () => {
    const { state, effects } = run([
      { type: 'dirtyReported', dirty: many, afterSaveAll: false },
      { type: 'closeRequested', quitting: false },
      { type: 'answered', choice: 'save' },
      { type: 'dirtyReported', dirty: one, afterSaveAll: false },
      { type: 'dirtyReported', dirty: one, afterSaveAll: true },
    ]);
    expect(effects).toEqual(['prevent', 'showPrompt', 'requestSaveAll']);
    expect(state.phase).toBe('idle');
    expect(run([{ type: 'closeRequested', quitting: false }], state).effects).toEqual([
      'prevent',
      'showPrompt',
    ]);
  });

  it('a renderer that never answers the save request does not block closing forever', () => {
    const { state } = run([
      { type: 'dirtyReported', dirty: one, afterSaveAll: false },
      { type: 'closeRequested', quitting: false },
      { type: 'answered', choice: 'save' },
      { type: 'saveTimedOut', dialogShowing: false },
    ]);
    expect(state.phase).toBe('idle');
  });

  it('a report while the saves are under way is not the answer: the guard waits for the answer', () => {
    const saving = run([
      { type: 'dirtyReported', dirty: many, afterSaveAll: false },
      { type: 'closeRequested', quitting: false },
      { type: 'answered', choice: 'save' },
      { type: 'dirtyReported', dirty: one, afterSaveAll: false },
    ]).state;
    expect(saving.phase).toBe('saving');
    expect(saving.dirty).toEqual(one);
    expect(run([{ type: 'dirtyReported', dirty: [], afterSaveAll: true }], saving).effects).toEqual(
      ['closeAgain'],
    );
  });

  it('waits for as long as the writer is choosing where an untitled article goes, then closes', () => {
    const { state, effects } = run([
      { type: 'dirtyReported', dirty: one, afterSaveAll: false },
      { type: 'closeRequested', quitting: false },
      { type: 'answered', choice: 'save' },
      { type: 'saveTimedOut', dialogShowing: true },
      { type: 'saveTimedOut', dialogShowing: true },
      { type: 'dirtyReported', dirty: [], afterSaveAll: false },
    ]);
    expect(effects).toEqual([
      'prevent',
      'showPrompt',
      'requestSaveAll',
      'awaitSaveAgain',
      'awaitSaveAgain',
      'closeAgain',
    ]);
    expect(state.phase).toBe('closing');
  });

  it('ignores stray answers and timeouts', () => {
    expect(
      run([
        { type: 'answered', choice: 'discard' },
        { type: 'saveTimedOut', dialogShowing: true },
      ]),
    ).toEqual({
      state: initialGuardState,
      effects: [],
    });
  });
});
