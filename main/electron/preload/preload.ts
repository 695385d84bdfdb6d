/**
 * The sandboxed preload: exposes two frozen objects, never ipcRenderer itself nor a generic
 * send/invoke for any channel. `byline` has one function per contract request and an `on` for
 * contract events; `bylineFiles` turns a File dropped from the OS into a path main has granted.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import {
  droppedFileChannel,
  eventNames,
  ipcEventChannel,
  ipcRequestChannel,
  requestNames,
} from '../../../shared/ipc/channels';

type Outcome =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function unwrap(outcome: Outcome): unknown {
  if (outcome.ok) return outcome.value;
  const error = new Error(outcome.error.message);
  error.name = outcome.error.code;
  throw error;
}

const api: Record<string, unknown> = {};
for (const name of requestNames) {
  api[name] = async (input?: unknown) => {
    return unwrap((await ipcRenderer.invoke(ipcRequestChannel(name), input)) as Outcome);
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
/**
 * A dropped file's path is read here from the File (Electron knows it only for files from the OS,
 * '' for one the page made) and granted by main before the page gets it back ('' when none), so
 * the page can open what the writer dropped but never name a path of its own choosing.
 */
async function grantDropped(file: File): Promise<string> {
  const dropped = webUtils.getPathForFile(file);
  if (!dropped) return '';
  unwrap((await ipcRenderer.invoke(droppedFileChannel, dropped)) as Outcome);
  return dropped;
}
contextBridge.exposeInMainWorld('bylineFiles', Object.freeze({ grantDropped }));
