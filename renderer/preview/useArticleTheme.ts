import { useEffect, useState } from 'react';
import type { BylineApi } from '../../shared/ipc/contract';
import type { ExportTheme } from '../../shared/export/exportOptions';
import base from '../../assets/themes/base.css?raw';
import classic from '../../assets/themes/classic.css?raw';
import sans from '../../assets/themes/sans.css?raw';
import { onSavedExportTheme } from '../workbench/savedExportTheme';
import { scopeThemeCss } from './scopeThemeCss';

const themes: Record<ExportTheme, string> = { classic, sans };

/**
 * The preview is typeset by the very stylesheets the HTML and PDF exports carry (base.css and the
 * workspace's export theme), scoped to the preview's article element, so its headings, fonts and
 * rhythm are the published page's. It follows a theme saved in the Export dialog at once.
 */
export function useArticleTheme(api: Pick<BylineApi, 'export.getSettings'>): void {
  const [theme, setTheme] = useState<ExportTheme>('classic');
  useEffect(() => {
    let alive = true;
    api['export.getSettings']().then(
      (settings) => alive && setTheme(settings.options.theme),
      () => undefined,
    );
    const unsubscribe = onSavedExportTheme((saved) => {
      alive = false; // a late first read must not undo the theme just saved

      setTheme(saved);
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [api]);
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.articleTheme = theme;
    style.textContent = scopeThemeCss(base) + scopeThemeCss(themes[theme]);
    document.head.append(style);
    return () => style.remove();
  }, [theme]);
}
