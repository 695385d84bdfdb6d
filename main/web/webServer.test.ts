import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BylineMain } from '../app/createBylineMain';
import type { RequestCaller } from '../../shared/ipc/contract';
import type { WebServer } from './webServer';
import { readCookie, startWebServer } from './webServer';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let base: string;
let server: WebServer;
const token = 'test-token-0123456789';
/** Who main's handlers were told sent each request, and which clients main was told went away. */
const callers: (RequestCaller | undefined)[] = [];
const released: string[] = [];

/** A GET or POST from "the page": Host is ours; the caller adds Cookie / Fetch Metadata headers. */
function request(
  pathname: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'POST' = 'GET',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, method, headers },
      (response) => {
        const chunks: Buffer[] = [];
        // An event stream never ends: its first chunk is enough.
        if (response.headers['content-type']?.startsWith('text/event-stream')) {
          response.once('data', () => {
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: '' });
            req.destroy();
          });
          return;
        }
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

const cookie = (): Record<string, string> => ({ cookie: `byline-token-${server.port}=${token}` });

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-web-'));
  const root = path.join(base, 'ws');
  const staticDir = path.join(base, 'static');
  mkdirSync(path.join(root, 'images'), { recursive: true });
  mkdirSync(path.join(base, 'outside'));
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(
    path.join(root, 'images', 'photo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  writeFileSync(path.join(base, 'outside', 'leak.png'), 'not for the preview');
  symlinkSync(path.join(base, 'outside'), path.join(root, 'linkdir'));
  const app = {
    workspaceRoot: () => root,
    releaseClient: (client: string) => released.push(client),
    handlers: {
      'app.info': async (_input: undefined, caller?: RequestCaller) => {
        callers.push(caller);
        return { transport: 'web', platform: 'linux', version: 't', systemLocale: 'en' };
      },
    },
  } as unknown as BylineMain;
  server = await startWebServer(() => app, { staticDir, token });
});
afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

describe('browser mode: the token becomes a session cookie', () => {
  it('the page load that carries the printed token sets an HttpOnly, SameSite=Strict cookie for this port', async () => {
    const page = await request(`/?token=${token}`);
    expect(page.status).toBe(200);
    const setCookie = page.headers['set-cookie']?.join('\n') ?? '';
    expect(setCookie).toContain(`byline-token-${server.port}=${token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(page.headers['content-security-policy']).toContain("require-trusted-types-for 'script'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await request('/?token=wrong')).headers['set-cookie']).toBeUndefined();
  });

  it('/api, /events and /asset accept the cookie, and no longer a token in the URL', async () => {
    expect(
      (await request('/api/app.info', { ...cookie(), 'content-type': 'application/json' }, 'POST'))
        .status,
    ).toBe(200);
    expect((await request('/events', cookie())).status).toBe(200);
    expect((await request(`/events?token=${token}`)).status).toBe(403);
    expect((await request('/asset/images/photo.svg', cookie())).status).toBe(200);
    expect((await request(`/asset/images/photo.svg?token=${token}`)).status).toBe(403);
  });

  it('starts every event stream by having the page list its library again (events sent before it opened are lost)', async () => {
    const opening = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: '/events', headers: cookie() },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes('event: library.changed\n')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(opening).toContain('event: library.changed\ndata: {"paths":[]}\n\n');
  });

  it('answers a malformed percent-encoding with 400, not an internal error', async () => {
    expect((await request('/asset/%E0%A4%A', cookie())).status).toBe(400);
    expect((await request('/%E0%A4%A', cookie())).status).toBe(400);
  });

  it('refuses the cookie on requests another local site makes (Fetch Metadata)', async () => {
    const foreign = { ...cookie(), 'sec-fetch-site': 'same-site' };
    expect((await request('/asset/images/photo.svg', foreign)).status).toBe(403);
    expect((await request('/events', foreign)).status).toBe(403);
  });

  it('serves assets with a sandboxing CSP and nosniff, and none through a symlink out of the workspace', async () => {
    const svg = await request('/asset/images/photo.svg', cookie());
    expect(svg.headers['content-security-policy']).toMatch(/sandbox/);
    expect(svg.headers['x-content-type-options']).toBe('nosniff');
    expect((await request('/asset/linkdir/leak.png', cookie())).status).toBe(403);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; byline-token-9=xyz; b=2', 'byline-token-9')).toBe('xyz');
    expect(readCookie('byline-token-99=xyz', 'byline-token-9')).toBeNull();
    expect(readCookie(undefined, 'x')).toBeNull();
  });
});

/** An event stream of page `page`, open until the returned function closes it. */
function openEventStream(page: string): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: server.port, path: `/events?page=${page}`, headers: cookie() },
      (response) => response.once('data', () => resolve(() => req.destroy())),
    );
    req.on('error', reject);
  });
}

describe('browser mode: each page is one client of main', () => {
  const api = (headers: Record<string, string>): Promise<Reply> =>
    request(
      '/api/app.info',
      { ...cookie(), 'content-type': 'application/json', ...headers },
      'POST',
    );

  it("hands main the page's id with each of its requests, and none for a request naming no page", async () => {
    callers.length = 0;
    expect((await api({ 'x-byline-page': 'page-1' })).status).toBe(200);
    expect((await api({})).status).toBe(200);
    expect(callers).toEqual([{ client: 'page:page-1' }, undefined]);
    expect((await api({ 'x-byline-page': '../not an id' })).status).toBe(400);
    expect((await request('/events?page=not%20an%20id', cookie())).status).toBe(400);
  });

  it('tells main a page went away when its last event stream closes', async () => {
    const first = await openEventStream('page-2');
    const second = await openEventStream('page-2');
    first();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(released).not.toContain('page:page-2');
    second();
    await expect.poll(() => released).toContain('page:page-2');
  });
});
