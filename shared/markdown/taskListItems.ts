import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const taskMarker = /^\[([ xX])\](?=\s|$)\s?/;

/**
 * GitHub task lists: a list item whose text starts with `[ ]` or `[x]` gets a disabled checkbox.
 * Our own small rule instead of markdown-it-task-lists, whose options live in module-level
 * variables and whose checkbox is an `html_inline` token (rendered even with `html: false`).
 */
export function taskListItems(md: MarkdownIt): void {
  md.core.ruler.after('text_join', 'task_list_items', (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i];
      const paragraph = tokens[i - 1];
      const listItem = tokens[i - 2];
      if (inline?.type !== 'inline' || paragraph?.type !== 'paragraph_open') continue;
      if (listItem?.type !== 'list_item_open') continue;
      const firstText = inline.children?.[0];
      if (firstText?.type !== 'text') continue;
      const marker = taskMarker.exec(firstText.content);
      if (!marker) continue;

      firstText.content = firstText.content.slice(marker[0].length);
      const checkbox = new state.Token('task_list_checkbox', 'input', 0);
      checkbox.meta = { checked: marker[1] !== ' ' };
      inline.children?.unshift(checkbox);
      listItem.attrJoin('class', 'task-list-item');
      const list = findParentList(tokens, i - 2);
      if (list && !String(list.attrGet('class') ?? '').includes('contains-task-list')) {
        list.attrJoin('class', 'contains-task-list');
      }
    }
  });

  md.renderer.rules['task_list_checkbox'] = (tokens, idx) => {
    const checked = (tokens[idx]?.meta as { checked?: boolean } | undefined)?.checked === true;
    return `<input class="task-list-item-checkbox" type="checkbox" disabled${checked ? ' checked' : ''}> `;
  };
}

function findParentList(tokens: Token[], listItemIndex: number): Token | undefined {
  const level = (tokens[listItemIndex]?.level ?? 0) - 1;
  for (let i = listItemIndex - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token?.level === level && token.nesting === 1) return token;
  }
  return undefined;
}
