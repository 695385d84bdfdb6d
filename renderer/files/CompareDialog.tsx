import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { MergeView } from '@codemirror/merge';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

interface CompareDialogProps {
  path: string;
  mine: string;
  theirs: string;
  onKeepMine(): void;
  onTakeTheirs(): void;
  onClose(): void;
}

const readOnly = [
  EditorView.editable.of(false),
  EditorState.readOnly.of(true),
  EditorView.lineWrapping,
];

/** The writer's buffer and the file on disk side by side (CodeMirror merge view), changes highlighted. */
export function CompareDialog(props: CompareDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return undefined;
    const view = new MergeView({
      a: { doc: props.mine, extensions: readOnly },
      b: { doc: props.theirs, extensions: readOnly },
      parent: host.current,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    return () => view.destroy();
  }, [props.mine, props.theirs]);
  return (
    <Modal
      title={t('files.conflict.compareTitle')}
      onClose={props.onClose}
      wide
      testId="compare-dialog"
      footer={
        <>
          <button type="button" onClick={props.onKeepMine}>
            {t('files.conflict.keepMine')}
          </button>
          <button type="button" onClick={props.onTakeTheirs}>
            {t('files.conflict.takeTheirs')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('files.conflict.close')}
          </button>
        </>
      }
    >
      <p className="files-muted">{props.path}</p>
      <div className="files-compare-labels">
        <strong>{t('files.conflict.mine')}</strong>
        <strong>{t('files.conflict.theirs')}</strong>
      </div>
      <div className="files-compare" ref={host} />
    </Modal>
  );
}
