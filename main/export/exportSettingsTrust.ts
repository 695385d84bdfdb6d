import path from 'node:path';
import type { LoadedExportSettings } from '../../shared/export/exportContract';
import type { WorkspaceExportSettings } from '../../shared/export/exportOptions';
import { isConfined } from '../workspace/confinement';

export interface ExportRoots {
  workspaceRoot: string;
  /** `<Documents>/Byline Exports`. */
  exportsRoot: string;
}

/**
 * `.byline/export.json` is data from whoever sent the workspace, not instructions: an output
 * folder outside the workspace and `<Documents>/Byline Exports` (by real path) and remote images
 * are not applied. The app's own defaults (`fallback`) take their place and the held-back values
 * are listed in `unconfirmed` for the export dialog to ask about.
 */
export async function holdBackUnconfirmed(
  loaded: WorkspaceExportSettings,
  fallback: WorkspaceExportSettings,
  roots: ExportRoots,
): Promise<LoadedExportSettings> {
  const unconfirmed: NonNullable<LoadedExportSettings['unconfirmed']> = {};
  let { outputDir } = loaded;
  if (outputDir !== null && outputDir !== fallback.outputDir) {
    const absolute = path.resolve(roots.workspaceRoot, outputDir);
    const bounded =
      (await isConfined(roots.workspaceRoot, absolute)) ||
      (await isConfined(roots.exportsRoot, absolute));
    if (!bounded) {
      unconfirmed.outputDir = outputDir;
      outputDir = fallback.outputDir;
    }
  }
  let { allowRemoteImages } = loaded.options;
  if (allowRemoteImages && !fallback.options.allowRemoteImages) {
    unconfirmed.allowRemoteImages = true;
    allowRemoteImages = false;
  }
  return {
    ...loaded,
    outputDir,
    options: { ...loaded.options, allowRemoteImages },
    ...(Object.keys(unconfirmed).length > 0 ? { unconfirmed } : {}),
  };
}
