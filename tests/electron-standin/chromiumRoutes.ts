import type { BrowserContext, Page, Request, Route } from 'playwright-core';
import type { CallRecord } from './callRecord';
import { electronUrlOf } from './schemeUrls';
import type { StandInBrowserWindow } from './standInBrowserWindow';
import type { SchemeRegistry } from './standInProtocol';
import type { StandInSession } from './standInSession';

export interface RouteHost {
  record: CallRecord;
  schemes: SchemeRegistry;
  windowOf(page: Page): StandInBrowserWindow | null;
}

/**
 * Every request of a session's pages passes here, in the order Electron applies its hooks:
 * new windows (setWindowOpenHandler), the session's webRequest filter, main-frame navigations
 * the page starts ('will-navigate'), then custom schemes answered by protocol.handle. Anything
 * else goes to the network (there is none here).
 */
export async function routeSession(
  context: BrowserContext,
  session: StandInSession,
  host: RouteHost,
): Promise<void> {
  const handle = async (route: Route, request: Request): Promise<void> => {
    const frame = request.frame();
    const page = frame.page();
    const electronUrl = electronUrlOf(request.url());
    const isMainFrameNavigation = request.isNavigationRequest() && frame === page.mainFrame();
    const window = host.windowOf(page);

    if (!window && isMainFrameNavigation) {
      const opener = await page.opener();
      const openerWindow = opener ? host.windowOf(opener) : null;
      if (openerWindow) {
        const action = openerWindow.webContents.windowOpenDecision(electronUrl, '');
        if (action === 'deny') {
          await route.abort('blockedbyclient');
          await page.close();
          return;
        }
      }
    }
    if (await session.cancels(electronUrl, request.method(), request.resourceType())) {
      host.record.add('session.webRequest.cancelled', electronUrl);
      await route.abort('blockedbyclient');
      return;
    }
    if (
      window &&
      isMainFrameNavigation &&
      !window.webContents.takeProgrammaticNavigation(request.url()) &&
      window.webContents.willNavigate(electronUrl)
    ) {
      await route.abort('aborted');
      return;
    }
    if (electronUrl === request.url()) {
      await route.continue();
      return;
    }
    const handler = host.schemes.handlers.get(new URL(electronUrl).protocol.slice(0, -1));
    if (!handler) {
      await route.abort('failed');
      return;
    }
    try {
      const body = request.postDataBuffer();
      const response = await handler(
        new Request(electronUrl, {
          method: request.method(),
          headers: await request.allHeaders(),
          ...(body ? { body: new Uint8Array(body) } : {}),
        }),
      );
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    } catch (error) {
      // Electron fails the request when a handler throws; the record lets checks see it.
      host.record.add('protocol.handlerThrew', electronUrl, String(error));
      await route.abort('failed');
    }
  };
  await context.route('**/*', (route, request) =>
    handle(route, request).catch(async (error: unknown) => {
      host.record.add('standin.routeFailed', request.url(), String(error));
      await route.abort('failed').catch(() => undefined);
    }),
  );
}
