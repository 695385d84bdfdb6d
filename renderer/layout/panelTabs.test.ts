import { describe, expect, it } from 'vitest';
import { closePanel, sanitizePanelTabs, showPanel, togglePanel } from './panelTabs';

describe('panel tabs', () => {
  it('shows a panel as a new last tab, or brings an open one to the front', () => {
    const one = showPanel({ open: [], active: null }, 'front-matter');
    expect(one).toEqual({ open: ['front-matter'], active: 'front-matter' });
    const two = showPanel(one, 'references');
    expect(two).toEqual({ open: ['front-matter', 'references'], active: 'references' });
    expect(showPanel(two, 'front-matter')).toEqual({
      open: ['front-matter', 'references'],
      active: 'front-matter',
    });
  });

  it('toggling shows a background panel and closes the shown one', () => {
    const tabs = { open: ['front-matter', 'references'], active: 'references' };
    expect(togglePanel(tabs, 'front-matter').active).toBe('front-matter');
    expect(togglePanel(tabs, 'references')).toEqual({
      open: ['front-matter'],
      active: 'front-matter',
    });
  });

  it('closing the shown tab shows its neighbour; closing another keeps the shown one', () => {
    const tabs = { open: ['a', 'b', 'c'], active: 'a' };
    expect(closePanel(tabs, 'a')).toEqual({ open: ['b', 'c'], active: 'b' });
    expect(closePanel({ ...tabs, active: 'c' }, 'c')).toEqual({ open: ['a', 'b'], active: 'b' });
    expect(closePanel(tabs, 'b')).toEqual({ open: ['a', 'c'], active: 'a' });
    expect(closePanel({ open: ['a'], active: 'a' }, 'a')).toEqual({ open: [], active: null });
  });

  it('drops unknown and repeated panels from a stored layout', () => {
    expect(
      sanitizePanelTabs({ open: ['gone', 'b', 'b', 'a'], active: 'gone' }, ['a', 'b']),
    ).toEqual({ open: ['b', 'a'], active: 'b' });
  });
});
