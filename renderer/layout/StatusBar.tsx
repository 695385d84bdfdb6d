import { useTranslation } from 'react-i18next';
import { useSyncExternalStore } from 'react';
import type { EditorSession, Signal } from '../workbench/editorSession';
import { useCursor } from '../workbench/editorSession';
import type { ArticleTab } from '../workbench/workbenchContext';
import { targetProgress } from '../../shared/stats/targetLength';

export interface StatusStats {
  words: number;
  cjkChars: number;
  latinWords: number;
  readingMinutes: number;
}

interface StatusBarProps {
  tab: ArticleTab | null;
  session: EditorSession;
  /** Live statistics from the preview worker (subscribed here, so only the status bar re-renders). */
  stats: Signal<StatusStats | null>;
  /** The article's target length (front matter or workspace schema), if it has one. */
  target?: number | null;
}

/** Save state, live writer statistics, cursor position, encoding and line endings. */
export function StatusBar({
  tab,
  session,
  stats: statsSignal,
  target = null,
}: StatusBarProps): React.JSX.Element {
  const stats = useSyncExternalStore(statsSignal.subscribe, statsSignal.get);
  const { t } = useTranslation();
  const saveState = !tab
    ? null
    : tab.readOnly
      ? 'readOnly'
      : tab.saving
        ? 'saving'
        : tab.dirty
          ? 'unsaved'
          : // Clean, yet the file on disk is not this text (its new encoding was not chosen).
            tab.saveError
            ? 'notSaved'
            : 'saved';
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span
        className={`status-save status-save-${saveState ?? 'none'}`}
        data-testid="save-state"
        role="status"
      >
        {saveState ? t(`status.${saveState}`) : ''}
      </span>
      {stats ? (
        <span
          className="status-stats"
          data-testid="status-words"
          title={t('status.statsDetail', {
            cjkChars: stats.cjkChars,
            latinWords: stats.latinWords,
          })}
        >
          {t('status.words', { count: stats.words })}
          <span className="status-muted">
            {' '}
            · {t('status.readingTime', { count: stats.readingMinutes })}
          </span>
        </span>
      ) : null}
      {stats && target ? <TargetMeter words={stats.words} target={target} /> : null}
      <span className="status-spacer" />
      {tab ? <CursorPosition session={session} /> : null}
      {tab ? (
        <span className="status-format" data-testid="status-format">
          {tab.format.encoding.toUpperCase()}
          {tab.format.bom ? ' BOM' : ''} · {eolLabels[tab.format.eol]}
        </span>
      ) : null}
    </footer>
  );
}

/** Progress toward the target length: a small bar and the percentage. */
function TargetMeter({ words, target }: { words: number; target: number }): React.JSX.Element {
  const { t } = useTranslation();
  const progress = targetProgress(words, target);
  const label = t('status.target', { target, percent: progress.percent });
  return (
    <span
      className={`status-target${progress.reached ? ' status-target-reached' : ''}`}
      data-testid="status-target"
      role="meter"
      aria-label={t('status.targetLabel')}
      aria-valuemin={0}
      aria-valuemax={target}
      aria-valuenow={Math.min(words, target)}
      aria-valuetext={label}
      title={label}
    >
      <span className="status-target-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, progress.percent)}%` }} />
      </span>
      {label}
    </span>
  );
}

/** Subscribes on its own so cursor moves re-render only this span. */
function CursorPosition({ session }: { session: EditorSession }): React.JSX.Element {
  const { t } = useTranslation();
  const cursor = useCursor(session);
  return (
    <span className="status-cursor" data-testid="status-cursor">
      {t('status.line', { line: cursor.line, column: cursor.column })}
      {cursor.selections > 1 ? ` · ${t('status.selections', { count: cursor.selections })}` : ''}
      {cursor.selectedChars > 0
        ? ` · ${t('status.selected', { count: cursor.selectedChars })}`
        : ''}
    </span>
  );
}

const eolLabels = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' } as const;
