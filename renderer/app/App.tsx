import type { ViewUpdate } from '@codemirror/view';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi, LibraryEntry, OpenedArticle, WorkspaceInfo } from '../../shared/ipc/contract';
import type { EditorHandle } from '../editor/EditorPane';
import { EditorPane } from '../editor/EditorPane';
import { LibrarySidebar } from '../library/LibrarySidebar';
import { PreviewPane } from '../preview/PreviewPane';
import { renderArticlePreview } from '../preview/renderArticlePreview';

interface AppProps {
  api: BylineApi;
}

type SaveState = 'saved' | 'unsaved' | 'saving';

interface OpenArticle extends OpenedArticle {
  /** Text as last loaded from or written to disk; the buffer is dirty when it differs. */
  savedText: string;
  /** Changes whenever the editor must be rebuilt with new text. */
  key: string;
}

export function App({ api }: AppProps): React.JSX.Element {
  const { t } = useTranslation();
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [article, setArticle] = useState<OpenArticle | null>(null);
  const [previewSource, setPreviewSource] = useState('');
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ diskText: string } | null>(null);
  const editor = useRef<EditorHandle | null>(null);
  const articleRef = useRef<OpenArticle | null>(null);
  useLayoutEffect(() => {
    articleRef.current = article;
  }, [article]);

  const refreshLibrary = useCallback(async () => setEntries(await api['library.list']()), [api]);

  const openArticle = useCallback(
    async (path: string) => {
      try {
        const opened = await api['article.open']({ path });
        const text = opened.text.replace(/\r\n/g, '\n');
        setArticle({ ...opened, text, savedText: text, key: `${path}:${opened.stamp.hash}` });
        setPreviewSource(text);
        setSaveState('saved');
        setConflict(null);
        setMessage(opened.warnings.length > 0 ? opened.warnings.join(' ') : null);
      } catch (error) {
        setMessage(t('errors.openFailed', { path, message: (error as Error).message }));
      }
    },
    [api, t],
  );

  useEffect(() => {
    void (async () => {
      const info = await api['workspace.current']();
      setWorkspace(info);
      const list = await api['library.list']();
      setEntries(list);
      const first = list.find((e) => e.path === 'welcome.md') ?? list[0];
      if (first) await openArticle(first.path);
    })();
    return api.on('library.changed', () => void refreshLibrary());
  }, [api, openArticle, refreshLibrary]);

  const save = useCallback(
    async (overwrite = false) => {
      const current = articleRef.current;
      const view = editor.current?.view;
      if (!current || !view || current.readOnly) return;
      const text = view.state.doc.toString();
      setSaveState('saving');
      const result = await api['article.save']({
        path: current.path,
        text,
        format: current.format,
        baseStamp: current.stamp,
        overwrite,
      });
      if (result.status === 'saved') {
        setArticle({ ...current, stamp: result.stamp, savedText: text });
        setSaveState(view.state.doc.toString() === text ? 'saved' : 'unsaved');
        setConflict(null);
        setMessage(null);
        void refreshLibrary();
      } else if (result.status === 'conflict') {
        setSaveState('unsaved');
        setConflict({ diskText: result.diskText });
        setArticle({ ...current, stamp: result.diskStamp });
      } else {
        setSaveState('unsaved');
        setMessage(t('errors.saveFailed', { message: result.message }));
      }
    },
    [api, refreshLibrary, t],
  );

  const takeTheirs = useCallback(() => {
    const current = articleRef.current;
    if (!current || !conflict) return;
    const text = conflict.diskText.replace(/\r\n/g, '\n');
    setArticle({ ...current, text, savedText: text, key: `${current.path}:${current.stamp.hash}` });
    setPreviewSource(text);
    setSaveState('saved');
    setConflict(null);
  }, [conflict]);

  const onChange = useCallback((update: ViewUpdate) => {
    if (!update.docChanged) return;
    const text = update.state.doc.toString();
    setPreviewSource(text);
    setSaveState(text === articleRef.current?.savedText ? 'saved' : 'unsaved');
  }, []);

  const previewHtml = useMemo(() => renderArticlePreview(previewSource), [previewSource]);
  const words = useMemo(() => countWords(previewSource), [previewSource]);

  if (!workspace) return <div className="splash">{t('app.loading')}</div>;

  return (
    <div className="app-shell">
      <LibrarySidebar
        workspaceName={workspace.name}
        entries={entries}
        selectedPath={article?.path ?? null}
        onSelect={(path) => void openArticle(path)}
      />
      <main className="workbench">
        {message ? (
          <div className="banner" role="alert">
            <span>{message}</span>
            <button type="button" onClick={() => setMessage(null)}>
              {t('actions.dismiss')}
            </button>
          </div>
        ) : null}
        {conflict && article ? (
          <div className="banner banner-conflict" role="alertdialog" aria-label={t('conflict.title')}>
            <strong>{t('conflict.title')}</strong>
            <span>{t('conflict.body', { path: article.path })}</span>
            <button type="button" onClick={() => void save(true)}>
              {t('conflict.keepMine')}
            </button>
            <button type="button" onClick={takeTheirs}>
              {t('conflict.takeTheirs')}
            </button>
          </div>
        ) : null}
        {article ? (
          <div className="split">
            <EditorPane
              documentKey={article.key}
              initialText={article.text}
              readOnly={article.readOnly}
              onChange={onChange}
              onSave={() => void save()}
              onReady={(handle) => (editor.current = handle)}
            />
            <PreviewPane html={previewHtml} />
          </div>
        ) : (
          <p className="placeholder">{t('editor.noArticle')}</p>
        )}
        <footer className="status-bar" role="status">
          <span data-testid="save-state">
            {article?.readOnly ? t('status.readOnly') : t(`status.${saveState}`)}
          </span>
          <span>{t('status.words', { count: words })}</span>
          {article ? (
            <span>
              {article.format.encoding.toUpperCase()} · {article.format.eol === '\r\n' ? 'CRLF' : 'LF'}
            </span>
          ) : null}
        </footer>
      </main>
    </div>
  );
}

function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z0-9]+/g)?.length ?? 0;
  return cjk + latin;
}
