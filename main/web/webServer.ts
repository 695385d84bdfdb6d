import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { EventName, EventPayload, RequestCaller } from '../../shared/ipc/contract';
import {
  assetContentSecurityPolicy,
  contentSecurityPolicy,
} from '../../shared/security/contentSecurityPolicy';
import type { BylineMain } from '../app/createBylineMain';
import { dispatchRequest } from '../app/dispatchRequest';
import { resolveConfined } from '../workspace/confinement';
import { contentTypeOf, isPreviewAsset } from './contentTypes';

export interface WebServerOptions {
  staticDir: string;
  token: string;
  port?: number;
}

export interface WebServer {
  url: string;
  port: number;
  /** Push a contract event to every connected page. */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024 * 1024;
/** The id a page makes up for itself at load (renderer/transport/httpTransport.ts). */
const pageIdPattern = /^[\w-]{1,64}$/;

/**
 * Browser mode: the same main services over loopback HTTP. Bound to 127.0.0.1 only; every API,
 * event and asset request needs the per-run token; foreign Host/Origin headers are refused,
 * which also defeats DNS rebinding. The token arrives once in the printed address; the page load
 * that carries it turns it into an HttpOnly, SameSite=Strict cookie (the page then drops it from
 * the address bar), so no URL the page builds (`/asset`, `/events`) carries it and new tabs work.
 */
export async function startWebServer(
  app: () => BylineMain,
  options: WebServerOptions,
): Promise<WebServer> {
  const streams = new Set<http.ServerResponse>();
  /** Open event streams per page: a page whose last stream closed went away. */
  const pageStreams = new Map<string, number>();
  let port = 0;

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([...allowedHosts()].map((h) => `http://${h}`));
  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(options.token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  // Cookies are shared by every port of a host: the name carries ours.
  const cookieName = (): string => `byline-token-${port}`;
  const cookieMatches = (request: http.IncomingMessage): boolean =>
    tokenMatches(readCookie(request.headers.cookie, cookieName())) &&
    !crossSiteFetch(request.headers['sec-fetch-site']);
  const authenticated = (request: http.IncomingMessage): boolean =>
    tokenMatches(headerValue(request.headers['x-byline-token'])) || cookieMatches(request);

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      // A malformed percent-encoding in the address (decodeURIComponent) is the client's error.
      const malformed = error instanceof URIError;
      if (!malformed) console.error('[byline web]', error);
      if (!response.headersSent)
        send(response, malformed ? 400 : 500, { error: malformed ? 'bad request' : 'internal' });
      else response.end();
    });
  });

  async function handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(request.headers.host ?? '')) {
      return send(response, 403, { error: 'foreign host' });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return send(response, 403, { error: 'foreign origin' });
    }
    if (url.pathname.startsWith('/api/')) {
      if (!authenticated(request)) return send(response, 403, { error: 'token' });
      if (request.method !== 'POST') return send(response, 405, { error: 'method' });
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(response, 415, { error: 'content type' });
      }
      const body = await readBody(request);
      if (body === null) return send(response, 413, { error: 'too large' });
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : (JSON.parse(body) as { input?: unknown }).input;
      } catch {
        return send(response, 400, { error: 'json' });
      }
      const page = headerValue(request.headers['x-byline-page']);
      if (page !== undefined && !pageIdPattern.test(page))
        return send(response, 400, { error: 'page id' });
      const outcome = await dispatchRequest(
        app().handlers,
        decodeURIComponent(url.pathname.slice(5)),
        input,
        page === undefined ? undefined : pageCaller(page),
      );
      return send(response, 200, outcome);
    }
    if (url.pathname === '/events') {
      if (!cookieMatches(request)) return send(response, 403, { error: 'token' });
      const page = url.searchParams.get('page');
      if (page !== null && !pageIdPattern.test(page))
        return send(response, 400, { error: 'page id' });
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      // The page lists its library before this stream is open, and an event sent in between (the
      // word counts filled in) is lost: every stream starts by having the page list it again.
      response.write(eventFrame('library.changed', { paths: [] }));
      streams.add(response);
      if (page !== null) pageStreams.set(page, (pageStreams.get(page) ?? 0) + 1);
      request.on('close', () => {
        streams.delete(response);
        if (page !== null) pageClosedStream(page);
      });
      return;
    }
    if (url.pathname.startsWith('/asset/')) {
      if (!cookieMatches(request)) return send(response, 403, { error: 'token' });
      return serveAsset(response, decodeURIComponent(url.pathname.slice('/asset/'.length)));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, { error: 'method' });
    const headers: Record<string, string> = {};
    if (tokenMatches(url.searchParams.get('token')))
      headers['set-cookie'] = `${cookieName()}=${options.token}; HttpOnly; SameSite=Strict; Path=/`;
    return serveStatic(response, url.pathname, headers);
  }

  /**
   * The page was unloaded (its last event stream closed): main releases the articles it had open.
   * On loopback a stream drops only when the server stops, so a page that reconnects is rare.
   */
  function pageClosedStream(page: string): void {
    const left = (pageStreams.get(page) ?? 1) - 1;
    if (left > 0) return void pageStreams.set(page, left);
    pageStreams.delete(page);
    app().releaseClient(pageCaller(page).client);
  }

  async function serveAsset(response: http.ServerResponse, relative: string): Promise<void> {
    let absolute: string;
    try {
      absolute = await resolveConfined(app().workspaceRoot(), relative);
    } catch {
      return send(response, 403, { error: 'outside workspace' });
    }
    if (!isPreviewAsset(absolute)) return send(response, 403, { error: 'not an image' });
    // An SVG opened directly must not run script in our origin.
    return streamFile(response, absolute, {
      'cache-control': 'no-cache',
      'content-security-policy': assetContentSecurityPolicy,
    });
  }

  async function serveStatic(
    response: http.ServerResponse,
    pathname: string,
    extraHeaders: Record<string, string>,
  ): Promise<void> {
    const relative =
      pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const absolute = path.resolve(options.staticDir, relative);
    if (!absolute.startsWith(path.resolve(options.staticDir) + path.sep))
      return send(response, 404, { error: 'not found' });
    // On every file: a worker script takes its CSP (and Trusted Types) from its own response.
    const headers: Record<string, string> = {
      'content-security-policy': contentSecurityPolicy,
      'referrer-policy': 'no-referrer',
      ...extraHeaders,
    };
    if (absolute.endsWith('.html')) headers['cache-control'] = 'no-store';
    return streamFile(response, absolute, headers);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;

  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 15_000);
  keepAlive.unref();

  return {
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    port,
    broadcast(event, payload) {
      const frame = eventFrame(event, payload);
      for (const stream of streams) stream.write(frame);
    },
    async close() {
      clearInterval(keepAlive);
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A browser-mode page as main's per-client state knows it. */
function pageCaller(page: string): RequestCaller {
  return { client: `page:${page}` };
}

/** One server-sent event. */
function eventFrame<E extends EventName>(event: E, payload: EventPayload<E>): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** One cookie's value from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** A request another site's page made (Chromium's Fetch Metadata); absent in older clients. */
function crossSiteFetch(value: string | string[] | undefined): boolean {
  const site = headerValue(value);
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

async function streamFile(
  response: http.ServerResponse,
  absolute: string,
  headers: Record<string, string>,
): Promise<void> {
  let stats;
  try {
    stats = await fs.stat(absolute);
  } catch {
    return send(response, 404, { error: 'not found' });
  }
  if (!stats.isFile()) return send(response, 404, { error: 'not found' });
  response.writeHead(200, {
    'content-type': contentTypeOf(absolute),
    'content-length': String(stats.size),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  createReadStream(absolute).pipe(response);
}

function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
