import { describe, expect, it } from 'vitest';
import type { KeyChord } from './shortcuts';
import { commandForChord, matchesAccelerator } from './shortcuts';

const chord = (code: string, mods: Partial<KeyChord> = {}): KeyChord => ({
  key: code.replace(/^(Key|Digit)/, '').toLowerCase(),
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('accelerators', () => {
  it('CmdOrCtrl is Ctrl elsewhere and Cmd on macOS', () => {
    expect(matchesAccelerator('CmdOrCtrl+B', chord('KeyB', { ctrlKey: true }), false)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+B', chord('KeyB', { metaKey: true }), false)).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+B', chord('KeyB', { metaKey: true }), true)).toBe(true);
  });

  it('modifiers must match exactly', () => {
    expect(
      matchesAccelerator('CmdOrCtrl+S', chord('KeyS', { ctrlKey: true, shiftKey: true }), false),
    ).toBe(false);
    expect(
      matchesAccelerator(
        'CmdOrCtrl+Shift+8',
        chord('Digit8', { ctrlKey: true, shiftKey: true, key: '*' }),
        false,
      ),
    ).toBe(true);
  });

  it('punctuation keys are matched by their physical key', () => {
    expect(
      matchesAccelerator(
        'CmdOrCtrl+Shift+.',
        chord('Period', { ctrlKey: true, shiftKey: true, key: '>' }),
        false,
      ),
    ).toBe(true);
    expect(
      matchesAccelerator('CmdOrCtrl+`', chord('Backquote', { ctrlKey: true, key: '`' }), false),
    ).toBe(true);
  });

  it('finds the registry command of a chord', () => {
    expect(commandForChord(chord('Digit2', { ctrlKey: true }), false)).toBe('view.layoutSplit');
    expect(commandForChord(chord('KeyQ', { ctrlKey: true }), false)).toBe(null);
  });
});
