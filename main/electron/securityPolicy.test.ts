import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import { isAppUrl, isEntryUrl, isSafeExternalUrl, secureWebPreferences } from './securityPolicy';

// Electron's security checklist: https://www.electronjs.org/docs/latest/tutorial/security
describe('window webPreferences', () => {
  const prefs = secureWebPreferences('/app/preload.cjs');

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('denies by default and allows scripts only from our own origin, without eval or inline', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('blocks plugins, framing, base-tag hijacking, form posts and outside connections', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).not.toContain('https:');
  });

  it("requires Trusted Types for script sinks, with only our two policies and DOMPurify's", () => {
    expect(directives.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(directives.get('trusted-types')).toEqual(['byline-preview', 'default', 'dompurify']);
  });
});

describe('navigation and external links', () => {
  it.each([
    ['https://example.com/a', true],
    ['http://example.com', true],
    ['mailto:desk@example.com', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['smb://host/share', false],
    ['byline://app/index.html', false],
    ['not a url', false],
  ])('openExternal(%s) allowed: %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
  });

  it('lets a window navigate to the entry page only', () => {
    expect(isEntryUrl('byline://app/index.html')).toBe(true);
    expect(isEntryUrl('byline://app/index.html#tab')).toBe(true);
    expect(isEntryUrl('byline://app/asset/images/evil.svg')).toBe(false);
    expect(isEntryUrl('byline://app/index.html?x=1')).toBe(false);
    expect(isEntryUrl('byline://app/other.html')).toBe(false);
    expect(isEntryUrl('https://app/index.html')).toBe(false);
  });

  it('recognises only our own app origin as in-app', () => {
    expect(isAppUrl('byline://app/index.html')).toBe(true);
    expect(isAppUrl('byline://evil/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
  });
});
