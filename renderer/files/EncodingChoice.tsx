import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncodingCandidate, TextEncodingName } from '../../shared/ipc/contract';
import { encodingLabels } from '../../shared/text/encodingLabels';
import type { ChooseEncoding } from '../document/documentStore';
import { Modal } from './Modal';

interface Pending {
  path: string;
  candidates: EncodingCandidate[];
  resolve(encoding: TextEncodingName | null): void;
}

/** The dialog to render, and `choose` for the document store's encoding chooser. */
export function useEncodingChoice(): { dialog: React.JSX.Element | null; choose: ChooseEncoding } {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const choose = useCallback<ChooseEncoding>(
    (path, candidates) =>
      new Promise((resolve) => {
        setPending((previous) => {
          previous?.resolve(null);
          return { path, candidates, resolve };
        });
      }),
    [],
  );
  const answer = (encoding: TextEncodingName | null): void => {
    pending?.resolve(encoding);
    setPending(null);
  };
  const dialog = pending ? (
    <Modal
      title={t('files.encodingChoice.title', {
        name: pending.path.split('/').pop() ?? pending.path,
      })}
      onClose={() => answer(null)}
      wide
      testId="encoding-dialog"
    >
      <p className="files-muted">{t('files.encodingChoice.explain')}</p>
      {pending.candidates.map((candidate) => (
        <section key={candidate.encoding} className="files-encoding-candidate">
          <pre>{candidate.preview}</pre>
          <button
            type="button"
            className="files-primary"
            data-encoding={candidate.encoding}
            onClick={() => answer(candidate.encoding)}
          >
            {t('files.encodingChoice.choose', { encoding: encodingLabels[candidate.encoding] })}
          </button>
        </section>
      ))}
    </Modal>
  ) : null;
  return { dialog, choose };
}
