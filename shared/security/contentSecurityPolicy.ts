/**
 * The Content-Security-Policy of the app page, the same in Electron and browser mode.
 * Scripts only from our own origin; no eval; no plugins; no framing; nothing fetched from
 * outside. `style-src 'unsafe-inline'` is needed by CodeMirror's runtime style injection.
 * Trusted Types: no string reaches an HTML or script-URL sink except through the policies in
 * renderer/security/trustedTypes.ts (`byline-preview`, `default`) and DOMPurify's own.
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
  "require-trusted-types-for 'script'",
  'trusted-types byline-preview default dompurify',
].join('; ');

/**
 * Workspace files served to the preview (images, SVG among them): opened directly, nothing in
 * them may run or load anything, and the sandbox gives them an opaque origin.
 */
export const assetContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
