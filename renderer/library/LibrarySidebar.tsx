import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry, SearchHit } from '../../shared/ipc/contract';
import type { LibraryQuery } from '../../shared/library/queryLibrary';
import {
  defaultLibraryQuery,
  libraryFacets,
  queryLibrary,
} from '../../shared/library/queryLibrary';
import './library.css';
import { usePopupPlacement } from '../layout/usePopupPlacement';

/** What the library can do besides opening an article; absent, the sidebar is a plain list. */
export interface LibraryTools {
  search(query: string): Promise<SearchHit[]>;
  newArticle(): void;
  rename(entry: LibraryEntry): void;
  duplicate(entry: LibraryEntry): void;
  trash(entry: LibraryEntry): void;
  history(entry: LibraryEntry): void;
  openTrash(): void;
}

interface LibrarySidebarProps {
  workspaceName: string;
  entries: LibraryEntry[];
  selectedPath: string | null;
  onSelect(path: string): void;
  tools?: LibraryTools;
}

/** Rows rendered at once: a 10,000-article site stays responsive; "show more" adds pages. */
const pageSize = 300;

export function LibrarySidebar(props: LibrarySidebarProps): React.JSX.Element {
  const { t } = useTranslation();
  const [query, setQuery] = useState<LibraryQuery>(defaultLibraryQuery);
  const [limit, setLimit] = useState(pageSize);
  const [searchText, setSearchText] = useState('');
  const search = useFullTextSearch(searchText, props.tools);
  const facets = useMemo(() => libraryFacets(props.entries), [props.entries]);
  const visible = useMemo(() => queryLibrary(props.entries, query), [props.entries, query]);
  const filtersActive =
    query.draft !== 'all' ||
    query.tag !== null ||
    query.topic !== null ||
    query.from !== null ||
    query.to !== null;
  const set = (patch: Partial<LibraryQuery>): void => {
    setQuery((current) => ({ ...current, ...patch }));
    setLimit(pageSize);
  };
  const titleOf = (path: string): string =>
    props.entries.find((e) => e.path === path)?.title ?? path;

  return (
    <nav className="library" aria-label={t('library.label')}>
      <header className="library-header">
        <span className="library-workspace" title={props.workspaceName}>
          {props.workspaceName}
        </span>
        <span className="library-count">{props.entries.length}</span>
        {props.tools ? (
          <button
            type="button"
            className="library-new"
            data-testid="library-new"
            title={t('files.library.newArticle')}
            aria-label={t('files.library.newArticle')}
            onClick={props.tools.newArticle}
          >
            +
          </button>
        ) : null}
      </header>
      {props.tools ? (
        <div className="library-tools">
          <input
            type="search"
            className="library-search"
            data-testid="library-search"
            placeholder={t('files.library.search')}
            aria-label={t('files.library.searchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
          {searchText.trim() === '' ? (
            <details className="library-filters">
              <summary>
                {t('files.library.filters')}
                {filtersActive
                  ? ` · ${t('files.library.shown', { shown: visible.length, total: props.entries.length })}`
                  : ''}
              </summary>
              <div className="library-filter-grid">
                <select
                  aria-label={t('files.library.filters')}
                  data-testid="library-filter-draft"
                  value={query.draft}
                  onChange={(event) => set({ draft: event.target.value as LibraryQuery['draft'] })}
                >
                  <option value="all">{t('files.library.draftAll')}</option>
                  <option value="draft">{t('files.library.draftOnly')}</option>
                  <option value="published">{t('files.library.publishedOnly')}</option>
                </select>
                <select
                  aria-label={t('files.library.anyTag')}
                  data-testid="library-filter-tag"
                  value={query.tag ?? ''}
                  onChange={(event) => set({ tag: event.target.value || null })}
                >
                  <option value="">{t('files.library.anyTag')}</option>
                  {facets.tags.map((tag) => (
                    <option key={tag} value={tag}>
                      {tag}
                    </option>
                  ))}
                </select>
                <select
                  aria-label={t('files.library.anyTopic')}
                  data-testid="library-filter-topic"
                  value={query.topic ?? ''}
                  onChange={(event) => set({ topic: event.target.value || null })}
                >
                  <option value="">{t('files.library.anyTopic')}</option>
                  {facets.topics.map((topic) => (
                    <option key={topic} value={topic}>
                      {topic}
                    </option>
                  ))}
                </select>
                <label>
                  {t('files.library.from')}
                  <input
                    type="date"
                    value={query.from ?? ''}
                    onChange={(event) => set({ from: event.target.value || null })}
                  />
                </label>
                <label>
                  {t('files.library.to')}
                  <input
                    type="date"
                    value={query.to ?? ''}
                    onChange={(event) => set({ to: event.target.value || null })}
                  />
                </label>
                <select
                  aria-label={t('files.library.sort')}
                  data-testid="library-sort"
                  value={`${query.sort}:${query.descending ? 'desc' : 'asc'}`}
                  onChange={(event) => {
                    const [sort, direction] = event.target.value.split(':') as [
                      LibraryQuery['sort'],
                      string,
                    ];
                    set({ sort, descending: direction === 'desc' });
                  }}
                >
                  {(['date', 'modified', 'title', 'words'] as const).flatMap((sort) =>
                    (['desc', 'asc'] as const).map((direction) => (
                      <option key={`${sort}:${direction}`} value={`${sort}:${direction}`}>
                        {t(`files.library.sort${sort[0]?.toUpperCase()}${sort.slice(1)}`)} ·{' '}
                        {t(
                          direction === 'desc'
                            ? 'files.library.descending'
                            : 'files.library.ascending',
                        )}
                      </option>
                    )),
                  )}
                </select>
                {filtersActive ? (
                  <button
                    type="button"
                    onClick={() =>
                      set({
                        ...defaultLibraryQuery,
                        sort: query.sort,
                        descending: query.descending,
                      })
                    }
                  >
                    {t('files.library.clearFilters')}
                  </button>
                ) : null}
              </div>
            </details>
          ) : null}
        </div>
      ) : null}
      {searchText.trim() !== '' ? (
        <SearchResults
          query={searchText.trim()}
          state={search}
          selectedPath={props.selectedPath}
          titleOf={titleOf}
          onSelect={props.onSelect}
        />
      ) : (
        <>
          {props.entries.length === 0 ? (
            <p className="library-empty">{t('library.empty')}</p>
          ) : null}
          <ul className="library-list" aria-label={t('library.title')}>
            {visible.slice(0, limit).map((entry) => (
              <LibraryRow
                key={entry.path}
                entry={entry}
                selected={entry.path === props.selectedPath}
                onSelect={props.onSelect}
                tools={props.tools}
              />
            ))}
            {visible.length > limit ? (
              <li className="library-more">
                <button type="button" onClick={() => setLimit((n) => n + pageSize)}>
                  {t('files.library.showMore', {
                    count: Math.min(pageSize, visible.length - limit),
                  })}
                </button>
              </li>
            ) : null}
          </ul>
        </>
      )}
      {props.tools ? (
        <footer className="library-footer">
          <button type="button" data-testid="library-open-trash" onClick={props.tools.openTrash}>
            {t('files.library.openTrash')}
          </button>
        </footer>
      ) : null}
    </nav>
  );
}

function LibraryRow({
  entry,
  selected,
  onSelect,
  tools,
}: {
  entry: LibraryEntry;
  selected: boolean;
  onSelect(path: string): void;
  tools: LibraryTools | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuList = useRef<HTMLDivElement>(null);
  const menuStyle = usePopupPlacement(menuOpen, menuButton, menuList);
  useEffect(() => {
    if (!menuOpen) return undefined;
    const close = (event: MouseEvent | KeyboardEvent): void => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !menu.current?.contains(event.target as Node)
      )
        setMenuOpen(false);
    };
    // The menu is placed against the window: scrolling the list would leave it behind.
    const closeOnScroll = (event: Event): void => {
      if (!menu.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    document.addEventListener('scroll', closeOnScroll, true);
    window.addEventListener('resize', closeOnScroll);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
      document.removeEventListener('scroll', closeOnScroll, true);
      window.removeEventListener('resize', closeOnScroll);
    };
  }, [menuOpen]);
  const act = (action: (entry: LibraryEntry) => void) => () => {
    setMenuOpen(false);
    action(entry);
  };
  return (
    <li className="library-row">
      <button
        type="button"
        className="library-item"
        aria-current={selected ? 'page' : undefined}
        data-path={entry.path}
        title={entry.path}
        onClick={() => onSelect(entry.path)}
      >
        <span className="library-item-title">{entry.title}</span>
        <span className="library-item-meta">
          {entry.date ? <time>{entry.date.slice(0, 10)}</time> : null}
          {entry.draft ? <span className="badge">{t('library.draft')}</span> : null}
          {entry.words !== null && entry.words > 0 ? (
            <span>{t('files.library.words', { count: entry.words })}</span>
          ) : null}
          {entry.frontMatterError ? (
            <span className="badge badge-error" title={entry.frontMatterError}>
              {t('library.brokenFrontMatter')}
            </span>
          ) : null}
        </span>
      </button>
      {tools ? (
        <div className="library-item-actions" ref={menu}>
          <button
            ref={menuButton}
            type="button"
            className="library-item-menu-button"
            aria-label={t('files.library.actions', { title: entry.title })}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((open) => !open)}
          >
            ⋯
          </button>
          {menuOpen ? (
            <div className="library-item-menu" role="menu" ref={menuList} style={menuStyle}>
              <button type="button" role="menuitem" onClick={act(tools.rename)}>
                {t('files.library.rename')}
              </button>
              <button type="button" role="menuitem" onClick={act(tools.duplicate)}>
                {t('files.library.duplicate')}
              </button>
              <button type="button" role="menuitem" onClick={act(tools.history)}>
                {t('files.library.history')}
              </button>
              <button type="button" role="menuitem" className="danger" onClick={act(tools.trash)}>
                {t('files.library.trash')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; hits: SearchHit[] }
  | { status: 'error'; message: string };

/** Debounced full-text search; a newer query supersedes the answer to an older one. */
function useFullTextSearch(text: string, tools: LibraryTools | undefined): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const query = text.trim();
    if (!tools || query === '') {
      setState({ status: 'idle' });
      return undefined;
    }
    let current = true;
    setState({ status: 'searching' });
    const timer = setTimeout(() => {
      tools.search(query).then(
        (hits) => current && setState({ status: 'done', hits }),
        (error: Error) => current && setState({ status: 'error', message: error.message }),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, tools]);
  return state;
}

function SearchResults(props: {
  query: string;
  state: SearchState;
  selectedPath: string | null;
  titleOf(path: string): string;
  onSelect(path: string): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { state } = props;
  if (state.status === 'searching' || state.status === 'idle')
    return <p className="library-empty">{t('files.library.searching')}</p>;
  if (state.status === 'error') return <p className="library-empty">{state.message}</p>;
  if (state.hits.length === 0)
    return <p className="library-empty">{t('files.library.noHits', { query: props.query })}</p>;
  return (
    <>
      <p className="library-hit-count" aria-live="polite">
        {t('files.library.hits', { count: state.hits.length })}
      </p>
      <ul
        className="library-list"
        aria-label={t('files.library.searchLabel')}
        data-testid="library-hits"
      >
        {state.hits.map((hit) => (
          <li key={hit.path} className="library-row">
            <button
              type="button"
              className="library-item"
              aria-current={hit.path === props.selectedPath ? 'page' : undefined}
              data-path={hit.path}
              title={hit.path}
              onClick={() => props.onSelect(hit.path)}
            >
              <span className="library-item-title">{props.titleOf(hit.path)}</span>
              <span className="library-hit-snippet">{hit.snippet}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
