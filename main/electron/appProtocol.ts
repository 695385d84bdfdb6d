import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import { resolveInWorkspace } from '../workspace/resolveInWorkspace';
import { isPreviewAsset } from '../web/contentTypes';
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
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    const pathname = decodeURIComponent(url.pathname);
    if (pathname.startsWith('/asset/')) {
      try {
        const absolute = resolveInWorkspace(workspaceRoot(), pathname.slice('/asset/'.length));
        if (!isPreviewAsset(absolute)) return new Response('Forbidden', { status: 403 });
        return net.fetch(pathToFileURL(absolute).toString());
      } catch {
        return new Response('Forbidden', { status: 403 });
      }
    }
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const absolute = path.resolve(rendererDir, relative);
    if (!absolute.startsWith(path.resolve(rendererDir) + path.sep))
      return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(absolute).toString());
    if (!absolute.endsWith('.html')) return response;
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('Content-Type', 'text/html; charset=utf-8');
    return new Response(response.body, { status: response.status, headers });
  });
}
