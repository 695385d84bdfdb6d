import { createContext, useContext, useEffect, useRef } from 'react';
import type { CommandId } from '../../shared/commands/commandRegistry';

/** Where a command was invoked from; handlers rarely care, but the menu and tests do. */
export type CommandSource = 'shortcut' | 'toolbar' | 'menu' | 'palette' | 'api';

/** Returns false when it did not apply (the shortcut then falls through to the focused widget). */
export type CommandHandler = (source: CommandSource) => boolean | void;

type Listener = () => void;

/**
 * CommandId -> handler. The shell registers the handlers it owns (layout, save, formatting);
 * panels register theirs while mounted (the references panel registers `insert.citation`).
 * The last registration wins and unregistering restores the previous one, so a panel can
 * temporarily take over a command.
 */
export class CommandHandlers {
  private readonly stacks = new Map<CommandId, CommandHandler[]>();
  private readonly listeners = new Set<Listener>();

  register(id: CommandId, handler: CommandHandler): () => void {
    const stack = this.stacks.get(id) ?? [];
    stack.push(handler);
    this.stacks.set(id, stack);
    this.notify();
    return () => {
      const current = this.stacks.get(id);
      if (!current) return;
      const index = current.lastIndexOf(handler);
      if (index >= 0) current.splice(index, 1);
      if (current.length === 0) this.stacks.delete(id);
      this.notify();
    };
  }

  /** Registers several handlers at once; returns one disposer. */
  registerAll(map: Partial<Record<CommandId, CommandHandler>>): () => void {
    const disposers = Object.entries(map).map(([id, handler]) =>
      this.register(id as CommandId, handler),
    );
    return () => disposers.forEach((dispose) => dispose());
  }

  has(id: CommandId): boolean {
    return (this.stacks.get(id)?.length ?? 0) > 0;
  }

  /** Runs the newest handler; true when one ran and did not decline. */
  run(id: CommandId, source: CommandSource = 'api'): boolean {
    const stack = this.stacks.get(id);
    const handler = stack?.[stack.length - 1];
    if (!handler) return false;
    return handler(source) !== false;
  }

  /** Toolbar buttons re-render when handlers come and go (enabled state). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

export const CommandHandlersContext = createContext<CommandHandlers | null>(null);

export function useCommandHandlers(): CommandHandlers {
  const handlers = useContext(CommandHandlersContext);
  if (!handlers) throw new Error('useCommandHandlers outside the workbench');
  return handlers;
}

/**
 * Registers a handler for as long as the calling component is mounted. The latest `handler`
 * closure is always the one called, so it may use fresh props and state.
 *
 *     useCommandHandler('insert.citation', () => openCitationPicker());
 */
export function useCommandHandler(id: CommandId, handler: CommandHandler, enabled = true): void {
  const handlers = useCommandHandlers();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    return handlers.register(id, (source) => latest.current(source));
  }, [handlers, id, enabled]);
}
