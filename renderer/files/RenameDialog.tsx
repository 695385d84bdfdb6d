import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

interface RenameDialogProps {
  path: string;
  onRename(name: string): void;
  onClose(): void;
}

/** The article's file name (a page bundle's folder name), edited in place. */
export function RenameDialog(props: RenameDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const parts = props.path.split('/');
  const file = parts[parts.length - 1] ?? '';
  const bundle = /^index\.(md|markdown)$/i.test(file) && parts.length > 1;
  const current = bundle ? (parts[parts.length - 2] ?? '') : file;
  const [name, setName] = useState(current);
  const submit = (event?: React.FormEvent): void => {
    event?.preventDefault();
    if (name.trim() !== '' && name !== current) props.onRename(name.trim());
    else props.onClose();
  };
  return (
    <Modal
      title={t('files.rename.title', { name: current })}
      onClose={props.onClose}
      testId="rename-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('files.newArticle.cancel')}
          </button>
          <button type="submit" form="files-rename" className="files-primary">
            {t('files.rename.confirm')}
          </button>
        </>
      }
    >
      <form id="files-rename" className="files-form" onSubmit={submit}>
        <label>
          {t('files.rename.label')}
          <input
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="rename-name"
          />
        </label>
        {bundle ? <p className="files-muted">{t('files.rename.bundleHint')}</p> : null}
      </form>
    </Modal>
  );
}
