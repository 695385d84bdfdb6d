import type { Page } from '@playwright/test';

/** The editor document, read from CodeMirror itself (the single source of truth). */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    type Viewish = { state: { doc: { toString(): string } } };
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: Viewish } } }) | null;
    const view = content?.cmTile?.root?.view;
    if (!view) throw new Error('no CodeMirror view on .cm-content');
    return view.state.doc.toString();
  });
}

/** The editor's cursor offset (main selection head). */
export function editorCursor(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Viewish = { state: { selection: { main: { head: number } } } };
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: Viewish } } }) | null;
    const view = content?.cmTile?.root?.view;
    if (!view) throw new Error('no CodeMirror view on .cm-content');
    return view.state.selection.main.head;
  });
}
