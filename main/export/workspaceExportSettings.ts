import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkspaceExportSettings } from '../../shared/export/exportOptions';
import { writeFileAtomic } from '../files/atomicWrite';
import { readRegularFile } from '../files/readTextFile';
import { workspaceDataFile } from '../workspace/confinement';

/** `<workspace>/.byline/export.json`: the export dialog's choices for this workspace. */
export function workspaceSettingsFile(workspaceRoot: string): string {
  return workspaceDataFile(workspaceRoot, '.byline/export.json');
}

export async function loadWorkspaceExportSettings(
  workspaceRoot: string,
  fallback: Partial<WorkspaceExportSettings> = {},
): Promise<WorkspaceExportSettings> {
  let stored: unknown;
  try {
    stored = JSON.parse(
      (await readRegularFile(workspaceSettingsFile(workspaceRoot))).toString('utf8'),
    );
  } catch {
    stored = {};
  }
  const parsed = WorkspaceExportSettings.safeParse({
    ...fallback,
    ...(typeof stored === 'object' && stored !== null ? stored : {}),
  });
  if (parsed.success) return parsed.data;
  // A hand-edited file with a bad value: keep what parses, default the rest.
  return WorkspaceExportSettings.parse(fallback);
}

export async function saveWorkspaceExportSettings(
  workspaceRoot: string,
  settings: WorkspaceExportSettings,
): Promise<WorkspaceExportSettings> {
  const valid = WorkspaceExportSettings.parse(settings);
  const file = workspaceSettingsFile(workspaceRoot);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(valid, null, 2) + '\n'));
  return valid;
}
