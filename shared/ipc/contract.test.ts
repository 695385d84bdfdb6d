import { describe, expect, it } from 'vitest';
import { events, requests } from './contract';
import { eventNames, requestNames } from './channels';

describe('IPC contract', () => {
  it('the preload channel list names exactly the contract requests and events', () => {
    expect([...requestNames].sort()).toEqual(Object.keys(requests).sort());
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });

  it('rejects paths with NUL bytes and unexpected shapes', () => {
    expect(requests['article.open'].input.safeParse({ path: 'a\0b' }).success).toBe(false);
    expect(requests['article.open'].input.safeParse({ path: 42 }).success).toBe(false);
    expect(requests['article.open'].input.safeParse({ path: 'posts/a.md' }).success).toBe(true);
  });
});
