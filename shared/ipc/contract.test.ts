import { describe, expect, it } from 'vitest';
import { events, requests } from './contract';
import { eventNames, requestNames } from './channels';

describe('IPC contract', () => {
  it('the preload channel list names exactly the contract requests and events', () => {
    expect([...requestNames].sort()).toEqual(Object.keys(requests).sort());
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });

  it('rejects paths with NUL bytes and unexpected shapes', () => {
    const open = (input: object) => requests['article.open'].input.safeParse(input).success;
    expect(open({ workspace: 'w1', path: 'a\0b' })).toBe(false);
    expect(open({ workspace: 'w1', path: 42 })).toBe(false);
    expect(open({ workspace: 'w1', path: 'posts/a.md' })).toBe(true);
  });

  it('every request that names a file names the workspace identity it belongs to', () => {
    expect(requests['article.open'].input.safeParse({ path: 'posts/a.md' }).success).toBe(false);
    expect(
      requests['article.open'].input.safeParse({ workspace: '../other', path: 'a.md' }).success,
    ).toBe(false);
  });
});
