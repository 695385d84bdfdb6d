import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationEntry, CitationProblem, CslItem } from '../../shared/citations';
import { analyzeCitations, detectArticleLanguage } from '../../shared/citations';
import type {
  ReferencesStyleName,
  ReferencesWorkspaceSettings,
} from '../../shared/citations/referenceSchemas';
import { usePanelCommand } from '../panels/panelCommands';
import type { SidePanelProps } from '../panels/sidePanel';
import { useArticleSnapshot, useWorkbench } from '../workbench/workbenchContext';
import { CitationForm } from './CitationForm';
import { insertCitation, jumpTo, renumber, restyle } from './referenceActions';
import { SourceLibrary } from './SourceLibrary';
import './references.css';

const STYLES: ReferencesStyleName[] = ['news', 'apa', 'gb-t-7714'];

function problemText(
  t: (key: string, options?: Record<string, unknown>) => string,
  problem: CitationProblem,
): string {
  return t(`references.problems.${problem.kind}`, { other: problem.otherLabel ?? '' });
}

interface PanelStatus {
  key: string;
  values: Record<string, string | number>;
  /** The article the message is about. */
  path: string | null;
}
/**
 * The references panel: every footnote in order of first citation with its label,
 * definition, number of citations and problems; insert a citation, renumber and tidy, switch
 * the style, and the workspace's source library.
 */
export function ReferencesPanel({ onClose }: SidePanelProps): React.JSX.Element {
  const { t } = useTranslation();
  const { api, editor, settings, updateSettings, activeTab, notify } = useWorkbench();
  const snapshot = useArticleSnapshot();
  const [formOpen, setFormOpen] = useState(false);
  const [convertNamed, setConvertNamed] = useState(false);
  const [workspaceSettings, setWorkspaceSettings] = useState<ReferencesWorkspaceSettings | null>(
    null,
  );
  const [libraryVersion, setLibraryVersion] = useState(0);
  // The last action's outcome as a message key: shown in the current UI language, and only for
  // the article it is about (switching articles leaves it behind).
  const [status, setStatus] = useState<PanelStatus | null>(null);
  const say = (key: string, values: Record<string, string | number> = {}): void =>
    setStatus({ key, values, path: activeTab?.path ?? null });
  /** Per label: how often 'go to citation' was used, so clicks cycle through the citations. */
  const [visits, setVisits] = useState<Record<string, number>>({});
  const style = settings.referencesStyle;

  const text = snapshot?.text ?? null;
  const analysis = useMemo(() => (text === null ? null : analyzeCitations(text)), [text]);
  const language = useMemo(() => (text === null ? 'en' : detectArticleLanguage(text)), [text]);

  useEffect(() => {
    let cancelled = false;
    api['references.getSettings']().then(
      (value) => !cancelled && setWorkspaceSettings(value),
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const openForm = useCallback(() => {
    if (!editor.view || activeTab?.readOnly) return false;
    setFormOpen(true);
    return true;
  }, [editor, activeTab]);

  // The toolbar button and Ctrl/Cmd+Shift+C open this panel (sidePanels.ts `openWith`) and the form.
  usePanelCommand('references', 'insert.citation', openForm);

  const cite = async (item: CslItem, isNew: boolean) => {
    if (isNew) {
      await api['references.add']({ items: [item] });
      setLibraryVersion((v) => v + 1);
    }
    const plan = await insertCitation(api, editor, item, style, workspaceSettings);
    setFormOpen(false);
    if (plan?.reused) say('references.form.reused', { label: plan.label });
    editor.view?.focus();
  };

  const onRenumber = async () => {
    const plan = await renumber(editor, convertNamed);
    if (!plan) return;
    if (plan.changes.length === 0) say('references.alreadyTidy');
    else say('references.renumbered', { count: Object.keys(plan.mapping).length });
  };

  const onStyle = async (next: ReferencesStyleName) => {
    updateSettings({ referencesStyle: next });
    try {
      const outcome = await restyle(api, editor, next);
      if (outcome.status === 'done') say('references.restyled', { count: outcome.count });
      else if (outcome.status === 'stale') say('references.restyleStale');
      else say('references.restyleNone');
    } catch (failure) {
      notify((failure as Error).message);
    }
  };

  const goToCitation = (entry: CitationEntry) => {
    const count = entry.references.length;
    if (count === 0) return;
    const next = (visits[entry.label] ?? 0) % count;
    setVisits((current) => ({ ...current, [entry.label]: next + 1 }));
    const reference = entry.references[next];
    if (reference) jumpTo(editor, reference.from, reference.to);
  };

  const goToDefinition = (entry: CitationEntry) => {
    const definition = entry.definitions[entry.definitions.length - 1];
    if (definition) jumpTo(editor, definition.from, definition.to);
    else goToCitation(entry);
  };

  const saveHeading = (patch: Partial<ReferencesWorkspaceSettings>) => {
    api['references.updateSettings'](patch).then(setWorkspaceSettings, (failure: Error) =>
      notify(failure.message),
    );
  };

  return (
    <div className="references-panel">
      <header className="references-header">
        <h2>{t('references.title')}</h2>
        <button
          type="button"
          className="references-icon-button"
          aria-label={t('references.close')}
          title={t('references.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>

      {!activeTab || !analysis ? (
        <p className="references-muted references-pad">{t('references.noArticle')}</p>
      ) : (
        <>
          <div className="references-controls">
            <button
              type="button"
              className="references-primary"
              onClick={() => openForm()}
              disabled={activeTab.readOnly}
            >
              {t('references.insert')}
            </button>
            <button
              type="button"
              onClick={() => void onRenumber()}
              title={t('references.renumberHint')}
              disabled={activeTab.readOnly}
            >
              {t('references.renumber')}
            </button>
            <label className="references-check">
              <input
                type="checkbox"
                checked={convertNamed}
                onChange={(event) => setConvertNamed(event.target.checked)}
              />
              {t('references.convertNamed')}
            </label>
            <label className="references-style">
              <span>{t('references.style')}</span>
              <select
                value={style}
                disabled={activeTab.readOnly}
                onChange={(event) => void onStyle(event.target.value as ReferencesStyleName)}
              >
                {STYLES.map((value) => (
                  <option key={value} value={value}>
                    {t(`references.styles.${value}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>

          {status && status.path === (activeTab?.path ?? null) ? (
            <p className="references-status" role="status">
              {t(status.key, status.values)}
            </p>
          ) : null}

          {formOpen ? (
            <CitationForm
              api={api}
              style={style}
              language={language}
              onCite={cite}
              onCancel={() => {
                setFormOpen(false);
                editor.view?.focus();
              }}
            />
          ) : null}

          {analysis.entries.length === 0 ? (
            <p className="references-muted references-pad">{t('references.empty')}</p>
          ) : (
            <ol
              className="references-list"
              aria-label={t('references.listLabel')}
              data-testid="references-list"
            >
              {analysis.entries.map((entry) => (
                <ReferenceItem
                  key={entry.label}
                  entry={entry}
                  onCitation={() => goToCitation(entry)}
                  onDefinition={() => goToDefinition(entry)}
                  nextCitation={
                    ((visits[entry.label] ?? 0) % Math.max(1, entry.references.length)) + 1
                  }
                />
              ))}
            </ol>
          )}

          <details className="references-options">
            <summary>{t('references.form.heading')}</summary>
            {workspaceSettings ? (
              <div className="references-headings">
                <label className="citation-field">
                  <span>{t('references.form.headingZh')}</span>
                  <input
                    defaultValue={workspaceSettings.headingZh}
                    onBlur={(event) => saveHeading({ headingZh: event.target.value })}
                  />
                </label>
                <label className="citation-field">
                  <span>{t('references.form.headingEn')}</span>
                  <input
                    defaultValue={workspaceSettings.headingEn}
                    onBlur={(event) => saveHeading({ headingEn: event.target.value })}
                  />
                </label>
              </div>
            ) : null}
          </details>
        </>
      )}

      <SourceLibrary key={libraryVersion} />
    </div>
  );
}

interface ReferenceItemProps {
  entry: CitationEntry;
  nextCitation: number;
  onCitation(): void;
  onDefinition(): void;
}

function ReferenceItem({
  entry,
  nextCitation,
  onCitation,
  onDefinition,
}: ReferenceItemProps): React.JSX.Element {
  const { t } = useTranslation();
  const definition = entry.definitions[entry.definitions.length - 1];
  const count = entry.references.length;
  const flagged = entry.problems.length > 0;
  const errors = entry.problems.some((problem) => problem.severity === 'error');
  return (
    <li
      className={`reference-item${flagged ? (errors ? ' has-error' : ' has-warning') : ''}${entry.number === null ? ' is-unused' : ''}`}
      data-label={entry.label}
      data-testid="reference-item"
    >
      <div className="reference-head">
        <button
          type="button"
          className="reference-label"
          onClick={onDefinition}
          aria-label={t('references.goToDefinition', { label: entry.label })}
          title={t('references.goToDefinition', { label: entry.label })}
        >
          [^{entry.label}]
        </button>
        {count > 0 ? (
          <button
            type="button"
            className="reference-count"
            onClick={onCitation}
            aria-label={t('references.goToCitation', {
              label: entry.label,
              index: nextCitation,
              count,
            })}
            title={t('references.goToCitation', { label: entry.label, index: nextCitation, count })}
          >
            {t('references.citations', { count })}
          </button>
        ) : (
          <span className="reference-count is-unused">{t('references.notCited')}</span>
        )}
      </div>
      <p
        className="reference-text"
        title={entry.source ? undefined : definition ? t('references.freeText') : undefined}
      >
        {definition ? definition.text : <em>{t('references.definitionMissing')}</em>}
      </p>
      {flagged ? (
        <ul
          className="reference-problems"
          aria-label={t('references.problemCount', { count: entry.problems.length })}
        >
          {entry.problems.map((problem, i) => (
            <li
              key={`${problem.kind}-${i}`}
              className={`problem-${problem.severity}`}
              data-problem={problem.kind}
            >
              {problemText(t, problem)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
