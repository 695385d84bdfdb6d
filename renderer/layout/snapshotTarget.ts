import { parseArticle } from '../../shared/article/frontMatter';
import { readTargetLength, targetLengthKey } from '../../shared/stats/targetLength';
import type { ArticleSnapshot } from '../workbench/editorSession';

/** What the status bar needs of a snapshot; primitives, so an unchanged value re-renders nothing. */
export interface SnapshotTarget {
  path: string | null;
  /** The article's own `target_length`; undefined without an article, null when it has none. */
  own: number | null | undefined;
}

const none: SnapshotTarget = { path: null, own: undefined };

/**
 * Reads each snapshot once, however often React asks, and parses the article again only when its
 * front matter block changed: a snapshot comes every second while the writer types, and splitting
 * a 1 MB article to find the block costs milliseconds in a task a keystroke may have to wait for.
 * The block (closing line break included) fixes the fields, so an unchanged block means an
 * unchanged target whatever happened in the body.
 */
export function snapshotTargetReader(): (snapshot: ArticleSnapshot | null) => SnapshotTarget {
  let last: {
    snapshot: ArticleSnapshot | null;
    value: SnapshotTarget;
    /** The text up to the end of the front matter block; null when a reparse is needed. */
    block: string | null;
  } = { snapshot: null, value: none, block: null };
  return (snapshot) => {
    if (last.snapshot === snapshot) return last.value;
    if (!snapshot) {
      last = { snapshot, value: none, block: null };
      return none;
    }
    const { block } = last;
    if (block !== null && last.value.path === snapshot.path && snapshot.text.startsWith(block)) {
      last = { ...last, snapshot };
      return last.value;
    }
    const parsed = parseArticle(snapshot.text);
    const front = parsed.error ? null : parsed.parts.frontMatter;
    const value: SnapshotTarget = {
      path: snapshot.path,
      own: readTargetLength(parsed.data?.[targetLengthKey]),
    };
    last = {
      snapshot,
      value,
      // Without its closing line break the block may still grow ("---" typed on into "----").
      block: front && front.closeLineBreak !== '' ? snapshot.text.slice(0, front.range.to) : null,
    };
    return value;
  };
}
