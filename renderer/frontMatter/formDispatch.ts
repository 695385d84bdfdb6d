import { isolateHistory } from '@codemirror/commands';
import type { EditPlan, FrontMatterError } from '../../shared/article';
import { planFormEdit, type FormEdit } from '../../shared/frontMatterSchema';
import type { EditorSession } from '../workbench/editorSession';

/** The userEvent of every form edit: undo history, the collaboration of other panels and tests can tell them apart. */
const FORM_USER_EVENT = 'input.frontmatter';

export interface ApplyOptions {
  /**
   * A click-like edit (switch, chip, "now", picked image) is its own undo step. Typing in a text
   * box is not, so its keystrokes group like typing in the editor.
   */
  discrete?: boolean;
  onError?: (error: FrontMatterError) => void;
}

/**
 * Turns a form edit into ONE editor transaction. The plan is made from the editor's text at the
 * moment the change is applied (after any IME composition has ended), so its offsets are
 * current; the writer's selection is mapped through the change, so a cursor elsewhere stays put.
 */
export function applyFormEdit(
  editor: EditorSession,
  edit: FormEdit,
  options: ApplyOptions = {},
): boolean {
  return applyPlan(editor, (text) => planFormEdit(text, edit), options);
}

/** Dispatches whatever `plan` makes of the current text, as one transaction (see applyFormEdit). */
export function applyPlan(
  editor: EditorSession,
  plan: (text: string) => EditPlan,
  options: ApplyOptions = {},
): boolean {
  return editor.dispatch((view) => {
    if (view.state.readOnly) return null;
    const planned = plan(view.state.doc.toString());
    if ('error' in planned) {
      options.onError?.(planned.error);
      return null;
    }
    if (planned.changes.length === 0) return null;
    return {
      changes: planned.changes,
      userEvent: FORM_USER_EVENT,
      scrollIntoView: false,
      ...(options.discrete ? { annotations: isolateHistory.of('full') } : {}),
    };
  });
}
