// The renderer's journal feed against main's real file handlers (temp folders): typing sends
// changes, and the journal on disk always holds exactly the editor's text.
import { EditorState } from '@codemirror/state';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempWorkspace, type TempWorkspace } from '../../main/files/testing/tempWorkspace';
import type { BylineApi } from '../../shared/ipc/contract';
import { ChangeFollower } from '../../renderer/document/changeFollower';
import { JournalFeed } from '../../renderer/document/journalFeed';

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('journal-feed', {
    'a.md': '---\ntitle: 标题\n---\n\n正文。\n',
  });
});
afterEach(() => workspace.close());

describe('JournalFeed', () => {
  it('sends the text once, then only changes; the journal always equals the editor text', async () => {
    const handlers = workspace.handlers();
    const sent: { name: string; bytes: number }[] = [];
    const api = {
      'journal.write': async (input: Parameters<BylineApi['journal.write']>[0]) => {
        sent.push({
          name: 'content' in input && 'text' in input.content ? 'write:text' : 'write:changes',
          bytes: JSON.stringify(input).length,
        });
        return handlers['journal.write'](input);
      },
      'journal.base': async (input: Parameters<BylineApi['journal.base']>[0]) => {
        sent.push({ name: 'base', bytes: JSON.stringify(input).length });
        return handlers['journal.base'](input);
      },
      'journal.discard': handlers['journal.discard'],
    } as Pick<BylineApi, 'journal.write' | 'journal.base' | 'journal.discard'>;
    const opened = await handlers['article.open']({ path: 'a.md' });
    const follower = new ChangeFollower();
    const feed = new JournalFeed(api, follower);
    const tab = {
      id: 'a.md',
      stream: 'window-1',
      workspace: 'temp-workspace',
      path: 'a.md',
      format: opened.format,
      stamp: opened.stamp,
    };
    let state = EditorState.create({ doc: opened.text + '长段落'.repeat(20_000) });
    let version = 0;
    follower.shown(tab.id, version, state.doc);
    await feed.base(tab, version, state.doc.toString());
    const journaled = async (): Promise<string | undefined> =>
      (await handlers['journal.list']()).find((e) => e.path === 'a.md')?.text;

    for (const insert of ['新', '闻', ' words', '\n\n[^1]: 来源']) {
      const tr = state.update({ changes: { from: 30, insert } });
      follower.record(tab.id, ++version, tr.startState.doc, tr.changes, tr.state.doc);
      state = tr.state;
      await feed.write(tab);
      expect(await journaled()).toBe(state.doc.toString());
    }
    expect(sent.map((s) => s.name)).toEqual([
      'base',
      'write:changes',
      'write:changes',
      'write:changes',
      'write:changes',
    ]);
    expect(Math.max(...sent.slice(1).map((s) => s.bytes))).toBeLessThan(1000);

    // Main restarted (lost its copy): it asks for the text, which the same write then sends.
    const restarted = workspace.handlers();
    api['journal.write'] = async (input) => {
      sent.push({
        name: 'content' in input && 'text' in input.content ? 'write:text' : 'write:changes',
        bytes: 0,
      });
      return restarted['journal.write'](input);
    };
    const tr = state.update({ changes: { from: 0, to: 3, insert: '+++' } });
    follower.record(tab.id, version + 1, tr.startState.doc, tr.changes, tr.state.doc);
    state = tr.state;
    await feed.write(tab);
    expect(sent.slice(-2).map((s) => s.name)).toEqual(['write:changes', 'write:text']);
    expect(await journaled()).toBe(state.doc.toString());
  });
});
