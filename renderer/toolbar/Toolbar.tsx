import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandDescriptor, CommandId } from '../../shared/commands/commandRegistry';
import { commands, displayAccelerator } from '../../shared/commands/commandRegistry';
import { useCommandHandlers } from '../workbench/commandHandlers';
import type { IconName } from './icons';
import { Icon } from './icons';

const byId = new Map(commands.map((command) => [command.id, command]));

/** The formatting buttons: every registry entry with `toolbar: true`, grouped by separators. */
function toolbarGroups(): CommandDescriptor[][] {
  const groups: CommandDescriptor[][] = [];
  for (const command of commands.filter((c) => c.toolbar)) {
    const last = groups[groups.length - 1];
    if (!last || (command.separatorBefore && last.length > 0) || last[0]?.menu !== command.menu)
      groups.push([command]);
    else last.push(command);
  }
  return groups;
}

interface ToolbarProps {
  platform: string;
  /** Commands shown pressed (layout, focus mode, ...). */
  pressed: ReadonlySet<CommandId>;
  /** Right-hand view controls, by command id. */
  viewGroups: CommandId[][];
}

/**
 * The compact toolbar. Every button is a registry command: its label, tooltip and shortcut come
 * from shared/commands/commandRegistry.ts and it runs through the command handlers, exactly as
 * the menu and the keyboard do. Arrow keys move between buttons (one tab stop).
 */
export function Toolbar({ platform, pressed, viewGroups }: ToolbarProps): React.JSX.Element {
  const { t } = useTranslation();
  const handlers = useCommandHandlers();
  // Re-render when handlers are registered or removed (a panel providing insert.citation).
  useSyncExternalStore(
    useCallback((listener: () => void) => handlers.subscribe(listener), [handlers]),
    () => handlers,
  );

  const button = (command: CommandDescriptor, index: number): React.JSX.Element => {
    const label = t(command.labelKey);
    const shortcut = command.accelerator ? displayAccelerator(command.accelerator, platform) : '';
    const enabled = handlers.has(command.id);
    const isPressed = pressed.has(command.id);
    return (
      <button
        key={command.id}
        type="button"
        className="toolbar-button"
        data-command={command.id}
        aria-label={label}
        aria-keyshortcuts={shortcut ? ariaShortcut(command.accelerator ?? '', platform) : undefined}
        aria-pressed={
          isPressed ? true : pressed.size > 0 && isToggle(command.id) ? false : undefined
        }
        title={shortcut ? `${label} (${shortcut})` : label}
        disabled={!enabled}
        tabIndex={index === 0 ? 0 : -1}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => handlers.run(command.id, 'toolbar')}
      >
        <Icon name={command.id as IconName} />
      </button>
    );
  };

  let index = 0;
  const render = (group: CommandDescriptor[], key: string): React.JSX.Element => (
    <div className="toolbar-group" role="group" key={key}>
      {group.map((command) => button(command, index++))}
    </div>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} onKeyDown={moveFocus}>
      {toolbarGroups().map((group, i) => render(group, `format-${i}`))}
      <div className="toolbar-spacer" />
      {viewGroups.map((ids, i) =>
        render(
          ids.map((id) => byId.get(id)).filter((c): c is CommandDescriptor => c !== undefined),
          `view-${i}`,
        ),
      )}
    </div>
  );
}

const toggles = new Set<CommandId>([
  'view.layoutEditor',
  'view.layoutSplit',
  'view.layoutPreview',
  'view.focusMode',
  'view.typewriterMode',
]);
const isToggle = (id: CommandId): boolean => toggles.has(id);

function ariaShortcut(accelerator: string, platform: string): string {
  return accelerator.replace('CmdOrCtrl', platform === 'darwin' ? 'Meta' : 'Control');
}

/** Roving focus inside the toolbar (WAI-ARIA toolbar pattern). */
function moveFocus(event: React.KeyboardEvent<HTMLDivElement>): void {
  const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = [
    ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'),
  ];
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  let next = current;
  if (event.key === 'ArrowLeft') next = current <= 0 ? buttons.length - 1 : current - 1;
  if (event.key === 'ArrowRight') next = current >= buttons.length - 1 ? 0 : current + 1;
  if (event.key === 'Home') next = 0;
  if (event.key === 'End') next = buttons.length - 1;
  const target = buttons[next];
  if (!target) return;
  event.preventDefault();
  for (const b of buttons) b.tabIndex = -1;
  target.tabIndex = 0;
  target.focus();
}
