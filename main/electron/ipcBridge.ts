import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { ipcEventChannel, ipcRequestChannel, requestNames } from '../../shared/ipc/channels';
import type { BylineMain } from '../app/createBylineMain';
import { dispatchRequest } from '../app/dispatchRequest';
import { isAppUrl } from './securityPolicy';

/** One ipcMain.handle per contract request; every message's sender frame must be our own page. */
export function registerIpcHandlers(app: () => BylineMain): void {
  for (const name of requestNames) {
    ipcMain.handle(ipcRequestChannel(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) {
        return {
          ok: false,
          error: { code: 'forbidden-sender', message: 'Request from a foreign frame refused.' },
        };
      }
      return dispatchRequest(app().handlers, name, input);
    });
  }
}

export function sendEvent<E extends EventName>(
  target: WebContents,
  event: E,
  payload: EventPayload<E>,
): void {
  if (!target.isDestroyed()) target.send(ipcEventChannel(event), payload);
}
