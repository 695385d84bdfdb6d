import { isolateHistory } from '@codemirror/commands';
import type { TransactionSpec } from '@codemirror/state';
import { EditorSelection } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type {
  CslItem,
  DefinitionLanguage,
  InsertCitationPlan,
  RenumberPlan,
} from '../../shared/citations';
import {
  definitionSlots,
  detectArticleLanguage,
  planInsertCitation,
  planRenumber,
  planRestyle,
} from '../../shared/citations';
import type {
  ReferencesStyleName,
  ReferencesWorkspaceSettings,
} from '../../shared/citations/referenceSchemas';
import type { BylineApi } from '../../shared/ipc/contract';
import type { EditorSession } from '../workbench/editorSession';

/**
 * Every edit the reference manager makes: ONE transaction built from planned changes (so one
 * Ctrl+Z undoes it), through the session's composition-safe dispatch (never while an IME is
 * composing), planned against the document as it is when the change is applied.
 */
function oneStep(spec: TransactionSpec): TransactionSpec {
  return { ...spec, annotations: isolateHistory.of('full'), scrollIntoView: true };
}

function languageOf(view: EditorView): DefinitionLanguage {
  return detectArticleLanguage(view.state.doc.toString());
}

function headingFor(
  language: DefinitionLanguage,
  settings: ReferencesWorkspaceSettings | null,
): string | undefined {
  if (!settings) return undefined;
  return language === 'zh' ? settings.headingZh : settings.headingEn;
}

/** Formats the source in the article's style and language, then inserts `[^n]` and its definition. */
export async function insertCitation(
  api: BylineApi,
  session: EditorSession,
  item: CslItem,
  style: ReferencesStyleName,
  settings: ReferencesWorkspaceSettings | null,
): Promise<InsertCitationPlan | null> {
  const view = session.view;
  if (!view) return null;
  const language = languageOf(view);
  const [definition] = await api['references.format']({ items: [item], style, language });
  if (definition === undefined) return null;
  return new Promise((resolve) => {
    const accepted = session.dispatch((current) => {
      const plan = planInsertCitation(current.state.doc.toString(), {
        at: current.state.selection.main.head,
        definition,
        item,
        heading: headingFor(language, settings),
      });
      resolve(plan);
      return oneStep({
        changes: plan.changes,
        selection: EditorSelection.cursor(plan.cursor),
        userEvent: 'input.citation',
      });
    });
    if (!accepted) resolve(null);
  });
}

export function renumber(
  session: EditorSession,
  convertNamedLabels: boolean,
): Promise<RenumberPlan | null> {
  return new Promise((resolve) => {
    const accepted = session.dispatch((current) => {
      const plan = planRenumber(current.state.doc.toString(), { convertNamedLabels });
      resolve(plan);
      if (plan.changes.length === 0) return null;
      return oneStep({ changes: plan.changes, userEvent: 'input.renumber' });
    });
    if (!accepted) resolve(null);
  });
}

export type RestyleOutcome =
  { status: 'done'; count: number } | { status: 'stale' } | { status: 'none' };

/** Reformats every definition main can recognise; free text stays as it is. */
export async function restyle(
  api: BylineApi,
  session: EditorSession,
  style: ReferencesStyleName,
): Promise<RestyleOutcome> {
  const view = session.view;
  if (!view) return { status: 'none' };
  const text = view.state.doc.toString();
  const slots = definitionSlots(text);
  if (slots.length === 0) return { status: 'none' };
  const replacements = await api['references.restyle']({
    definitions: slots.map((slot) => slot.text),
    style,
    language: detectArticleLanguage(text),
  });
  const byOld = new Map<string, string>();
  slots.forEach((slot, i) => {
    const replacement = replacements[i];
    if (replacement) byOld.set(slot.text, replacement);
  });
  if (byOld.size === 0) return { status: 'none' };
  return new Promise((resolve) => {
    const accepted = session.dispatch((current) => {
      const now = current.state.doc.toString();
      const currentSlots = definitionSlots(now);
      const changes = planRestyle(
        now,
        currentSlots,
        currentSlots.map((slot) => byOld.get(slot.text) ?? null),
      );
      if (changes.length === 0) {
        resolve({ status: 'stale' });
        return null;
      }
      resolve({ status: 'done', count: changes.length });
      return oneStep({ changes, userEvent: 'input.restyle' });
    });
    if (!accepted) resolve({ status: 'none' });
  });
}

/** Selects a range (a citation or a definition) and shows it; a selection change, not an edit. */
export function jumpTo(session: EditorSession, from: number, to: number): void {
  session.dispatch((current) => {
    const length = current.state.doc.length;
    return {
      selection: EditorSelection.range(Math.min(from, length), Math.min(to, length)),
      scrollIntoView: true,
    };
  });
  session.view?.focus();
}
