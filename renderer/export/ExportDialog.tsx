import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ExportFileResultValue,
  LoadedExportSettings,
} from '../../shared/export/exportContract';
import { exportFormats, type ExportFormatName } from '../../shared/export/exportOptions';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { useCommandHandler } from '../workbench/commandHandlers';
import { useWorkbench } from '../workbench/workbenchContext';
import { copyRichText } from './copyRichText';
import './exportDialog.css';
import { trapFocus } from '../workbench/focusTrap';
import { announceSavedExportTheme } from '../workbench/savedExportTheme';

interface Job {
  id: string;
  total: number;
  done: number;
  results: ExportFileResultValue[];
  running: boolean;
  outputDir: string | null;
  opened: boolean;
  /** The article and format being exported now. */
  step: { index: number; path: string; format: ExportFormatName } | null;
}

/** Which options belong to which formats: only the ticked formats' options are shown. */
const usesTheme: readonly ExportFormatName[] = ['html', 'pdf', 'wechat'];
const usesPageSize: readonly ExportFormatName[] = ['pdf', 'docx'];

const newJobId = (): string =>
  `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Mounted once in the workbench; opens on the `file.export` command (menu, Ctrl/Cmd+E).
 * Single or batch export with per-format options remembered per workspace, progress from
 * `export.progress` events, a per-file result list, and "copy as rich text" for WeChat/CMS.
 */
export function ExportDialogHost(): React.JSX.Element | null {
  const [open, setOpen] = useState(false);
  useCommandHandler('file.export', () => {
    setOpen(true);
  });
  return open ? <ExportDialog onClose={() => setOpen(false)} /> : null;
}

function ExportDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const { api, activeTab, editor } = useWorkbench();
  const [settings, setSettings] = useState<LoadedExportSettings | null>(null);
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [scope, setScope] = useState<'current' | 'selected'>(activeTab ? 'current' : 'selected');
  const [selected, setSelected] = useState<ReadonlySet<string>>(
    () => new Set(activeTab ? [activeTab.path] : []),
  );
  const [job, setJob] = useState<Job | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const jobRef = useRef<string | null>(null);
  const dialogRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    let alive = true;
    void api['export.getSettings']().then(
      (loaded) => alive && setSettings(loaded),
      (error: Error) => alive && setMessage(error.message),
    );
    void api['library.list']().then(
      (list) => alive && setEntries(list),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api]);
  // Modal: the focus moves in, stays in, and goes back where it was on close.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = dialogRef.current;
    root?.focus();
    const release = root ? trapFocus(root) : () => undefined;
    return () => {
      release();
      previous?.focus?.();
    };
  }, []);

  useEffect(
    () =>
      api.on('export.progress', (event) => {
        if (event.jobId !== jobRef.current) return;
        setJob((current) =>
          // Events may arrive after the run's own answer (SSE vs. HTTP): the answer wins.
          current && current.id === event.jobId && current.running
            ? {
                ...current,
                done: Math.max(current.done, event.done),
                total: event.total,
                results: [
                  ...current.results.filter((r) => r.path !== event.result.path),
                  event.result,
                ],
              }
            : current,
        );
      }),
    [api],
  );

  useEffect(
    () =>
      api.on('export.step', (event) => {
        if (event.jobId !== jobRef.current) return;
        setJob((current) =>
          current && current.id === event.jobId && current.running
            ? { ...current, step: { index: event.index, path: event.path, format: event.format } }
            : current,
        );
      }),
    [api],
  );

  const update = useCallback((patch: (current: LoadedExportSettings) => LoadedExportSettings) => {
    setSettings((current) => (current ? patch(current) : current));
  }, []);

  const paths = scope === 'current' ? (activeTab ? [activeTab.path] : []) : [...selected];
  const canRun =
    settings !== null && paths.length > 0 && settings.formats.length > 0 && !job?.running;

  const run = async (): Promise<void> => {
    if (!settings || !canRun) {
      setMessage(t('export.nothingSelected'));
      return;
    }
    const id = newJobId();
    jobRef.current = id;
    setMessage(null);
    setJob({
      id,
      total: paths.length,
      done: 0,
      results: [],
      running: true,
      outputDir: null,
      opened: false,
      step: null,
    });
    try {
      const saved = await api['export.saveSettings'](settings);
      setSettings(saved);
      announceSavedExportTheme(saved.options.theme);
      const output = await api['export.run']({
        jobId: id,
        paths,
        formats: saved.formats,
        outputDir: saved.outputDir,
        options: saved.options,
        openWhenDone: saved.openWhenDone,
      });
      setJob({
        id,
        total: output.results.length,
        done: output.results.length,
        results: output.results,
        running: false,
        outputDir: output.outputDir,
        opened: output.opened,
        step: null,
      });
    } catch (error) {
      setJob((current) => (current ? { ...current, running: false } : current));
      setMessage(t('export.failed', { message: (error as Error).message }));
    }
  };

  const copy = async (): Promise<void> => {
    if (!activeTab || !settings) return;
    try {
      const rendered = await api['export.renderForClipboard']({
        path: activeTab.path,
        text: editor.text(),
        theme: settings.options.theme,
      });
      await copyRichText(rendered.html, rendered.text);
      setMessage(t('export.copied'));
    } catch (error) {
      setMessage(t('export.copyFailed', { message: (error as Error).message }));
    }
  };

  /** A folder `.byline/export.json` asked for: the desktop app has the writer pick it natively. */
  const confirmOutputDir = async (requested: string): Promise<void> => {
    const picked = await api['dialog.pickFolder']({
      title: t('export.outputDir'),
      defaultPath: requested,
    });
    if (picked.status === 'canceled') return;
    const chosen = picked.status === 'picked' ? picked.path : requested;
    update((s) => ({
      ...s,
      outputDir: chosen,
      unconfirmed: { ...s.unconfirmed, outputDir: undefined },
    }));
  };
  const confirmRemoteImages = (): void =>
    update((s) => ({
      ...s,
      options: { ...s.options, allowRemoteImages: true },
      unconfirmed: { ...s.unconfirmed, allowRemoteImages: undefined },
    }));
  const dismissUnconfirmed = (): void => update((s) => ({ ...s, unconfirmed: undefined }));
  const unconfirmed = settings?.unconfirmed;
  const askOutputDir = unconfirmed?.outputDir;
  const askRemoteImages = unconfirmed?.allowRemoteImages === true;

  const pickFolder = async (): Promise<void> => {
    const picked = await api['dialog.pickFolder']({
      title: t('export.outputDir'),
      defaultPath: settings?.outputDir ?? undefined,
    });
    if (picked.status === 'picked') update((s) => ({ ...s, outputDir: picked.path }));
  };

  const toggleFormat = (format: ExportFormatName, on: boolean): void =>
    update((s) => ({
      ...s,
      formats: on ? [...new Set([...s.formats, format])] : s.formats.filter((f) => f !== format),
    }));
  const toggleEntry = (path: string, on: boolean): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(path);
      else next.delete(path);
      return next;
    });

  const openOutput = async (file: string): Promise<void> => {
    const { opened } = await api['export.openOutput']({ path: file }).catch(() => ({
      opened: false,
    }));
    if (!opened) setMessage(t('export.cannotOpen', { path: file }));
  };
  const ticked = (formats: readonly ExportFormatName[]): boolean =>
    settings !== null && formats.some((format) => settings.formats.includes(format));

  const ok = job?.results.filter((r) => r.ok).length ?? 0;
  const failed = (job?.results.length ?? 0) - ok;

  return (
    <div
      className="export-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && !job?.running && onClose()}
    >
      <div
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('export.title')}
        tabIndex={-1}
        ref={dialogRef}
        onKeyDown={(event) => event.key === 'Escape' && !job?.running && onClose()}
      >
        <header className="export-dialog-header">
          <h2>{t('export.title')}</h2>
          <button
            type="button"
            className="export-close"
            onClick={onClose}
            disabled={job?.running}
            aria-label={t('export.close')}
          >
            ×
          </button>
        </header>

        {askOutputDir !== undefined || askRemoteImages ? (
          <section
            className="export-confirm"
            role="alertdialog"
            aria-label={t('export.confirmTitle')}
            data-testid="export-confirm"
          >
            <p>{t('export.confirmTitle')}</p>
            {askOutputDir !== undefined ? (
              <p>
                {t('export.confirmOutputDir', { path: askOutputDir })}{' '}
                <button type="button" onClick={() => void confirmOutputDir(askOutputDir)}>
                  {t('export.confirmAllow')}
                </button>
              </p>
            ) : null}
            {askRemoteImages ? (
              <p>
                {t('export.confirmRemoteImages')}{' '}
                <button type="button" onClick={confirmRemoteImages}>
                  {t('export.confirmAllow')}
                </button>
              </p>
            ) : null}
            <button type="button" onClick={dismissUnconfirmed}>
              {t('export.confirmIgnore')}
            </button>
          </section>
        ) : null}

        {settings === null ? null : (
          <div className="export-dialog-body">
            <fieldset className="export-scope">
              <legend>{t('export.scope')}</legend>
              <label>
                <input
                  type="radio"
                  name="export-scope"
                  checked={scope === 'current'}
                  disabled={!activeTab}
                  onChange={() => setScope('current')}
                />{' '}
                {activeTab
                  ? t('export.scopeCurrent', { title: activeTab.title })
                  : t('export.noCurrent')}
              </label>
              <label>
                <input
                  type="radio"
                  name="export-scope"
                  checked={scope === 'selected'}
                  onChange={() => setScope('selected')}
                />{' '}
                {t('export.scopeSelected')}
              </label>
              {scope === 'selected' ? (
                <div className="export-library">
                  <div className="export-library-actions">
                    <button
                      type="button"
                      onClick={() => setSelected(new Set(entries.map((e) => e.path)))}
                    >
                      {t('export.selectAll')}
                    </button>
                    <button type="button" onClick={() => setSelected(new Set())}>
                      {t('export.selectNone')}
                    </button>
                    <span>{t('export.selectedCount', { count: selected.size })}</span>
                  </div>
                  <ul className="export-library-list" data-testid="export-library">
                    {entries.map((entry) => (
                      <li key={entry.path}>
                        <label title={entry.path}>
                          <input
                            type="checkbox"
                            checked={selected.has(entry.path)}
                            onChange={(event) => toggleEntry(entry.path, event.target.checked)}
                          />{' '}
                          <span className="export-library-title">{entry.title}</span>{' '}
                          <span className="export-library-path">{entry.path}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </fieldset>

            <fieldset className="export-formats">
              <legend>{t('export.formats')}</legend>
              {exportFormats.map((format) => (
                <label key={format}>
                  <input
                    type="checkbox"
                    name={`format-${format}`}
                    checked={settings.formats.includes(format)}
                    onChange={(event) => toggleFormat(format, event.target.checked)}
                  />{' '}
                  {t(`export.format.${format}`)}
                </label>
              ))}
            </fieldset>

            {ticked(usesTheme) || ticked(usesPageSize) || ticked(['html', 'hugo', 'txt']) ? (
              <fieldset className="export-options">
                <legend>{t('export.options')}</legend>
                {ticked(usesTheme) ? (
                  <label>
                    {t('export.theme')}{' '}
                    <select
                      value={settings.options.theme}
                      onChange={(event) =>
                        update((s) => ({
                          ...s,
                          options: {
                            ...s.options,
                            theme: event.target.value as 'classic' | 'sans',
                          },
                        }))
                      }
                    >
                      <option value="classic">{t('export.themeClassic')}</option>
                      <option value="sans">{t('export.themeSans')}</option>
                    </select>
                  </label>
                ) : null}
                {ticked(usesPageSize) ? (
                  <label>
                    {t('export.pageSize')}{' '}
                    <select
                      value={settings.options.pdf.pageSize}
                      onChange={(event) => {
                        const pageSize = event.target.value as 'A4' | 'Letter';
                        update((s) => ({
                          ...s,
                          options: {
                            ...s.options,
                            pdf: { ...s.options.pdf, pageSize },
                            docx: { ...s.options.docx, pageSize },
                          },
                        }));
                      }}
                    >
                      <option value="A4">A4</option>
                      <option value="Letter">Letter</option>
                    </select>
                  </label>
                ) : null}
                {ticked(['pdf']) ? (
                  <label>
                    {t('export.marginMm')}{' '}
                    <input
                      type="number"
                      min={5}
                      max={40}
                      value={settings.options.pdf.marginMm}
                      onChange={(event) => {
                        const marginMm = Math.min(
                          40,
                          Math.max(5, Math.round(Number(event.target.value) || 20)),
                        );
                        update((s) => ({
                          ...s,
                          options: { ...s.options, pdf: { ...s.options.pdf, marginMm } },
                        }));
                      }}
                    />
                  </label>
                ) : null}
                {ticked(['pdf']) ? (
                  <label>
                    <input
                      type="checkbox"
                      checked={settings.options.pdf.pageNumbers}
                      onChange={(event) =>
                        update((s) => ({
                          ...s,
                          options: {
                            ...s.options,
                            pdf: { ...s.options.pdf, pageNumbers: event.target.checked },
                          },
                        }))
                      }
                    />{' '}
                    {t('export.pageNumbers')}
                  </label>
                ) : null}
                {ticked(['html']) ? (
                  <label>
                    {t('export.htmlImages')}{' '}
                    <select
                      value={settings.options.html.images}
                      onChange={(event) =>
                        update((s) => ({
                          ...s,
                          options: {
                            ...s.options,
                            html: { images: event.target.value as 'embed' | 'copy' },
                          },
                        }))
                      }
                    >
                      <option value="embed">{t('export.htmlImagesEmbed')}</option>
                      <option value="copy">{t('export.htmlImagesCopy')}</option>
                    </select>
                  </label>
                ) : null}
                {ticked(['hugo']) ? (
                  <label>
                    <input
                      type="checkbox"
                      checked={settings.options.hugo.addSlug}
                      onChange={(event) =>
                        update((s) => ({
                          ...s,
                          options: { ...s.options, hugo: { addSlug: event.target.checked } },
                        }))
                      }
                    />{' '}
                    {t('export.hugoSlug')}
                  </label>
                ) : null}
                {ticked(['txt']) ? (
                  <label>
                    {t('export.txtWrap')}{' '}
                    <input
                      type="number"
                      min={0}
                      max={200}
                      value={settings.options.txt.wrap}
                      onChange={(event) => {
                        const wrap = Math.min(
                          200,
                          Math.max(0, Math.round(Number(event.target.value) || 0)),
                        );
                        update((s) => ({
                          ...s,
                          options: { ...s.options, txt: { ...s.options.txt, wrap } },
                        }));
                      }}
                    />
                  </label>
                ) : null}
              </fieldset>
            ) : (
              <p className="export-no-options">{t('export.noOptions')}</p>
            )}

            <fieldset className="export-output">
              <legend>{t('export.outputDir')}</legend>
              <div className="export-output-row">
                <input
                  type="text"
                  name="outputDir"
                  value={settings.outputDir ?? ''}
                  placeholder={t('export.outputDirPlaceholder')}
                  onChange={(event) =>
                    update((s) => ({
                      ...s,
                      outputDir: event.target.value.trim() === '' ? null : event.target.value,
                    }))
                  }
                />
                <button type="button" onClick={() => void pickFolder()}>
                  {t('export.chooseFolder')}
                </button>
              </div>
              <label>
                <input
                  type="checkbox"
                  checked={settings.openWhenDone}
                  onChange={(event) =>
                    update((s) => ({ ...s, openWhenDone: event.target.checked }))
                  }
                />{' '}
                {t('export.openWhenDone')}
              </label>
            </fieldset>
          </div>
        )}

        {job ? (
          <section className="export-progress" aria-live="polite">
            <progress data-testid="export-progress" max={job.total} value={job.done} />
            <span data-testid="export-progress-text">
              {job.running
                ? t('export.progress', { done: job.done, total: job.total })
                : t('export.summary', { ok, failed })}
            </span>
            {job.running && job.step ? (
              <span className="export-step" data-testid="export-step">
                {t('export.step', {
                  n: job.step.index + 1,
                  total: job.total,
                  path: job.step.path,
                  format: t(`export.format.${job.step.format}`),
                })}
              </span>
            ) : null}
            {!job.running && job.outputDir && !job.opened ? (
              <p className="export-saved-to" data-testid="export-saved-to">
                {t('export.savedTo', { path: job.outputDir })}
              </p>
            ) : null}
            <ul className="export-results" data-testid="export-results">
              {job.results.map((result) => (
                <li
                  key={result.path}
                  className={result.ok ? 'export-result-ok' : 'export-result-failed'}
                  data-path={result.path}
                  data-ok={result.ok}
                >
                  <span className="export-result-status">
                    {result.ok ? t('export.resultOk') : t('export.resultFailed')}
                  </span>{' '}
                  <span className="export-result-path">{result.path}</span>
                  {result.ok ? (
                    <span className="export-result-outputs">
                      {result.outputs.map((file) => {
                        const name = outputName(file, job.outputDir);
                        return (
                          <button
                            key={file}
                            type="button"
                            className="export-output-file"
                            title={file}
                            aria-label={t('export.openOutput', { name })}
                            onClick={() => void openOutput(file)}
                          >
                            {name}
                          </button>
                        );
                      })}
                    </span>
                  ) : (
                    <span className="export-result-error" role="alert">
                      {result.error}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {message ? <p className="export-message">{message}</p> : null}

        <footer className="export-dialog-footer">
          <button
            type="button"
            onClick={() => void copy()}
            disabled={!activeTab || settings === null}
          >
            {t('export.copyRich')}
          </button>
          <span className="export-spacer" />
          <button type="button" onClick={onClose} disabled={job?.running}>
            {t('export.close')}
          </button>
          <button
            type="button"
            className="export-run export-primary"
            onClick={() => void run()}
            disabled={!canRun}
          >
            {job?.running ? t('export.running') : t('export.run')}
          </button>
        </footer>
      </div>
    </div>
  );
}

/** An output as the writer finds it in the output folder (`slug/images/photo.png`), every copy listed. */
function outputName(file: string, outputDir: string | null): string {
  const normalized = file.replace(/\\/g, '/');
  const folder = outputDir?.replace(/\\/g, '/').replace(/\/+$/, '');
  return folder && normalized.startsWith(`${folder}/`)
    ? normalized.slice(folder.length + 1)
    : (normalized.split('/').pop() ?? normalized);
}
