import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CslItem, SourceFields } from '../../shared/citations';
import {
  displayAuthors,
  emptySourceFields,
  fieldsToItem,
  isoDate,
  sourceId,
  todayParts,
} from '../../shared/citations';
import type { ReferencesStyleName } from '../../shared/citations/referenceSchemas';
import type { BylineApi } from '../../shared/ipc/contract';

interface CitationFormProps {
  api: BylineApi;
  style: ReferencesStyleName;
  language: 'zh' | 'en';
  /** Inserts the source (new or picked); resolves when done. */
  onCite(item: CslItem, isNew: boolean): Promise<void>;
  onCancel(): void;
}

type Mode = 'new' | 'library';

const FIELDS: { key: keyof SourceFields; labelKey: string; type?: string; placeholder?: string }[] =
  [
    { key: 'authors', labelKey: 'references.form.authors' },
    { key: 'issued', labelKey: 'references.form.issued', placeholder: '2025-06-18' },
    { key: 'title', labelKey: 'references.form.titleField' },
    { key: 'outlet', labelKey: 'references.form.outlet' },
    { key: 'url', labelKey: 'references.form.url', type: 'url', placeholder: 'https://' },
    { key: 'accessed', labelKey: 'references.form.accessed', type: 'date' },
    { key: 'note', labelKey: 'references.form.note' },
  ];

/**
 * The citation form: structured fields for a new source (retrieval date defaults to today), or a
 * search of the workspace library. A live preview shows the definition in the article's style.
 */
export function CitationForm({
  api,
  style,
  language,
  onCite,
  onCancel,
}: CitationFormProps): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<Mode>('new');
  const [fields, setFields] = useState<SourceFields>(() => ({
    ...emptySourceFields(),
    accessed: isoDate(todayParts()),
  }));
  const [preview, setPreview] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CslItem[] | null>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const searchField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (mode === 'new' ? firstField : searchField).current?.focus();
  }, [mode]);

  // Live preview of the definition, formatted by main in the chosen style.
  useEffect(() => {
    if (mode !== 'new' || !fields.title.trim()) {
      setPreview('');
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      const item = fieldsToItem(fields, 'preview');
      api['references.format']({ items: [item], style, language }).then(
        ([text]) => !cancelled && setPreview(text ?? ''),
        () => !cancelled && setPreview(''),
      );
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, fields, style, language, mode]);

  useEffect(() => {
    if (mode !== 'library') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      api['references.list']({ query }).then(
        (items) => !cancelled && setResults(items as CslItem[]),
        (failure: Error) => !cancelled && setError(failure.message),
      );
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, query, mode]);

  const cite = async (item: CslItem, isNew: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await onCite(item, isNew);
    } catch (failure) {
      setError(t('references.form.failed', { message: (failure as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!fields.title.trim()) {
      setError(t('references.form.required'));
      return;
    }
    const item = fieldsToItem(fields, '');
    void cite({ ...item, id: sourceId(item) }, true);
  };

  return (
    <div
      className="citation-form"
      role="dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={`${id}-title`}>{t('references.form.title')}</h3>
      <div className="citation-form-modes" role="tablist" aria-label={t('references.form.title')}>
        {(['new', 'library'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={mode === value}
            className={mode === value ? 'is-active' : undefined}
            onClick={() => setMode(value)}
          >
            {t(value === 'new' ? 'references.form.newSource' : 'references.form.fromLibrary')}
          </button>
        ))}
      </div>

      {mode === 'new' ? (
        <form onSubmit={submit} aria-label={t('references.form.newSource')}>
          {FIELDS.map(({ key, labelKey, type, placeholder }, i) => (
            <label key={key} className="citation-field">
              <span>{t(labelKey)}</span>
              <input
                ref={i === 0 ? firstField : undefined}
                name={key}
                type={type ?? 'text'}
                value={fields[key]}
                placeholder={placeholder}
                aria-describedby={key === 'authors' ? `${id}-authors-hint` : undefined}
                onChange={(event) =>
                  setFields((current) => ({ ...current, [key]: event.target.value }))
                }
              />
              {key === 'authors' ? (
                <small id={`${id}-authors-hint`} className="citation-hint">
                  {t('references.form.authorsHint')}
                </small>
              ) : null}
            </label>
          ))}
          <div
            className="citation-preview"
            aria-live="polite"
            aria-label={t('references.form.previewLabel')}
          >
            {preview ? (
              <>
                <span className="citation-preview-label">{t('references.form.preview')}</span>
                <span data-testid="citation-preview">{preview}</span>
              </>
            ) : null}
          </div>
          {error ? (
            <p className="citation-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="citation-actions">
            <button type="submit" className="references-primary" disabled={busy}>
              {t('references.form.insert')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('references.form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="citation-library">
          <input
            ref={searchField}
            type="search"
            value={query}
            placeholder={t('references.form.search')}
            aria-label={t('references.form.searchLabel')}
            onChange={(event) => setQuery(event.target.value)}
          />
          {error ? (
            <p className="citation-error" role="alert">
              {error}
            </p>
          ) : null}
          {results && results.length === 0 ? (
            <p className="references-muted">
              {t(query ? 'references.form.noResults' : 'references.form.libraryEmpty')}
            </p>
          ) : null}
          <ul className="citation-results">
            {(results ?? []).map((item) => (
              <li key={item.id}>
                <div className="citation-result-text">
                  <strong>{item.title ?? item.URL ?? item.id}</strong>
                  <span className="references-muted">
                    {[displayAuthors(item.author), item['container-title'] ?? item.publisher]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </div>
                <button type="button" disabled={busy} onClick={() => void cite(item, false)}>
                  {t('references.form.pick')}
                </button>
              </li>
            ))}
          </ul>
          <div className="citation-actions">
            <button type="button" onClick={onCancel}>
              {t('references.form.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
