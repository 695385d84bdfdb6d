/**
 * The Content-Security-Policy of the app page, the same in Electron and browser mode.
 * Scripts only from our own origin; no eval; no plugins; no framing; nothing fetched from
 * outside. `style-src 'unsafe-inline'` is needed by CodeMirror's runtime style injection.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');
