import { useEffect, useSyncExternalStore } from 'react';

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

let query: MediaQueryList | null = null;
const darkQuery = (): MediaQueryList =>
  (query ??= window.matchMedia('(prefers-color-scheme: dark)'));

function subscribe(listener: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** The OS preference, live. */
function useSystemTheme(): Theme {
  return useSyncExternalStore(subscribe, () => (darkQuery().matches ? 'dark' : 'light'));
}

const resolveTheme = (preference: ThemePreference, system: Theme): Theme =>
  preference === 'system' ? system : preference;

/** Applies the theme to <html data-theme> (CSS variables in styles/app.css follow it). */
export function useAppliedTheme(preference: ThemePreference): Theme {
  const system = useSystemTheme();
  const theme = resolveTheme(preference, system);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}

/** Applies the editor font size (a CSS variable, so CodeMirror needs no reconfiguration). */
export function useEditorFontSize(size: number): void {
  useEffect(() => {
    document.documentElement.style.setProperty('--editor-font-size', `${size}px`);
  }, [size]);
}
