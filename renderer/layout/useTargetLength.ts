import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { BylineApi } from '../../shared/ipc/contract';
import { readTargetLength, targetLengthKey } from '../../shared/stats/targetLength';
import type { EditorSession } from '../workbench/editorSession';
import { snapshotTargetReader } from './snapshotTarget';

/**
 * The open article's target length (its `target_length`, else the workspace schema's default for
 * that field), following edits of the front matter in idle time. The component using it renders
 * again only when the path or the target changes, not with every snapshot of the text.
 */
export function useTargetLength(api: BylineApi, session: EditorSession): number | null {
  const read = useMemo(() => snapshotTargetReader(), []);
  const path = useSyncExternalStore(
    session.snapshot.subscribe,
    () => read(session.snapshot.get()).path,
  );
  const own = useSyncExternalStore(
    session.snapshot.subscribe,
    () => read(session.snapshot.get()).own,
  );
  const [schemaDefault, setSchemaDefault] = useState<unknown>(undefined);
  useEffect(() => {
    if (path === null) return undefined;
    let live = true;
    api['workspace.schema']().then(
      (schema) => {
        if (live) setSchemaDefault(schema.fields.find((f) => f.key === targetLengthKey)?.default);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, path]);
  return own === undefined ? null : (own ?? readTargetLength(schemaDefault));
}
