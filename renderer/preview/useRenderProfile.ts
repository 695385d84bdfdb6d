import { useEffect, useState } from 'react';
import type { BylineApi } from '../../shared/ipc/contract';
import { hugoDefaultProfile, type RenderProfile } from '../../shared/markdown/renderProfile';

/**
 * The workspace's rendering profile from main (its Hugo site's Goldmark settings), reloaded when
 * another workspace is opened or `refreshKey` changes (another article shown: picks up an edited
 * site configuration). Hugo's defaults until main answers.
 */
export function useRenderProfile(api: BylineApi, refreshKey: string | null = null): RenderProfile {
  const [profile, setProfile] = useState<RenderProfile>(() => ({ ...hugoDefaultProfile }));
  useEffect(() => {
    let cancelled = false;
    const load = (): void => {
      api['workspace.renderProfile']().then(
        (loaded) => {
          if (!cancelled) setProfile(loaded);
        },
        () => {},
      );
    };
    load();
    const offWorkspace = api.on('workspace.changed', load);
    return () => {
      cancelled = true;
      offWorkspace();
    };
  }, [api, refreshKey]);
  return profile;
}
