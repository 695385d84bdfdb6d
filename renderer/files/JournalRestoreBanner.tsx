import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/ipc/contract';

interface JournalRestoreBannerProps {
  entries: readonly JournalEntry[];
  titleOf(path: string): string;
  onRestore(entry: JournalEntry): void;
  onDiscard(entry: JournalEntry): void;
}

/**
 * After a crash: the unsaved buffers the journal kept, each to restore into its tab (or into a new
 * article when the file is gone) or discard.
 */
export function JournalRestoreBanner(props: JournalRestoreBannerProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <div
      className="banner files-journal"
      role="alertdialog"
      aria-label={t('files.journal.title')}
      data-testid="journal-restore"
    >
      <div className="files-banner-text">
        <strong>{t('files.journal.title')}</strong>
        <span>{t('files.journal.body')}</span>
        <ul>
          {props.entries.map((entry) => (
            <li key={entry.id} data-path={entry.path}>
              <span>
                {props.titleOf(entry.path)}{' '}
                <span className="files-muted">
                  {entry.path} · {entry.missing ? `${t('files.journal.missing')} · ` : null}
                  {t('files.journal.savedAt', {
                    when: new Date(entry.savedAt).toLocaleString(i18n.language),
                  })}
                </span>
              </span>
              <button type="button" onClick={() => props.onRestore(entry)}>
                {t(entry.missing ? 'files.journal.restoreAsNew' : 'files.journal.restore')}
              </button>
              <button type="button" onClick={() => props.onDiscard(entry)}>
                {t('files.journal.discard')}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {props.entries.length > 1 ? (
        <div className="files-banner-actions">
          <button type="button" onClick={() => props.entries.forEach(props.onRestore)}>
            {t('files.journal.restoreAll')}
          </button>
          <button type="button" onClick={() => props.entries.forEach(props.onDiscard)}>
            {t('files.journal.discardAll')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
