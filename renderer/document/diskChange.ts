import type { FileStamp } from '../../shared/ipc/contract';
import { toLf } from '../../shared/text/lineBreaks';

export type DiskChangeReaction = 'ignore' | 'reload' | 'conflict' | 'deleted';

/**
 * What an open tab does when its file changed on disk. Same content hash: our own save, or a
 * touch; nothing to do. A clean buffer follows the disk; a dirty one never does silently.
 */
export function reactToDiskChange(
  tab: { dirty: boolean; stamp: FileStamp },
  disk: FileStamp | null,
): DiskChangeReaction {
  if (disk === null) return 'deleted';
  if (disk.hash === tab.stamp.hash && disk.size === tab.stamp.size) return 'ignore';
  return tab.dirty ? 'conflict' : 'reload';
}

/**
 * The smallest single replacement turning `from` into `to` (common prefix and suffix kept), so a
 * reload keeps the cursor and scroll position where the text did not change, and stays undoable.
 */
export function minimalChange(
  from: string,
  to: string,
): { from: number; to: number; insert: string } | null {
  if (from === to) return null;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  )
    end++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The editor works with \n; files may use \r\n. */
export const editorText = toLf;
