import type { Extension } from '@codemirror/state';
import { Prec } from '@codemirror/state';
import type { KeyBinding } from '@codemirror/view';
import { keymap } from '@codemirror/view';
import {
  acceleratorFor,
  acceleratorToKeyBinding,
  commands,
} from '../../shared/commands/commandRegistry';
import type { CommandHandlers } from '../workbench/commandHandlers';

/**
 * The registry's shortcuts as a CodeMirror keymap, above CodeMirror's defaults (Mod-i is ours for
 * italic, not "select parent syntax"). A command without a handler declines, so the key falls
 * through to CodeMirror.
 */
export function commandKeymap(handlers: CommandHandlers, platform: string): Extension {
  const bindings: KeyBinding[] = [];
  for (const command of commands) {
    const accelerator = acceleratorFor(command, platform);
    if (!accelerator) continue;
    bindings.push({
      key: acceleratorToKeyBinding(accelerator),
      preventDefault: false,
      run: () => handlers.run(command.id, 'shortcut'),
    });
  }
  return Prec.highest(keymap.of(bindings));
}
