import { describe, expect, it } from 'vitest';
import { snapshotTargetReader } from './snapshotTarget';

const article = (front: string, body: string): string => `${front}\n${body}`;
const front = '---\ntitle: 芯片出口\ntarget_length: 1200\n---';
let version = 0;
const snapshot = (text: string, path = 'posts/chips.md') => ({
  tabId: 't1',
  path,
  version: ++version,
  text,
});

describe('snapshotTargetReader', () => {
  it('reads the target of the front matter', () => {
    const read = snapshotTargetReader();
    expect(read(snapshot(article(front, '正文。')))).toEqual({
      path: 'posts/chips.md',
      own: 1200,
    });
    expect(read(snapshot('no front matter'))).toEqual({ path: 'posts/chips.md', own: null });
    expect(read(null)).toEqual({ path: null, own: undefined });
  });

  it('keeps its value while only the body changes, and reads again when the block changes', () => {
    const read = snapshotTargetReader();
    const first = read(snapshot(article(front, '正文。')));
    // The same object: the article was not parsed again.
    expect(read(snapshot(article(front, '正文。补充一句。')))).toBe(first);
    expect(read(snapshot(article(front, '')))).toBe(first);

    const edited = read(snapshot(article(front.replace('1200', '1500'), '正文。')));
    expect(edited).toEqual({ path: 'posts/chips.md', own: 1500 });
    const removed = read(snapshot(article('---\ntitle: 芯片出口\n---', '正文。')));
    expect(removed).toEqual({ path: 'posts/chips.md', own: null });
  });

  it('reads again for another file or a block without its closing line break', () => {
    const read = snapshotTargetReader();
    const first = read(snapshot(article(front, '正文。')));
    expect(read(snapshot(article(front, '正文。'), 'posts/other.md'))).not.toBe(first);

    // The text ends on the closing fence: typing on turns "---" into "----", no longer a fence.
    const open = read(snapshot(front));
    expect(open).toEqual({ path: 'posts/chips.md', own: 1200 });
    expect(read(snapshot(`${front}-\nbody`))).not.toBe(open);
  });

  it('reads again while the front matter is broken', () => {
    const read = snapshotTargetReader();
    const broken = '---\ntarget_length: [1200\n---\n正文。';
    const value = read(snapshot(broken));
    expect(read(snapshot(`${broken}补充`))).not.toBe(value);
  });
});
