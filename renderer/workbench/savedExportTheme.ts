import type { ExportTheme } from '../../shared/export/exportOptions';

type Listener = (theme: ExportTheme) => void;

const listeners = new Set<Listener>();

/**
 * The export theme the writer just saved in the Export dialog, told to the views typeset by it (the
 * preview), which otherwise read the settings only when they mount.
 */
export function announceSavedExportTheme(theme: ExportTheme): void {
  for (const listener of [...listeners]) listener(theme);
}

/** Calls `listener` with every theme saved from now on; returns the unsubscribe. */
export function onSavedExportTheme(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
