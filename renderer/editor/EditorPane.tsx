import type { Extension } from '@codemirror/state';
import { EditorState, StateField } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorSession } from '../workbench/editorSession';
import type { ArticleDocument } from '../document/articleDocument';
import type { EditorCallbacks, EditorConfig } from './editorExtensions';
import { reconfigureEffects, writingEditorExtensions } from './editorExtensions';
import { endTypingEventsAt } from './typingEventBoundary';
import { typingElsewhere } from './typingElsewhere';

interface EditorPaneProps {
  /** The document shown (it owns its editor state; the pane reports every update back). */
  document: ArticleDocument | null;
  session: EditorSession;
  config: EditorConfig;
  callbacks: Omit<EditorCallbacks, 'onUpdate'>;
  /** Extra extensions (command keymap), fixed for the pane's lifetime. */
  extensions: Extension;
}

/**
 * The document a configured state belongs to: updates go to it whichever pane instance shows the
 * state (a pane mounted again reuses states its predecessor configured).
 */
const owner = StateField.define<ArticleDocument | null>({
  create: () => null,
  update: (value) => value,
});

/**
 * Hosts ONE CodeMirror view for all tabs. Each document keeps its own EditorState (text,
 * selection, undo history), swapped in with `view.setState` on tab switches; every update of the
 * view goes back to the document shown, which is the single owner of the article's text.
 */
export function EditorPane(props: EditorPaneProps): React.JSX.Element {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const shown = useRef<ArticleDocument | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const configure = (doc: ArticleDocument): EditorState =>
    EditorState.create({
      doc: doc.state.doc,
      selection: doc.state.selection,
      extensions: [
        owner.init(() => doc),
        writingEditorExtensions(
          {
            onUpdate: (update) => {
              update.state.field(owner, false)?.accept(update);
              latest.current.session.onUpdate(update);
            },
            onSave: () => latest.current.callbacks.onSave(),
            onImportImages: (files, pos) => latest.current.callbacks.onImportImages(files, pos),
          },
          { ...latest.current.config, readOnly: doc.info.readOnly },
        ),
        latest.current.extensions,
      ],
    });

  // One view for the pane's lifetime. Layout effects, like the swap below: the view shows the
  // active document in the same commit as the tab that names it, before any key can arrive.
  useLayoutEffect(() => {
    if (!host.current) return undefined;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({ doc: '' }),
    });
    view.current = created;
    const releaseEvents = endTypingEventsAt(host.current);
    return () => {
      releaseEvents();
      shown.current?.detach(created);
      latest.current.session.detach(created);
      created.destroy();
      view.current = null;
      shown.current = null;
    };
  }, []);

  // Show the active document's state (giving it the editor's extensions on first show).
  const doc = props.document;
  const readOnly = doc?.info.readOnly ?? false;
  useLayoutEffect(() => {
    const current = view.current;
    if (!current) return;
    shown.current?.detach(current);
    shown.current = null;
    if (!doc) {
      latest.current.session.detach(current);
      current.setState(
        EditorState.create({ doc: '', extensions: [EditorState.readOnly.of(true)] }),
      );
      return;
    }
    if (doc.state.field(owner, false) === undefined) doc.adopt(configure(doc));
    current.setState(doc.state);
    doc.attach(current);
    shown.current = doc;
    // Settings may have changed while the document was in the background.
    current.dispatch({
      effects: reconfigureEffects({ ...latest.current.config, readOnly: doc.info.readOnly }),
    });
    current.contentDOM.setAttribute('aria-label', t('editor.label'));
    latest.current.session.attach(current, doc);
    if (!typingElsewhere(current)) current.focus();
    // Only a different document swaps the state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);

  // Live settings (line numbers, focus mode, font size, language of the editor's own UI).
  useEffect(() => {
    const current = view.current;
    if (!current || !shown.current) return;
    current.dispatch({
      effects: reconfigureEffects({ ...props.config, readOnly }),
    });
    current.contentDOM.setAttribute('aria-label', t('editor.label'));
  }, [props.config, readOnly, t]);

  return <div className="editor-host" ref={host} data-testid="editor" />;
}
