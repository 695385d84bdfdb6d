import { diffLines } from 'diff';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi, HistoryBytes, HistoryEntry, TextFormat } from '../../shared/ipc/contract';
import { TextEncodingName } from '../../shared/ipc/contract';
import { editorText } from '../document/diskChange';
import { Modal } from './Modal';

interface HistoryDialogProps {
  api: BylineApi;
  /** The identity main issued for the article's workspace (or one-file grant). */
  workspace: string;
  path: string;
  title: string;
  /** The editor's current text, compared with the chosen version. */
  currentText(): string;
  onRestore(text: string, savedAt: number): void;
  onClose(): void;
  onError(error: unknown): void;
}

/** Local history of one article: pick a saved version, see what differs from the editor, restore it. */
export function HistoryDialog(props: HistoryDialogProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<HistoryEntry[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  // A version Byline could not decode: its bytes, and the encoding the writer chose to read it in.
  const [bytes, setBytes] = useState<HistoryBytes | null>(null);
  const [encoding, setEncoding] = useState<TextFormat['encoding'] | null>(null);
  const [replaced, setReplaced] = useState(0);
  const { api, workspace, path, onError } = props;

  useEffect(() => {
    let live = true;
    api['history.list']({ workspace, path }).then((list) => {
      if (!live) return;
      setVersions(list);
      setSelected(list[0]?.id ?? null);
    }, onError);
    return () => {
      live = false;
    };
  }, [api, workspace, path, onError]);

  const unreadable = versions?.find((v) => v.id === selected)?.readable === false;
  useEffect(() => {
    if (!selected) return undefined;
    let live = true;
    setText(null);
    setBytes(null);
    setReplaced(0);
    if (unreadable) {
      api['history.readBytes']({ workspace, path, id: selected }).then(
        (result) => live && setBytes(result),
        onError,
      );
    }
    if (!unreadable || encoding) {
      api['history.read']({
        workspace,
        path,
        id: selected,
        ...(unreadable && encoding ? { encoding } : {}),
      }).then((result) => {
        if (!live) return;
        setText(editorText(result.text));
        setReplaced(result.replaced ?? 0);
      }, onError);
    }
    return () => {
      live = false;
    };
  }, [api, workspace, path, selected, unreadable, encoding, onError]);

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
                  onClick={() => {
                    setSelected(version.id);
                    setEncoding(null);
                  }}
                  data-testid="history-version"
                >
                  <span>{when(version.savedAt)}</span>
                  <span className="files-muted">
                    {t('files.history.size', { size: (version.size / 1024).toFixed(1) })}
                    {version.source === 'disk' ? ` · ${t('files.history.fromDisk')}` : ''}
                    {version.pinned ? ` · ${t('files.history.original')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="files-history-diff" data-testid="history-diff">
            {unreadable ? (
              <div data-testid="history-bytes">
                <p>{t('files.history.unreadable')}</p>
                {bytes ? <pre>{bytes.dump}</pre> : null}
                <label>
                  {t('files.history.decodeAs')}{' '}
                  <select
                    value={encoding ?? ''}
                    onChange={(event) =>
                      setEncoding((event.target.value || null) as TextFormat['encoding'] | null)
                    }
                  >
                    <option value="">{t('files.history.chooseEncoding')}</option>
                    {TextEncodingName.options.map((choice) => (
                      <option key={choice} value={choice}>
                        {choice}
                      </option>
                    ))}
                  </select>
                </label>
                {replaced > 0 ? <p>{t('files.history.replaced', { count: replaced })}</p> : null}
              </div>
            ) : null}
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
