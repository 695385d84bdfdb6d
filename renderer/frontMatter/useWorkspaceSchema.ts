import { useEffect, useState } from 'react';
import type { WorkspaceImage, WorkspaceSchema } from '../../shared/frontMatterSchema';
import type { BylineApi } from '../../shared/ipc/contract';

export interface WorkspaceSchemaState {
  schema: WorkspaceSchema | null;
  /** Null until listed (the missing-image check waits for it). */
  images: WorkspaceImage[] | null;
}

/**
 * The workspace's front-matter schema and images, from main. Reloaded when the library or its
 * images change (an article saved, a file or an image added) or another workspace is opened, at most once per half second,
 * and when `refreshKey` changes (another article shown: picks up an edited .byline/schema.yml,
 * which the library watcher skips like every dot folder).
 */
export function useWorkspaceSchema(
  api: BylineApi,
  refreshKey: string | null = null,
): WorkspaceSchemaState {
  const [state, setState] = useState<WorkspaceSchemaState>({ schema: null, images: null });
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async (): Promise<void> => {
      const [schema, images] = await Promise.all([
        api['workspace.schema']().catch(() => null),
        api['workspace.listImages']().catch(() => null),
      ]);
      if (!cancelled) setState({ schema, images });
    };
    const reload = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void load(), 500);
    };
    void load();
    const offLibrary = api.on('library.changed', reload);
    const offAssets = api.on('assets.changed', reload);
    const offWorkspace = api.on('workspace.changed', () => void load());
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      offLibrary();
      offAssets();
      offWorkspace();
    };
  }, [api, refreshKey]);
  return state;
}
