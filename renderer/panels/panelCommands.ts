import { useEffect, useSyncExternalStore } from 'react';
import type { CommandId } from '../../shared/commands/commandRegistry';

/**
 * Commands that a side panel carries out (`openWith` in sidePanels.ts): the shell opens the panel
 * and leaves the command here; the panel takes it when it is mounted (at once if it already was).
 * This works whether or not the panel was open, and whatever the order of handler registration.
 */
interface PanelRequest {
  panelId: string;
  command: CommandId;
}

let pending: PanelRequest | null = null;
const listeners = new Set<() => void>();

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const current = (): PanelRequest | null => pending;

export function requestPanelCommand(panelId: string, command: CommandId): void {
  pending = { panelId, command };
  for (const listener of listeners) listener();
}

/** Runs `run` for each request of `command` addressed to this panel. */
export function usePanelCommand(panelId: string, command: CommandId, run: () => void): void {
  const request = useSyncExternalStore(subscribe, current);
  useEffect(() => {
    // Only a request nobody has taken yet (an effect may run again with the same request).
    if (
      !request ||
      request !== pending ||
      request.panelId !== panelId ||
      request.command !== command
    )
      return;
    pending = null;
    run();
  }, [request, panelId, command, run]);
}
