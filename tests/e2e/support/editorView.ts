import type { Page } from '@playwright/test';

/** The editor's text and caret, read from CodeMirror itself (the single source of truth). */
function readEditor(page: Page): Promise<{ text: string; head: number }> {
  return page.evaluate(() => {
    type Viewish = {
      state: { doc: { toString(): string }; selection: { main: { head: number } } };
    };
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: Viewish } } }) | null;
    const view = content?.cmTile?.root?.view;
    if (!view) throw new Error('no CodeMirror view on .cm-content');
    return { text: view.state.doc.toString(), head: view.state.selection.main.head };
  });
}

/** The editor document. */
export async function editorText(page: Page): Promise<string> {
  return (await readEditor(page)).text;
}

/** The editor's caret offset (main selection head). */
export async function editorCursor(page: Page): Promise<number> {
  return (await readEditor(page)).head;
}
