import type { Extension } from '@codemirror/state';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorSession } from '../app/editorSession';
import type { EditorCallbacks, EditorConfig } from './editorExtensions';
import { reconfigureEffects, writingEditorExtensions } from './editorExtensions';

export interface EditorDocument {
  id: string;
  path: string;
  /** Used when the tab's state is created, or re-created after `generation` changes. */
  text: string;
  readOnly: boolean;
  generation: number;
}

interface EditorPaneProps {
  document: EditorDocument | null;
  /** Tabs still open; states of the others are dropped. */
  openIds: readonly string[];
  session: EditorSession;
  config: EditorConfig;
  callbacks: Omit<EditorCallbacks, 'onUpdate'> & { onDocChanged(tabId: string): void };
  /** Extra extensions (command keymap), fixed for the pane's lifetime. */
  extensions: Extension;
}

interface StoredState {
  state: EditorState;
  generation: number;
}

/**
 * Hosts ONE CodeMirror view for all tabs. Each tab keeps its own EditorState (text, selection,
 * undo history), swapped in with `view.setState` on tab switches. The editor document is the
 * single source of truth for the article's text.
 */
export function EditorPane(props: EditorPaneProps): React.JSX.Element {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const states = useRef(new Map<string, StoredState>());
  const shown = useRef<{ id: string; generation: number } | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const createState = (doc: EditorDocument): EditorState =>
    EditorState.create({
      doc: doc.text,
      extensions: [
        writingEditorExtensions(
          {
            onUpdate: (update) => {
              latest.current.session.onUpdate(update);
              if (update.docChanged && shown.current)
                latest.current.callbacks.onDocChanged(shown.current.id);
            },
            onSave: () => latest.current.callbacks.onSave(),
            onImportImages: (files, pos) => latest.current.callbacks.onImportImages(files, pos),
          },
          { ...latest.current.config, readOnly: doc.readOnly },
        ),
        latest.current.extensions,
      ],
    });

  // One view for the pane's lifetime.
  useEffect(() => {
    if (!host.current) return undefined;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({ doc: '' }),
    });
    view.current = created;
    return () => {
      latest.current.session.detach(created);
      created.destroy();
      view.current = null;
      shown.current = null;
    };
  }, []);

  // Show the active tab's state (creating it on first show or after a reload).
  const doc = props.document;
  useEffect(() => {
    const current = view.current;
    if (!current) return;
    if (shown.current)
      states.current.set(shown.current.id, {
        state: current.state,
        generation: shown.current.generation,
      });
    if (!doc) {
      shown.current = null;
      latest.current.session.detach(current);
      current.setState(
        EditorState.create({ doc: '', extensions: [EditorState.readOnly.of(true)] }),
      );
      return;
    }
    const stored = states.current.get(doc.id);
    const state = stored && stored.generation === doc.generation ? stored.state : createState(doc);
    current.setState(state);
    shown.current = { id: doc.id, generation: doc.generation };
    // Settings may have changed while the tab was in the background.
    current.dispatch({
      effects: reconfigureEffects({ ...latest.current.config, readOnly: doc.readOnly }),
    });
    current.contentDOM.setAttribute('aria-label', t('editor.label'));
    latest.current.session.attach(current, doc.id, doc.path);
    current.focus();
    // Only a different tab or a reload swaps the state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc?.id, doc?.generation]);

  // Live settings (line numbers, focus mode, font size, language of the editor's own UI).
  useEffect(() => {
    const current = view.current;
    if (!current || !shown.current) return;
    current.dispatch({
      effects: reconfigureEffects({ ...props.config, readOnly: doc?.readOnly ?? false }),
    });
    current.contentDOM.setAttribute('aria-label', t('editor.label'));
  }, [props.config, doc?.readOnly, t]);

  // Forget the states of closed tabs.
  useEffect(() => {
    const open = new Set(props.openIds);
    for (const id of states.current.keys()) if (!open.has(id)) states.current.delete(id);
  }, [props.openIds]);

  return <div className="editor-host" ref={host} data-testid="editor" />;
}
