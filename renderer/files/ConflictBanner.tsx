import { useTranslation } from 'react-i18next';

interface ConflictBannerProps {
  path: string;
  onKeepMine(): void;
  onTakeTheirs(): void;
  onCompare(): void;
}

/** The file changed on disk while the buffer had unsaved edits: nothing is overwritten until the writer chooses. */
export function ConflictBanner(props: ConflictBannerProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div
      className="banner banner-conflict"
      role="alertdialog"
      aria-label={t('files.conflict.title')}
      data-testid="conflict-banner"
    >
      <strong>{t('files.conflict.title')}</strong>
      <span>{t('files.conflict.body', { path: props.path })}</span>
      <button type="button" onClick={props.onCompare}>
        {t('files.conflict.compare')}
      </button>
      <button type="button" onClick={props.onKeepMine}>
        {t('files.conflict.keepMine')}
      </button>
      <button type="button" onClick={props.onTakeTheirs}>
        {t('files.conflict.takeTheirs')}
      </button>
    </div>
  );
}
