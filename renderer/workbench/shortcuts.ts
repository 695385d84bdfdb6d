import type { CommandId } from '../../shared/commands/commandRegistry';
import { commands } from '../../shared/commands/commandRegistry';
import type { CommandHandlers } from './commandHandlers';

/** The fields of a KeyboardEvent a shortcut depends on. */
export interface KeyChord {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** KeyboardEvent.code -> the key as written in Electron accelerators (layout-independent). */
function keyOfCode(code: string): string | null {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit\d$/.test(code)) return code.slice(5);
  const named: Record<string, string> = {
    Backquote: '`',
    Backslash: '\\',
    Comma: ',',
    Period: '.',
    Slash: '/',
    Minus: '-',
    Equal: '=',
    BracketLeft: '[',
    BracketRight: ']',
    Semicolon: ';',
    Quote: "'",
  };
  return named[code] ?? null;
}

/** True when the chord is the accelerator (`CmdOrCtrl` = Cmd on macOS, Ctrl elsewhere). */
export function matchesAccelerator(accelerator: string, chord: KeyChord, mac: boolean): boolean {
  const parts = accelerator.split('+');
  const key = parts[parts.length - 1] ?? '';
  const wants = new Set(parts.slice(0, -1));
  const primary = mac ? chord.metaKey : chord.ctrlKey;
  const other = mac ? chord.ctrlKey : chord.metaKey;
  if (wants.has('CmdOrCtrl') !== primary || other) return false;
  if (wants.has('Shift') !== chord.shiftKey) return false;
  if (wants.has('Alt') !== chord.altKey) return false;
  const pressed = keyOfCode(chord.code) ?? chord.key.toUpperCase();
  return pressed.toUpperCase() === key.toUpperCase();
}

export function commandForChord(chord: KeyChord, mac: boolean): CommandId | null {
  for (const command of commands) {
    if (command.accelerator && matchesAccelerator(command.accelerator, chord, mac))
      return command.id;
  }
  return null;
}

/**
 * Window-level shortcuts for when the focus is outside the editor (sidebar, preview, toolbar).
 * Inside the editor, CodeMirror's keymap (built from the same registry) handles the key first
 * and marks the event handled, so a command never runs twice.
 */
export function installGlobalShortcuts(handlers: CommandHandlers, mac: boolean): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    if (!(event.ctrlKey || event.metaKey || event.altKey)) return;
    const id = commandForChord(event, mac);
    if (id && handlers.run(id, 'shortcut')) event.preventDefault();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}

export const isMacPlatform = (platform: string): boolean => platform === 'darwin';
