/**
 * `npm run web`: Byline in any browser, with the real main-process services over loopback.
 * Prints the URL (with its per-run token) and serves until interrupted.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { defaultDataDir, defaultDocumentsDir, systemLocale } from '../app/appPaths';
import type { BylineMain } from '../app/createBylineMain';
import { createBylineMain } from '../app/createBylineMain';
import type { WebServer } from './webServer';
import { startWebServer } from './webServer';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    workspace: { type: 'string' },
    'data-dir': { type: 'string' },
    'documents-dir': { type: 'string' },
    port: { type: 'string' },
  },
});

let server: WebServer | undefined;
const pending: [EventName, unknown][] = [];
const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
  if (server) server.broadcast(event, payload);
  else pending.push([event, payload]);
};

let app: BylineMain;
try {
  app = await createBylineMain({
    dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()),
    documentsDir: path.resolve(values['documents-dir'] ?? defaultDocumentsDir()),
    assetsDir: path.resolve(here, '../../assets'),
    transport: 'web',
    version: process.env.npm_package_version ?? '0.0.0',
    platform: process.platform,
    systemLocale: process.env.BYLINE_LOCALE ?? systemLocale(),
    initialWorkspace: values.workspace ? path.resolve(values.workspace) : undefined,
    emit,
    libraryWorker: new URL('./libraryWorker.mjs', import.meta.url),
  });
  server = await startWebServer(() => app, {
    staticDir: path.resolve(here, '../renderer'),
    token: randomBytes(24).toString('base64url'),
    port: values.port ? Number(values.port) : 0,
  });
} catch (error) {
  console.error(`Byline could not start: ${(error as Error).message}`);
  process.exit(1);
}
for (const [event, payload] of pending.splice(0)) server.broadcast(event, payload as never);

console.log(
  `Byline is running in browser mode. Open this address in Chromium or Chrome:\n${server.url}`,
);

const shutdown = async (): Promise<void> => {
  await server?.close();
  await app.dispose();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
