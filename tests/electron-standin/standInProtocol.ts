import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CustomScheme } from 'electron';
import type { CallRecord } from './callRecord';

type SchemeHandler = (request: Request) => Response | Promise<Response>;

/** Registered schemes and their handlers: what `protocol` and `net` of one stand-in share. */
export class SchemeRegistry {
  readonly privileged = new Map<string, CustomScheme['privileges']>();
  readonly handlers = new Map<string, SchemeHandler>();
  /** Standard schemes: the ones pages are served from, mapped to https origins in Chromium. */
  standard(): Set<string> {
    return new Set(
      [...this.privileged]
        .filter(([, privileges]) => privileges?.standard)
        .map(([scheme]) => scheme),
    );
  }
}

export function createProtocol(
  registry: SchemeRegistry,
  record: CallRecord,
  isReady: () => boolean,
) {
  return {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
      record.add('protocol.registerSchemesAsPrivileged', schemes);
      // Electron's documented rule: privileges only take effect when set before 'ready'.
      if (isReady()) throw new Error('registerSchemesAsPrivileged must be called before app ready');
      for (const { scheme, privileges } of schemes) registry.privileged.set(scheme, privileges);
    },
    handle(scheme: string, handler: SchemeHandler): void {
      record.add('protocol.handle', scheme);
      if (!isReady()) throw new Error('protocol.handle must be called after app ready');
      if (registry.handlers.has(scheme)) throw new Error(`Protocol ${scheme} is already handled`);
      registry.handlers.set(scheme, handler);
    },
    unhandle(scheme: string): void {
      registry.handlers.delete(scheme);
    },
    isProtocolHandled(scheme: string): boolean {
      return registry.handlers.has(scheme);
    },
  } satisfies Pick<
    Electron.Protocol,
    'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'
  >;
}

/** MIME types Chromium's file loader gives by extension (net/base/mime_util.cc), for what we serve. */
const fileMimeTypes: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/vnd.microsoft.icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.map': 'application/json',
};

/** Electron's net.fetch: file: URLs read from disk (a missing file rejects, as Chromium's net error). */
async function fetchFile(url: string): Promise<Response> {
  const absolute = fileURLToPath(url);
  const info = await stat(absolute).catch(() => null);
  if (!info) throw new TypeError(`net::ERR_FILE_NOT_FOUND ${url}`);
  if (info.isDirectory())
    throw new TypeError(`The stand-in does not list folders as Chromium does: ${url}`);
  const type = fileMimeTypes[path.extname(absolute).toLowerCase()];
  return new Response(await readFile(absolute), {
    status: 200,
    headers: type ? { 'Content-Type': type } : {},
  });
}

export function createNet(registry: SchemeRegistry, record: CallRecord) {
  return {
    async fetch(
      input: string | Request,
      init?: RequestInit & { bypassCustomProtocolHandlers?: boolean },
    ): Promise<Response> {
      const request = new Request(input, init);
      record.add('net.fetch', request.url);
      const scheme = new URL(request.url).protocol.slice(0, -1);
      if (scheme === 'file') return fetchFile(request.url);
      const handler = registry.handlers.get(scheme);
      if (handler && !init?.bypassCustomProtocolHandlers) return handler(request);
      return fetch(request);
    },
    isOnline: (): boolean => false,
  } satisfies Pick<Electron.Net, 'fetch' | 'isOnline'>;
}
