import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import type { CallRecord } from './callRecord';

export type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** `ipcMain` with Electron's rules: one handler per channel, a second registration throws. */
export function createIpcMain(record: CallRecord, dropped: ReadonlySet<string>) {
  const handlers = new Map<string, InvokeHandler>();
  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, listener: InvokeHandler): void {
      record.add('ipcMain.handle', channel);
      if (handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      // A deliberate break for the harness's self-test: main's registration is lost.
      if (dropped.has(channel)) return;
      handlers.set(channel, listener);
    },
    handleOnce(channel: string, listener: InvokeHandler): void {
      ipcMain.handle(channel, (event, ...args) => {
        handlers.delete(channel);
        return listener(event, ...args);
      });
    },
    removeHandler(channel: string): void {
      record.add('ipcMain.removeHandler', channel);
      handlers.delete(channel);
    },
  });
  ipcMain satisfies Pick<Electron.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>;
  return { ipcMain, handlers };
}
