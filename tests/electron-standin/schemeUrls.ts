/**
 * Chromium cannot be taught a new standard scheme from outside (Electron does it in its own
 * build), so a page Electron shows at `byline://app/index.html` is shown in Chromium at
 * `https://app.byline.scheme.invalid/index.html`, the way WebView2 serves custom schemes. The
 * mapping is one-to-one and applied wherever main sees a URL (sender frames, navigation events,
 * protocol requests); any other URL (a foreign site, file:, about:blank) reaches main unchanged.
 */
const suffix = '.scheme.invalid';

/** `scheme://host/path` as Chromium loads it. */
export function chromiumUrlOf(electronUrl: string, schemes: ReadonlySet<string>): string {
  const url = new URL(electronUrl);
  const scheme = url.protocol.slice(0, -1);
  if (!schemes.has(scheme)) return electronUrl;
  const rest = electronUrl.slice(`${scheme}://${url.host}`.length);
  return `https://${url.host}.${scheme}${suffix}${rest}`;
}

/** The URL main would see in Electron for a URL Chromium reports. */
export function electronUrlOf(chromiumUrl: string): string {
  let url: URL;
  try {
    url = new URL(chromiumUrl);
  } catch {
    return chromiumUrl;
  }
  if (url.protocol !== 'https:' || !url.hostname.endsWith(suffix) || url.port !== '')
    return chromiumUrl;
  const labels = url.hostname.slice(0, -suffix.length).split('.');
  const scheme = labels.pop();
  if (!scheme || labels.length === 0) return chromiumUrl;
  return `${scheme}://${labels.join('.')}${chromiumUrl.slice(`https://${url.host}`.length)}`;
}

/** An origin as Electron reports it: a standard custom scheme's is scheme://host (Node says "null"). */
export function electronOriginOf(electronUrl: string): string {
  if (!URL.canParse(electronUrl)) return '';
  const url = new URL(electronUrl);
  return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
}
