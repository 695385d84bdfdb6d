import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { EventName, EventPayload, RequestCaller } from '../../shared/ipc/contract';
import {
  droppedFileChannel,
  ipcEventChannel,
  ipcRequestChannel,
  requestNames,
} from '../../shared/ipc/channels';
import { BylineError } from '../../shared/ipc/contract';
import type { BylineMain } from '../app/createBylineMain';
import type { PathGrants } from '../desktop/pathGrants';
import { dispatchRequest } from '../app/dispatchRequest';
import { isAppUrl } from './securityPolicy';

const foreignSender = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'Request from a foreign frame refused.' },
} as const;

const fromOurPage = (event: IpcMainInvokeEvent): boolean => isAppUrl(event.senderFrame?.url ?? '');

/**
 * One ipcMain.handle per contract request, and the preload's dropped-file grant; every message's
 * sender frame must be our own page. Each request names its window to main, and main releases a
 * window's per-client state (its open articles) when the window's web contents are destroyed.
 */
export function registerIpcHandlers(app: () => BylineMain, grants: PathGrants): void {
  const known = new WeakSet<WebContents>();
  const callerOf = (sender: WebContents): RequestCaller => {
    const caller = { client: `window:${sender.id}` };
    if (!known.has(sender)) {
      known.add(sender);
      sender.once('destroyed', () => app().releaseClient(caller.client));
    }
    return caller;
  };
  for (const name of requestNames) {
    ipcMain.handle(ipcRequestChannel(name), async (event: IpcMainInvokeEvent, input: unknown) =>
      fromOurPage(event)
        ? dispatchRequest(app().handlers, name, input, callerOf(event.sender))
        : foreignSender,
    );
  }
  ipcMain.handle(droppedFileChannel, async (event: IpcMainInvokeEvent, dropped: unknown) => {
    if (!fromOurPage(event)) return foreignSender;
    try {
      await grants.grantDroppedFile(dropped);
      return { ok: true, value: null };
    } catch (error) {
      const code = error instanceof BylineError ? error.code : 'internal';
      return { ok: false, error: { code, message: (error as Error).message } };
    }
  });
}

export function sendEvent<E extends EventName>(
  target: WebContents,
  event: E,
  payload: EventPayload<E>,
): void {
  if (!target.isDestroyed()) target.send(ipcEventChannel(event), payload);
}
