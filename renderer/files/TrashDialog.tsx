import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi, TrashListing } from '../../shared/ipc/contract';
import { Modal } from './Modal';

interface TrashDialogProps {
  api: BylineApi;
  /** This window's workspace identity (the trash is the workspace's). */
  workspace(): Promise<string>;
  onRestore(id: string): Promise<void>;
  onClose(): void;
  onError(error: unknown): void;
}

/** Browser mode's trash (`.byline/trash`), newest first, each restorable; the desktop app points to the system trash. */
export function TrashDialog(props: TrashDialogProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<TrashListing | null>(null);
  const { api, workspace, onError } = props;
  const load = useCallback(
    () =>
      workspace()
        .then((id) => api['trash.list']({ workspace: id }))
        .then(setListing, onError),
    [api, workspace, onError],
  );
  useEffect(() => void load(), [load]);
  return (
    <Modal
      title={t('files.trash.title')}
      onClose={props.onClose}
      testId="trash-dialog"
      footer={
        <button type="button" onClick={props.onClose}>
          {t('files.trash.close')}
        </button>
      }
    >
      {listing === null ? null : !listing.canRestore ? (
        <p>{t('files.trash.system')}</p>
      ) : listing.items.length === 0 ? (
        <p>{t('files.trash.empty')}</p>
      ) : (
        <ul className="files-trash-list">
          {listing.items.map((item) => (
            <li key={item.id} data-path={item.path}>
              <span>
                <strong>{item.path}</strong>
                {item.bundle ? (
                  <span className="files-muted"> ({t('files.trash.bundle')})</span>
                ) : null}
                <br />
                <span className="files-muted">
                  {t('files.trash.deletedAt', {
                    when: new Date(item.deletedAt).toLocaleString(i18n.language),
                  })}
                </span>
              </span>
              <button type="button" onClick={() => void props.onRestore(item.id).then(load)}>
                {t('files.trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
