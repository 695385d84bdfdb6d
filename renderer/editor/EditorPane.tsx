import { EditorState } from '@codemirror/state';
import type { ViewUpdate } from '@codemirror/view';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { writingEditorExtensions } from './editorExtensions';

export interface EditorHandle {
  view: EditorView;
}

interface EditorPaneProps {
  /** A new documentKey replaces the document (another article opened or reloaded from disk). */
  documentKey: string;
  initialText: string;
  readOnly: boolean;
  onChange(update: ViewUpdate): void;
  onSave(): void;
  onReady(handle: EditorHandle | null): void;
}

/** Hosts one CodeMirror view. The editor document is the single source of truth for the text. */
export function EditorPane(props: EditorPaneProps): React.JSX.Element {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef(props);
  useLayoutEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: props.initialText,
        extensions: writingEditorExtensions(
          {
            onChange: (update) => callbacks.current.onChange(update),
            onSave: () => callbacks.current.onSave(),
          },
          { readOnly: props.readOnly },
        ),
      }),
    });
    view.contentDOM.setAttribute('aria-label', t('editor.label'));
    callbacks.current.onReady({ view });
    view.focus();
    return () => {
      callbacks.current.onReady(null);
      view.destroy();
    };
    // The editor is rebuilt only when another document is loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.documentKey]);

  return <div className="editor-host" ref={host} data-testid="editor" />;
}
