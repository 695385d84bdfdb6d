import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { parseArticle } from '../../shared/article/frontMatter';
import type { BylineApi } from '../../shared/ipc/contract';
import { readTargetLength, targetLengthKey } from '../../shared/stats/targetLength';
import type { ArticleSnapshot, EditorSession } from '../workbench/editorSession';

/** What the status bar needs of a snapshot; primitives, so an unchanged value re-renders nothing. */
interface SnapshotTarget {
  path: string | null;
  /** The article's own `target_length`; undefined without an article, null when it has none. */
  own: number | null | undefined;
}

/** Reads each snapshot once (the front matter of a whole article), however often React asks. */
function snapshotTargetReader(): (snapshot: ArticleSnapshot | null) => SnapshotTarget {
  let last: { snapshot: ArticleSnapshot | null; value: SnapshotTarget } | null = null;
  return (snapshot) => {
    if (last?.snapshot === snapshot) return last.value;
    const value: SnapshotTarget = snapshot
      ? {
          path: snapshot.path,
          own: readTargetLength(parseArticle(snapshot.text).data?.[targetLengthKey]),
        }
      : { path: null, own: undefined };
    last = { snapshot, value };
    return value;
  };
}

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
