import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

interface NewArticleDialogProps {
  /** Workspace-relative folder the article goes into; '' for the workspace root. */
  folder: string;
  onCreate(input: { title: string; bundle: boolean }): void;
  onClose(): void;
}

/** Title (the file name is its slug, pinyin for Chinese) and whether to make a Hugo page bundle. */
export function NewArticleDialog(props: NewArticleDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [bundle, setBundle] = useState(false);
  const submit = (event?: React.FormEvent): void => {
    event?.preventDefault();
    props.onCreate({ title, bundle });
  };
  return (
    <Modal
      title={t('files.newArticle.title')}
      onClose={props.onClose}
      testId="new-article-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('files.newArticle.cancel')}
          </button>
          <button type="submit" form="files-new-article" className="files-primary">
            {t('files.newArticle.create')}
          </button>
        </>
      }
    >
      <form id="files-new-article" className="files-form" onSubmit={submit}>
        <label>
          {t('files.newArticle.titleLabel')}
          <input
            type="text"
            value={title}
            placeholder={t('files.newArticle.titlePlaceholder')}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="new-article-title"
          />
        </label>
        <label className="files-check">
          <input
            type="checkbox"
            checked={bundle}
            onChange={(event) => setBundle(event.target.checked)}
          />
          {t('files.newArticle.bundle')}
        </label>
        <p className="files-muted">
          {t('files.newArticle.folder', {
            folder: props.folder === '' ? t('files.newArticle.workspaceRoot') : props.folder,
          })}
        </p>
      </form>
    </Modal>
  );
}
