import type { EditorState, Extension } from '@codemirror/state';
import type { EditorView, PluginValue, ViewUpdate } from '@codemirror/view';
import { ViewPlugin } from '@codemirror/view';
import type { SearchQuery } from '@codemirror/search';
import { getSearchQuery, searchPanelOpen } from '@codemirror/search';

/** Counting stops here: beyond it the panel says "1000+" rather than scanning a huge article. */
const countLimit = 1000;

export interface MatchCount {
  total: number;
  /** 1-based index of the match the selection is on, or 0. */
  current: number;
  capped: boolean;
}

/** How many matches the search query has, and which one the main selection is on. */
export function countMatches(state: EditorState, query: SearchQuery): MatchCount | null {
  if (!query.valid) return null;
  const selection = state.selection.main;
  const cursor = query.getCursor(state);
  let total = 0;
  let current = 0;
  for (let next = cursor.next(); !next.done; next = cursor.next()) {
    total += 1;
    if (next.value.from === selection.from && next.value.to === selection.to) current = total;
    if (total >= countLimit) return { total, current, capped: true };
  }
  return { total, current, capped: false };
}

/** The panel's count text, through the editor's phrases (translated like the rest of the panel). */
export function matchCountText(state: EditorState, count: MatchCount | null): string {
  if (!count) return '';
  if (count.total === 0) return state.phrase('No matches');
  const total = count.capped ? `${count.total}+` : String(count.total);
  return count.current > 0
    ? state.phrase('$1 of $2', count.current, total)
    : state.phrase('$ matches', total);
}

class SearchCountPlugin implements PluginValue {
  private element: HTMLElement | null = null;
  private query: SearchQuery | null = null;

  constructor(private readonly view: EditorView) {
    this.schedule();
  }

  update(update: ViewUpdate): void {
    const open = searchPanelOpen(update.state);
    // With the panel closed there is nothing to count: typing schedules no work here.
    if (!open && !searchPanelOpen(update.startState)) return;
    const query = getSearchQuery(update.state);
    const changed =
      update.docChanged ||
      update.selectionSet ||
      open !== searchPanelOpen(update.startState) ||
      !this.query ||
      !query.eq(this.query);
    if (changed) this.schedule();
  }

  destroy(): void {
    this.element?.remove();
  }

  /** After the update: the search panel's DOM exists only once CodeMirror has drawn it. */
  private schedule(): void {
    this.view.requestMeasure({ read: () => null, write: () => this.render() });
  }

  private render(): void {
    const state = this.view.state;
    const panel = this.view.dom.querySelector('.cm-search');
    if (!searchPanelOpen(state) || !panel) return;
    if (!this.element || !panel.contains(this.element)) {
      this.element = document.createElement('span');
      this.element.className = 'cm-search-count';
      this.element.setAttribute('role', 'status');
      this.element.setAttribute('aria-live', 'polite');
      // Right after the search field, where the eye is while typing the query.
      const field = panel.querySelector('input[name="search"]');
      panel.insertBefore(this.element, field?.nextSibling ?? null);
    }
    this.query = getSearchQuery(state);
    const text =
      this.query.search === '' ? '' : matchCountText(state, countMatches(state, this.query));
    if (this.element.textContent !== text) this.element.textContent = text;
  }
}

/** Shows "3 of 12" (or "12 matches") in CodeMirror's search panel. */
export function searchMatchCount(): Extension {
  return ViewPlugin.fromClass(SearchCountPlugin);
}
