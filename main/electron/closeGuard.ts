/**
 * The unsaved-changes guard for closing a window or quitting, as pure functions: the Electron glue
 * (main/electron/main.ts) feeds it window events and dialog answers and performs the effects.
 */
import type { MessageBoxOptions } from 'electron';
import type { UiLocale } from '../../shared/commands/commandLabels';
import type { DirtyDocument } from '../../shared/ipc/contract';
import { menuString } from './menu/menuStrings';

export type CloseChoice = 'save' | 'discard' | 'cancel';
export type CloseDecision = 'close' | 'ask' | 'save-then-close' | 'cancel';

/** What to do about a close request, given the unsaved documents and the writer's answer (null: not asked yet). */
export function decideClose(
  dirty: readonly DirtyDocument[],
  choice: CloseChoice | null,
): CloseDecision {
  if (dirty.length === 0) return 'close';
  switch (choice) {
    case null:
      return 'ask';
    case 'save':
      return 'save-then-close';
    case 'discard':
      return 'close';
    case 'cancel':
      return 'cancel';
  }
}

export interface ClosePrompt {
  options: MessageBoxOptions & { buttons: string[] };
  /** The choice each button stands for, in the same order as `options.buttons`. */
  choices: CloseChoice[];
}

const maxListed = 8;

/**
 * Save / Don't Save / Cancel, in the order each platform expects (macOS: Save, Cancel, Don't Save
 * so that Don't Save sits apart on the left). Escape and closing the box mean Cancel.
 */
export function closePrompt(
  dirty: readonly DirtyDocument[],
  locale: UiLocale,
  platform: string,
  reason: 'close' | 'quit',
): ClosePrompt {
  const choices: CloseChoice[] =
    platform === 'darwin' ? ['save', 'cancel', 'discard'] : ['save', 'discard', 'cancel'];
  const label: Record<CloseChoice, string> = {
    save: menuString(locale, 'save'),
    discard: menuString(locale, 'dontSave'),
    cancel: menuString(locale, 'cancel'),
  };
  const [first] = dirty;
  const message =
    dirty.length === 1 && first
      ? menuString(locale, 'unsavedOne', { title: first.title || first.path })
      : menuString(locale, 'unsavedMany', { count: dirty.length });
  const listed =
    dirty.length > 1 ? dirty.slice(0, maxListed).map((doc) => `• ${doc.title || doc.path}`) : [];
  if (dirty.length > maxListed)
    listed.push(menuString(locale, 'andMore', { count: dirty.length - maxListed }));
  const consequence = menuString(
    locale,
    reason === 'quit' ? 'unsavedDetailQuit' : 'unsavedDetailClose',
  );
  return {
    options: {
      type: 'warning',
      title: menuString(locale, 'appName'),
      message,
      detail: [...listed, ...(listed.length > 0 ? [''] : []), consequence].join('\n'),
      buttons: choices.map((choice) => label[choice]),
      defaultId: choices.indexOf('save'),
      cancelId: choices.indexOf('cancel'),
      noLink: true,
      normalizeAccessKeys: false,
    },
    choices,
  };
}

/** The answer behind a message box response index; anything unexpected is Cancel. */
export function choiceFromResponse(response: number, prompt: ClosePrompt): CloseChoice {
  return prompt.choices[response] ?? 'cancel';
}

export type GuardPhase = 'idle' | 'asking' | 'saving' | 'closing';

export interface GuardState {
  phase: GuardPhase;
  /** The close is part of quitting the app (quit again once the window may close). */
  quitting: boolean;
  dirty: readonly DirtyDocument[];
}

export type GuardInput =
  /** `afterSaveAll`: the renderer's answer to the save request, once all its saves have answered. */
  | { type: 'dirtyReported'; dirty: readonly DirtyDocument[]; afterSaveAll: boolean }
  | { type: 'closeRequested'; quitting: boolean }
  | { type: 'answered'; choice: CloseChoice }
  /** The renderer has not answered the save request in time; `dialogShowing`: a native dialog
   * of this app is open (the writer is choosing where an untitled article goes). */
  | { type: 'saveTimedOut'; dialogShowing: boolean };

export type GuardEffect =
  /** Let this window close (do not preventDefault). */
  | 'allow'
  /** Stop this close (preventDefault). */
  | 'prevent'
  | 'showPrompt'
  /** Ask the renderer to save everything (command `file.saveAll`); it reports its dirty state after. */
  | 'requestSaveAll'
  /** Wait for the renderer's answer to the save request once more. */
  | 'awaitSaveAgain'
  /** Close the window again (or quit again) now that it may. */
  | 'closeAgain';

export const initialGuardState: GuardState = { phase: 'idle', quitting: false, dirty: [] };

/** One step of the guard: the next state and the effects the glue performs, in order. */
export function stepCloseGuard(
  state: GuardState,
  input: GuardInput,
): { state: GuardState; effects: GuardEffect[] } {
  switch (input.type) {
    case 'dirtyReported': {
      const next = { ...state, dirty: input.dirty };
      if (state.phase !== 'saving') return { state: next, effects: [] };
      // After "Save": everything saved closes. Until the renderer's answer, a report with something
      // unsaved is a save still under way (an untitled article waits for its place); in the answer,
      // whatever is left (a conflict, an error) keeps the window open.
      if (input.dirty.length === 0)
        return { state: { ...next, phase: 'closing' }, effects: ['closeAgain'] };
      if (!input.afterSaveAll) return { state: next, effects: [] };
      return { state: { ...next, phase: 'idle', quitting: false }, effects: [] };
    }
    case 'closeRequested': {
      if (state.phase === 'closing') return { state, effects: ['allow'] };
      if (state.phase === 'asking' || state.phase === 'saving')
        return { state, effects: ['prevent'] };
      const decision = decideClose(state.dirty, null);
      if (decision === 'close')
        return {
          state: { ...state, phase: 'closing', quitting: input.quitting },
          effects: ['allow'],
        };
      return {
        state: { ...state, phase: 'asking', quitting: input.quitting },
        effects: ['prevent', 'showPrompt'],
      };
    }
    case 'answered': {
      if (state.phase !== 'asking') return { state, effects: [] };
      const decision = decideClose(state.dirty, input.choice);
      if (decision === 'save-then-close')
        return { state: { ...state, phase: 'saving' }, effects: ['requestSaveAll'] };
      if (decision === 'close')
        return { state: { ...state, phase: 'closing' }, effects: ['closeAgain'] };
      return { state: { ...state, phase: 'idle', quitting: false }, effects: [] };
    }
    case 'saveTimedOut':
      if (state.phase !== 'saving') return { state, effects: [] };
      // However long the writer takes to pick a place, the close goes on once it is written.
      if (input.dialogShowing) return { state, effects: ['awaitSaveAgain'] };
      return { state: { ...state, phase: 'idle', quitting: false }, effects: [] };
  }
}
