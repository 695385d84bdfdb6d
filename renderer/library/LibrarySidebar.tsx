import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../shared/ipc/contract';

interface LibrarySidebarProps {
  workspaceName: string;
  entries: LibraryEntry[];
  selectedPath: string | null;
  onSelect(path: string): void;
}

export function LibrarySidebar(props: LibrarySidebarProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <nav className="library" aria-label={t('library.label')}>
      <header className="library-header">
        <span className="library-workspace" title={props.workspaceName}>
          {props.workspaceName}
        </span>
        <span className="library-count">{props.entries.length}</span>
      </header>
      {props.entries.length === 0 ? <p className="library-empty">{t('library.empty')}</p> : null}
      <ul className="library-list" role="listbox" aria-label={t('library.title')}>
        {props.entries.map((entry) => (
          <li key={entry.path} role="option" aria-selected={entry.path === props.selectedPath}>
            <button
              type="button"
              className="library-item"
              data-path={entry.path}
              onClick={() => props.onSelect(entry.path)}
            >
              <span className="library-item-title">{entry.title}</span>
              <span className="library-item-meta">
                {entry.date ? <time>{entry.date.slice(0, 10)}</time> : null}
                {entry.draft ? <span className="badge">{t('library.draft')}</span> : null}
                {entry.frontMatterError ? (
                  <span className="badge badge-error" title={entry.frontMatterError}>
                    {t('library.brokenFrontMatter')}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
