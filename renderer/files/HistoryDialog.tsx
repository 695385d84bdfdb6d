import { diffLines } from 'diff';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi, HistoryEntry } from '../../shared/ipc/contract';
import { editorText } from '../document/diskChange';
import { Modal } from './Modal';

interface HistoryDialogProps {
  api: BylineApi;
  path: string;
  title: string;
  /** The editor's current text, compared with the chosen version. */
  currentText(): string;
  onRestore(text: string, savedAt: number): void;
  onClose(): void;
  onError(message: string): void;
}

/** Local history of one article: pick a saved version, see what differs from the editor, restore it. */
export function HistoryDialog(props: HistoryDialogProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<HistoryEntry[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const { api, path, onError } = props;

  useEffect(() => {
    let live = true;
    api['history.list']({ path }).then(
      (list) => {
        if (!live) return;
        setVersions(list);
        setSelected(list[0]?.id ?? null);
      },
      (error: Error) => onError(error.message),
    );
    return () => {
      live = false;
    };
  }, [api, path, onError]);

  useEffect(() => {
    if (!selected) return undefined;
    let live = true;
    setText(null);
    api['history.read']({ path, id: selected }).then(
      (result) => live && setText(editorText(result.text)),
      (error: Error) => onError(error.message),
    );
    return () => {
      live = false;
    };
  }, [api, path, selected, onError]);

  const [current] = useState(() => props.currentText());
  // From the editor's text to the version: what restoring it would change.
  const parts = useMemo(() => (text === null ? null : diffLines(current, text)), [text, current]);
  const when = (ms: number): string => new Date(ms).toLocaleString(i18n.language);
  const chosen = versions?.find((v) => v.id === selected) ?? null;

  return (
    <Modal
      title={t('files.history.title', { title: props.title })}
      onClose={props.onClose}
      wide
      testId="history-dialog"
      footer={
        <>
          <button
            type="button"
            disabled={text === null || chosen === null}
            onClick={() => text !== null && chosen && props.onRestore(text, chosen.savedAt)}
          >
            {t('files.history.restore')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('files.history.close')}
          </button>
        </>
      }
    >
      {versions !== null && versions.length === 0 ? (
        <p>{t('files.history.empty')}</p>
      ) : (
        <div className="files-history">
          <ul
            className="files-history-list"
            role="listbox"
            aria-label={t('files.history.title', { title: props.title })}
          >
            {(versions ?? []).map((version) => (
              <li key={version.id} role="option" aria-selected={version.id === selected}>
                <button
                  type="button"
                  onClick={() => setSelected(version.id)}
                  data-testid="history-version"
                >
                  <span>{when(version.savedAt)}</span>
                  <span className="files-muted">
                    {t('files.history.size', { size: (version.size / 1024).toFixed(1) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="files-history-diff" data-testid="history-diff">
            <p className="files-muted">{t('files.history.current')}</p>
            {parts === null ? null : parts.every((part) => !part.added && !part.removed) ? (
              <p>{t('files.history.same')}</p>
            ) : (
              <pre>
                {parts.map((part, i) => (
                  <span
                    key={i}
                    className={
                      part.added
                        ? 'files-diff-added'
                        : part.removed
                          ? 'files-diff-removed'
                          : 'files-diff-same'
                    }
                  >
                    {part.added || part.removed
                      ? prefixLines(part.value, part.added ? '+ ' : '- ')
                      : contextOf(part.value)}
                  </span>
                ))}
              </pre>
            )}
          </div>
        </div>
      )}
    </Modal>
  );
}

function prefixLines(value: string, prefix: string): string {
  return value
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => prefix + line)
    .join('\n')
    .concat('\n');
}

/** Unchanged runs shrink to their first and last two lines. */
function contextOf(value: string): string {
  const lines = value.replace(/\n$/, '').split('\n');
  if (lines.length <= 5) return prefixLines(value, '  ');
  return prefixLines([...lines.slice(0, 2), '…', ...lines.slice(-2)].join('\n'), '  ');
}
