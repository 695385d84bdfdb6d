import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appMenuSections } from '../../shared/commands/appMenu';
import type { CommandId } from '../../shared/commands/commandRegistry';
import {
  acceleratorFor,
  commands,
  displayAccelerator,
} from '../../shared/commands/commandRegistry';
import { useCommandHandlers } from '../workbench/commandHandlers';
import { useHandlersVersion } from './PaletteHost';
import { workspaceName } from './paletteItems';
import type { Recents } from './useRecents';

interface AppMenuButtonProps {
  platform: string;
  recents: Recents;
}

const sections = appMenuSections(commands);
const firstItemKey = `command:${sections[0]?.groups[0]?.[0]?.id ?? ''}`;

/**
 * Browser mode has no menu bar: this button shows the menu the Electron menu bar shows (the same
 * shared/commands/appMenu.ts sections, with File › Open Recent), as one WAI-ARIA menu whose groups
 * are the top-level menus. Arrow keys move, Enter runs, Escape closes and returns to the button.
 */
export function AppMenuButton({ platform, recents }: AppMenuButtonProps): React.JSX.Element {
  const { t } = useTranslation();
  const handlers = useCommandHandlers();
  useHandlersVersion();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const baseId = useId();

  const items = (): HTMLElement[] => [
    ...(menu.current?.querySelectorAll<HTMLElement>(
      '[role="menuitem"]:not([aria-disabled="true"])',
    ) ?? []),
  ];
  useEffect(() => {
    if (!open) return undefined;
    items()[0]?.focus();
    const onPointer = (event: MouseEvent): void => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (run: () => void): void => {
    close();
    run();
  };

  const onMenuKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const list = items();
    const current = list.indexOf(document.activeElement as HTMLElement);
    const targets: Record<string, number> = {
      ArrowDown: current >= list.length - 1 ? 0 : current + 1,
      ArrowUp: current <= 0 ? list.length - 1 : current - 1,
      Home: 0,
      End: list.length - 1,
    };
    if (event.key in targets) {
      event.preventDefault();
      list[targets[event.key] ?? 0]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const item = (
    key: string,
    label: string,
    run: () => void,
    options: { shortcut?: string; enabled?: boolean; detail?: string } = {},
  ) => (
    <div
      key={key}
      role="menuitem"
      // One tab stop (the first item): the scrolling menu stays reachable without a pointer.
      tabIndex={key === firstItemKey ? 0 : -1}
      data-key={key}
      className="app-menu-item"
      aria-disabled={options.enabled === false ? true : undefined}
      title={options.detail}
      onClick={() => options.enabled !== false && choose(run)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        if (options.enabled !== false) choose(run);
      }}
    >
      <span className="app-menu-label">{label}</span>
      {options.shortcut ? <kbd className="app-menu-shortcut">{options.shortcut}</kbd> : null}
    </div>
  );
  const commandItem = (id: CommandId, labelKey: string) => {
    const command = commands.find((c) => c.id === id);
    const accelerator = command ? acceleratorFor(command, platform) : undefined;
    return item(`command:${id}`, t(labelKey), () => void handlers.run(id, 'menu'), {
      enabled: handlers.has(id),
      ...(accelerator ? { shortcut: displayAccelerator(accelerator, platform) } : {}),
    });
  };
  const recentGroup = (
    <div role="group" aria-labelledby={`${baseId}-recent`} className="app-menu-group">
      <div role="presentation" id={`${baseId}-recent`} className="app-menu-subheading">
        {t('palette.openRecent')}
      </div>
      {recents.workspaces.map((root) =>
        item(`workspace:${root}`, workspaceName(root), () => recents.openWorkspace(root), {
          detail: root,
        }),
      )}
      {recents.articles.map((article) =>
        item(`article:${article.path}`, article.title, () => recents.openArticle(article.path), {
          detail: article.path,
        }),
      )}
      {recents.workspaces.length + recents.articles.length === 0 ? (
        <div role="menuitem" aria-disabled="true" tabIndex={-1} className="app-menu-item">
          {t('palette.noRecent')}
        </div>
      ) : null}
    </div>
  );

  return (
    <div className="app-menu">
      <button
        ref={button}
        type="button"
        className="app-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${baseId}-menu` : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
          <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        <span>{t('palette.menuButton')}</span>
      </button>
      {open ? (
        <div
          ref={menu}
          id={`${baseId}-menu`}
          className="app-menu-popup"
          role="menu"
          aria-label={t('palette.menuButton')}
          onKeyDown={onMenuKeyDown}
        >
          {sections.map((section) => (
            <div
              key={section.menu}
              role="group"
              aria-labelledby={`${baseId}-${section.menu}`}
              className="app-menu-group"
              data-menu={section.menu}
            >
              <div
                role="presentation"
                id={`${baseId}-${section.menu}`}
                className="app-menu-heading"
              >
                {t(`menus.${section.menu}`)}
              </div>
              {section.groups.map((group, index) => (
                <Fragment key={group[0]?.id ?? index}>
                  {index > 0 ? <div role="separator" className="app-menu-separator" /> : null}
                  {group.map((command) => commandItem(command.id, command.labelKey))}
                  {section.menu === 'file' && group.some((c) => c.id === 'file.openFile')
                    ? recentGroup
                    : null}
                </Fragment>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
