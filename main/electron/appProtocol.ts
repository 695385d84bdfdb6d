import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  assetContentSecurityPolicy,
  contentSecurityPolicy,
} from '../../shared/security/contentSecurityPolicy';
import { resolveConfined } from '../workspace/confinement';
import { contentTypeOf, isPreviewAsset } from '../web/contentTypes';
import { appScheme } from './securityPolicy';

/** Must run before app 'ready': our scheme behaves like https (secure, standard, fetchable). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * byline://app/<file> serves the built renderer; byline://app/asset/<path> serves images from the
 * workspace. Everything else is 404: no file:// URL is ever loaded.
 */
export function serveAppProtocol(rendererDir: string, workspaceRoot: () => string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return refused(404);
    const pathname = decodeURIComponent(url.pathname);
    if (pathname.startsWith('/asset/')) {
      try {
        const absolute = await resolveConfined(workspaceRoot(), pathname.slice('/asset/'.length));
        if (!isPreviewAsset(absolute)) return refused(403);
        const response = await net.fetch(pathToFileURL(absolute).toString());
        return withSecurityHeaders(response, assetContentSecurityPolicy, contentTypeOf(absolute));
      } catch {
        return refused(403);
      }
    }
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const absolute = path.resolve(rendererDir, relative);
    if (!absolute.startsWith(path.resolve(rendererDir) + path.sep)) return refused(404);
    // net.fetch rejects a missing file and lists a folder: answer both as not found instead.
    if (!(await isFile(absolute))) return refused(404);
    const response = await net.fetch(pathToFileURL(absolute).toString());
    return withSecurityHeaders(
      response,
      contentSecurityPolicy,
      absolute.endsWith('.html') ? 'text/html; charset=utf-8' : null,
    );
  });
}

async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await stat(absolute)).isFile();
  } catch {
    return false;
  }
}

function refused(status: 403 | 404): Response {
  return withSecurityHeaders(
    new Response(status === 403 ? 'Forbidden' : 'Not found', { status }),
    assetContentSecurityPolicy,
    'text/plain; charset=utf-8',
  );
}

/** Every response of our scheme: a CSP and nosniff, so no file (an SVG, a stray .js) runs as something else. */
function withSecurityHeaders(
  response: Response,
  csp: string,
  contentType: string | null,
): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', csp);
  headers.set('X-Content-Type-Options', 'nosniff');
  if (contentType) headers.set('Content-Type', contentType);
  return new Response(response.body, { status: response.status, headers });
}
