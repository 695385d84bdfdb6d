import type { Text } from '@codemirror/state';

/**
 * Text to insert at `at` as a block of its own (an image, a table): a blank line before and
 * after it, adding only the line breaks that are missing, so it never glues onto the paragraph
 * it was dropped or pasted into. `cursor` is where the caret belongs: right after the block.
 */
export function asBlock(doc: Text, at: number, block: string): { insert: string; cursor: number } {
  const before = doc.sliceString(Math.max(0, at - 2), at);
  const after = doc.sliceString(at, Math.min(doc.length, at + 2));
  const lead = at === 0 ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail =
    at === doc.length
      ? '\n'
      : after.startsWith('\n\n')
        ? ''
        : after.startsWith('\n')
          ? '\n'
          : '\n\n';
  const insert = lead + block + trail;
  return { insert, cursor: at + lead.length + block.length };
}
