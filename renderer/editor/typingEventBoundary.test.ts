// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { editorOnlyEvents, endTypingEventsAt } from './typingEventBoundary';

/** root (where React listens) > host (the editor pane's element) > content (CodeMirror's). */
function setup(): { root: HTMLElement; host: HTMLElement; content: HTMLElement; seen: string[] } {
  const root = document.createElement('div');
  const host = document.createElement('div');
  const content = document.createElement('div');
  host.append(content);
  root.append(host);
  document.body.append(root);
  const seen: string[] = [];
  for (const type of [...editorOnlyEvents, 'keydown'])
    root.addEventListener(type, () => seen.push(`root ${type}`));
  return { root, host, content, seen };
}

describe('endTypingEventsAt', () => {
  it('lets the editor handle typing events and keeps them from the root', () => {
    const { host, content, seen } = setup();
    const release = endTypingEventsAt(host);
    for (const type of editorOnlyEvents) {
      content.addEventListener(type, () => seen.push(`content ${type}`));
      content.dispatchEvent(new Event(type, { bubbles: true }));
    }
    expect(seen).toEqual(editorOnlyEvents.map((type) => `content ${type}`));

    release();
    seen.length = 0;
    content.dispatchEvent(new Event('input', { bubbles: true }));
    expect(seen).toEqual(['content input', 'root input']);
  });

  it('lets keydown through to the root and the window (shortcuts, menus closing)', () => {
    const { host, content, seen } = setup();
    endTypingEventsAt(host);
    let atWindow = 0;
    window.addEventListener('keydown', () => atWindow++);
    content.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(seen).toEqual(['root keydown']);
    expect(atWindow).toBe(1);
  });
});
