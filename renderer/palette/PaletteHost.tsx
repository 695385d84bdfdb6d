import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLocale } from '../../shared/commands/commandLabels';
import type { CommandId } from '../../shared/commands/commandRegistry';
import { commands } from '../../shared/commands/commandRegistry';
import { useCommandHandler, useCommandHandlers } from '../workbench/commandHandlers';
import { CommandPalette } from './CommandPalette';
import type { PaletteItem } from './paletteItems';
import { articleItems, commandItems, workspaceItems } from './paletteItems';
import type { Recents } from './useRecents';
import './palette.css';

interface PaletteHostProps {
  platform: string;
  recents: Recents;
  notify(message: string): void;
}

/** Handlers come and go (a panel's commands, Print with no article): re-render on each change. */
export function useHandlersVersion(): void {
  const handlers = useCommandHandlers();
  const version = useRef(0);
  useSyncExternalStore(
    useCallback(
      (listener: () => void) =>
        handlers.subscribe(() => {
          version.current += 1;
          listener();
        }),
      [handlers],
    ),
    () => version.current,
  );
}

/**
 * Opens the command palette on `help.commandPalette` (Ctrl/Cmd+Shift+P, from the menu) and on F1,
 * and runs what is picked: a command through the same handlers as the menu and the keyboard, or
 * a recent article or workspace.
 */
export function PaletteHost({
  platform,
  recents,
  notify,
}: PaletteHostProps): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const handlers = useCommandHandlers();
  useHandlersVersion();
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setOpen(true);
  }, []);
  useCommandHandler('help.commandPalette', show);
  useEffect(() => {
    // F1 has no modifier, so it is not a registry accelerator; take it before CodeMirror does.
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'F1' || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      event.stopPropagation();
      show();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [show]);

  const locale: UiLocale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const items = useMemo(
    () =>
      open
        ? [
            ...commandItems(
              commands.filter((command) => command.id !== 'help.commandPalette'),
              locale,
              platform,
            ),
            ...articleItems(recents.articles),
            ...workspaceItems(recents.workspaces),
          ]
        : [],
    [open, locale, platform, recents.articles, recents.workspaces],
  );

  const close = (): void => {
    setOpen(false);
    returnFocus.current?.focus?.();
  };
  const run = (item: PaletteItem): void => {
    close();
    const [kind, ...rest] = item.key.split(':');
    const value = rest.join(':');
    if (kind === 'article') recents.openArticle(value);
    else if (kind === 'workspace') recents.openWorkspace(value);
    else if (!handlers.run(value as CommandId, 'palette'))
      notify(t('palette.unavailable', { label: item.label }));
  };
  const isEnabled = (item: PaletteItem): boolean =>
    !item.key.startsWith('command:') ||
    handlers.has(item.key.slice('command:'.length) as CommandId);

  return open ? (
    <CommandPalette items={items} isEnabled={isEnabled} onRun={run} onClose={close} />
  ) : null;
}
