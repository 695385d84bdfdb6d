import { useEffect, useMemo, useState } from 'react';
import { parseArticle } from '../../shared/article/frontMatter';
import type { BylineApi } from '../../shared/ipc/contract';
import { resolveTargetLength, targetLengthKey } from '../../shared/stats/targetLength';
import type { EditorSession } from '../workbench/editorSession';
import { useSnapshot } from '../workbench/editorSession';

/**
 * The open article's target length (its `target_length`, else the workspace schema's default for
 * that field), following edits of the front matter in idle time.
 */
export function useTargetLength(api: BylineApi, session: EditorSession): number | null {
  const snapshot = useSnapshot(session);
  const path = snapshot?.path ?? null;
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
  const text = snapshot?.text ?? null;
  const frontMatter = useMemo(() => (text === null ? null : parseArticle(text).data), [text]);
  return text === null ? null : resolveTargetLength(frontMatter, schemaDefault);
}
