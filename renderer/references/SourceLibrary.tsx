import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BibliographyExportFormat,
  BibliographyImportFormat,
} from '../../shared/citations/referenceSchemas';
import { useWorkbench } from '../workbench/workbenchContext';

const formatOfFile = (name: string): BibliographyImportFormat => {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex')) return 'bibtex';
  if (lower.endsWith('.ris')) return 'ris';
  return 'csl-json';
};

/** Hands a text to the browser as a download (the same in Electron and in browser mode). */
function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The workspace source library: its size, import (BibTeX, RIS, CSL-JSON) and export (CSL-JSON, BibTeX). */
export function SourceLibrary(): React.JSX.Element {
  const { t } = useTranslation();
  const { api, notify } = useWorkbench();
  const [count, setCount] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => {
    api['references.list']({}).then(
      (items) => setCount(items.length),
      (failure: Error) => setMessage(failure.message),
    );
  }, [api]);
  useEffect(refresh, [refresh]);

  const onFile = async (file: File) => {
    try {
      const result = await api['references.import']({
        format: formatOfFile(file.name),
        text: await file.text(),
      });
      setMessage(
        t('references.library.imported', {
          added: result.added.length,
          duplicates: result.duplicates.length,
        }),
      );
      setCount(result.total);
    } catch (failure) {
      setMessage(t('references.library.importFailed', { message: (failure as Error).message }));
    }
  };

  const onExport = async (format: BibliographyExportFormat) => {
    try {
      const { text, fileName } = await api['references.export']({ format });
      download(fileName, text, format === 'bibtex' ? 'application/x-bibtex' : 'application/json');
    } catch (failure) {
      notify(t('references.library.exportFailed', { message: (failure as Error).message }));
    }
  };

  return (
    <section className="references-library" aria-labelledby="references-library-title">
      <h3 id="references-library-title">{t('references.library.title')}</h3>
      {count !== null ? (
        <p className="references-muted" data-testid="references-library-count">
          {t('references.library.count', { count })}
        </p>
      ) : null}
      <div className="references-controls">
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          aria-label={t('references.library.importLabel')}
        >
          {t('references.library.import')}
        </button>
        <button type="button" onClick={() => void onExport('csl-json')}>
          {t('references.library.exportJson')}
        </button>
        <button type="button" onClick={() => void onExport('bibtex')}>
          {t('references.library.exportBibtex')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".bib,.bibtex,.ris,.json"
          data-testid="references-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void onFile(file);
          }}
        />
      </div>
      {message ? (
        <p className="references-status" role="status">
          {message}
        </p>
      ) : null}
    </section>
  );
}
