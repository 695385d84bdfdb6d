// @vitest-environment jsdom
// The editor session lets go of a closed tab's document however the tab closed (the close
// button, Don't Save, or Save in the untitled-close dialog all end in DocumentStore.close), with a
// real CodeMirror view showing documents of a real store over main's file handlers.
import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempWorkspace, type TempWorkspace } from '../../main/files/testing/tempWorkspace';
import type { ArticleDocument } from '../../renderer/document/articleDocument';
import { EditorSession } from '../../renderer/workbench/editorSession';
import type { TypingClock } from '../../renderer/workbench/typingScheduler';
import { mainApiOf, newStore, typeAtEnd } from './support/documentStoreHarness';
import { ManualTimers } from './support/manualTimers';

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('session', { 'draft.md': '# 已有的稿子\n' });
});
afterEach(() => workspace.close());

/** The session's schedulers wait on these timers, which this test never fires. */
function idleClock(): TypingClock {
  const timers = new ManualTimers();
  return {
    now: () => 0,
    setTimeout: (run, ms) => timers.setTimeout(run, ms),
    clearTimeout: (handle) => timers.clearTimeout(handle),
    afterPaint: () => () => undefined,
  };
}

function show(view: EditorView, session: EditorSession, doc: ArticleDocument): void {
  view.setState(doc.state);
  doc.attach(view);
  session.attach(view, doc);
}

describe('the editor session and closed tabs', () => {
  it('forgets an untitled article closed after Save As placed it, and a tab closed while shown', async () => {
    const store = newStore(mainApiOf(workspace));
    const session = new EditorSession(idleClock());
    const stopFollowing = session.follow(store);
    const view = new EditorView({ parent: document.body });
    try {
      const article = await store.open('draft.md');
      const untitled = await store.openUntitled('来稿.md', '# 来稿\n');
      typeAtEnd(untitled, '正文。');
      typeAtEnd(article, '补一句。');
      show(view, session, untitled);
      expect(session.versionOf(untitled.id)).toBe(1);

      // Save in the untitled-close dialog: placed, then closed while another tab is shown.
      expect((await untitled.saveAs('来稿.md', false)).status).toBe('saved');
      untitled.detach(view);
      show(view, session, article);
      expect(session.versionOf(article.id)).toBe(1);
      store.close(untitled.id);
      expect(session.versionOf(untitled.id)).toBe(0);

      // The shown tab closed: let go once the view leaves it.
      store.close(article.id);
      session.detach(view);
      expect(session.versionOf(article.id)).toBe(0);
      await store.journalIdle();
    } finally {
      view.destroy();
      stopFollowing();
    }
  });
});
