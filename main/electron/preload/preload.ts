/**
 * The sandboxed preload: exposes one frozen object with one function per contract request and an
 * `on` for contract events. Never ipcRenderer itself, never a generic send/invoke for any channel.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import {
  eventNames,
  ipcEventChannel,
  ipcRequestChannel,
  requestNames,
} from '../../../shared/ipc/channels';

type Outcome =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const api: Record<string, unknown> = {};
for (const name of requestNames) {
  api[name] = async (input?: unknown) => {
    const outcome = (await ipcRenderer.invoke(ipcRequestChannel(name), input)) as Outcome;
    if (outcome.ok) return outcome.value;
    const error = new Error(outcome.error.message);
    error.name = outcome.error.code;
    throw error;
  };
}
api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!(eventNames as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`);
  const channel = ipcEventChannel(event);
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
};

contextBridge.exposeInMainWorld('byline', Object.freeze(api));
// A dropped file's place on disk ('' for one not from disk): the page itself is never told paths.
contextBridge.exposeInMainWorld(
  'bylineFiles',
  Object.freeze({ pathForFile: (file: File): string => webUtils.getPathForFile(file) }),
);
