import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findImage, imageValueFor, type FormField } from '../../../shared/frontMatterSchema';
import { labelOf, useForm } from '../formContext';
import { useTextDraft } from '../useTextDraft';
import { FieldShell } from './FieldShell';

const isRemote = (value: string): boolean => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value.trim());

/**
 * The featured image: its path as written (spaces and all), a thumbnail of the file it names,
 * and a picker of the workspace's images that writes the path the way Hugo finds it.
 */
export function ImageField({
  row,
  path,
}: {
  row: FormField;
  path: readonly string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm();
  const id = useId();
  const [picking, setPicking] = useState(false);
  const [filter, setFilter] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const value = typeof row.value === 'string' ? row.value : '';
  const commit = useCallback((text: string) => form.set(path, text), [form, path]);
  const draft = useTextDraft(value, commit);
  const label =
    path.length > 1 ? (path[path.length - 1] as string) : labelOf(row.schema, form.labelLanguage);

  const known = useMemo(
    () => new Set((form.images ?? []).map((image) => image.path)),
    [form.images],
  );
  const resolved =
    value.trim() === '' || isRemote(value)
      ? null
      : findImage(form.articlePath, value, (p) => known.has(p));
  const missing =
    form.images !== null && value.trim() !== '' && !isRemote(value) && resolved === null;

  const matches = (form.images ?? []).filter((image) =>
    image.path.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  const close = (): void => {
    setPicking(false);
    chooseButton.current?.focus();
  };
  const pick = (imagePath: string): void => {
    form.set(path, imageValueFor(form.articlePath, imagePath), { discrete: true });
    close();
  };
  /** An image from anywhere on the computer: copied into the workspace, then chosen. */
  const importFiles = (files: FileList | null): void => {
    const file = files?.[0];
    if (!file) return;
    setImportError(null);
    form
      .importImage(file)
      .then(pick, (error: Error) =>
        setImportError(
          t('frontMatter.image.importFailed', { name: file.name, message: error.message }),
        ),
      );
  };

  return (
    <FieldShell
      row={row}
      path={path}
      controlId={id}
      labelId={`${id}-label`}
      footer={
        <>
          {missing ? <p className="fm-problem">{t('frontMatter.image.missing')}</p> : null}
          {isRemote(value) ? <p className="fm-hint">{t('frontMatter.image.remote')}</p> : null}
        </>
      }
    >
      <div className="fm-image">
        {resolved ? (
          <img
            className="fm-thumbnail"
            src={form.assetUrl(resolved)}
            alt={t('frontMatter.image.thumbnail', { path: value })}
            data-testid="image-thumbnail"
          />
        ) : (
          <div className="fm-thumbnail fm-thumbnail-empty" aria-hidden="true" />
        )}
        <div className="fm-row">
          <input
            id={id}
            type="text"
            className="fm-input"
            value={draft.value}
            onChange={draft.onChange}
            onCompositionStart={draft.onCompositionStart}
            onCompositionEnd={draft.onCompositionEnd}
            readOnly={form.readOnly}
            spellCheck={false}
            autoComplete="off"
          />
          <button
            ref={chooseButton}
            type="button"
            className="fm-button"
            disabled={form.readOnly}
            aria-expanded={picking}
            aria-label={t('frontMatter.image.chooseLabel', { field: label })}
            onClick={() => setPicking((open) => !open)}
          >
            {t('frontMatter.image.choose')}
          </button>
        </div>
      </div>
      {picking ? (
        <div
          className="fm-picker"
          role="dialog"
          aria-label={t('frontMatter.image.chooseLabel', { field: label })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <div className="fm-row">
            <input
              type="search"
              className="fm-input"
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value)}
              aria-label={t('frontMatter.image.filter')}
              placeholder={t('frontMatter.image.filter')}
              autoFocus
            />
            <button type="button" className="fm-button" onClick={() => fileInput.current?.click()}>
              {t('frontMatter.image.importFromDisk')}
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept="image/png,image/jpeg,image/gif,image/webp,image/avif"
              aria-label={t('frontMatter.image.importFromDisk')}
              data-testid="image-import-input"
              onChange={(event) => {
                importFiles(event.currentTarget.files);
                event.currentTarget.value = '';
              }}
            />
            <button type="button" className="fm-button" onClick={close}>
              {t('frontMatter.image.closePicker')}
            </button>
          </div>
          {importError ? (
            <p className="fm-problem" role="alert">
              {importError}
            </p>
          ) : null}
          {form.images === null || form.images.length === 0 ? (
            <p className="fm-hint">{t('frontMatter.image.noImages')}</p>
          ) : matches.length === 0 ? (
            <p className="fm-hint">{t('frontMatter.image.noMatch')}</p>
          ) : (
            <ul className="fm-picker-list">
              {matches.slice(0, 200).map((image) => (
                <li key={image.path}>
                  <button
                    type="button"
                    className="fm-picker-item"
                    onClick={() => pick(image.path)}
                    aria-current={image.path === resolved || undefined}
                  >
                    <img src={form.assetUrl(image.path)} alt="" loading="lazy" />
                    <span>{image.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </FieldShell>
  );
}
