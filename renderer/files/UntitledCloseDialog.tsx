import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

interface UntitledCloseDialogProps {
  /** The name the untitled article came with. */
  title: string;
  onSave(): void;
  onDiscard(): void;
  onCancel(): void;
}

/** Closing an article that has no file yet: Save (Save As) / Don't Save / Cancel. */
export function UntitledCloseDialog(props: UntitledCloseDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('tabs.closeUntitledTitle', { name: props.title })}
      onClose={props.onCancel}
      testId="untitled-close"
      footer={
        <>
          <button type="button" className="files-primary" onClick={props.onSave}>
            {t('tabs.saveUntitled')}
          </button>
          <button type="button" onClick={props.onDiscard}>
            {t('tabs.dontSave')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('tabs.cancel')}
          </button>
        </>
      }
    >
      <p>{t('tabs.closeUntitledBody')}</p>
    </Modal>
  );
}
