/**
 * Trusted Types for the page (the CSP says `require-trusted-types-for 'script'`): a string can no
 * longer reach an HTML sink (`innerHTML`) or a script URL sink (`new Worker`) by accident. Two
 * policies exist, and the CSP's `trusted-types` directive allows only them (plus DOMPurify's own):
 * - `byline-preview`: HTML for the preview, and it sanitizes every string itself;
 * - `default`: script URLs of our own origin only (Vite's worker URL); it has no `createHTML`, so
 *   any other HTML sink still throws.
 * Browsers without Trusted Types (and tests) get the sanitized string.
 */

interface TrustedTypePolicy {
  createHTML(input: string): unknown;
}

interface TrustedTypePolicyFactory {
  createPolicy(
    name: string,
    rules: {
      createHTML?: (input: string) => string;
      createScriptURL?: (input: string) => string | null;
    },
  ): TrustedTypePolicy;
}

const previewPolicyName = 'byline-preview';

const factory = (): TrustedTypePolicyFactory | undefined =>
  (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;

let scriptUrlPolicyInstalled = false;

/** Lets same-origin script URLs (our workers) through the `default` policy; call before any worker starts. */
export function installScriptUrlPolicy(): void {
  const types = factory();
  if (scriptUrlPolicyInstalled || !types) return;
  scriptUrlPolicyInstalled = true;
  types.createPolicy('default', {
    createScriptURL: (input) => {
      try {
        return new URL(input, location.href).origin === location.origin ? input : null;
      } catch {
        return null;
      }
    },
  });
}

let previewPolicy: TrustedTypePolicy | null = null;
let previewSanitize: ((html: string) => string) | null = null;

/**
 * The value to assign to the preview's `innerHTML`: sanitized by `sanitize`, wrapped as TrustedHTML
 * where the browser enforces it. One policy per page (a name can be created once), so the first
 * caller's sanitizer is the preview's.
 */
export function previewHtml(html: string, sanitize: (html: string) => string): string {
  const types = factory();
  if (!types) return sanitize(html);
  previewSanitize ??= sanitize;
  previewPolicy ??= types.createPolicy(previewPolicyName, {
    createHTML: (input) => (previewSanitize as (html: string) => string)(input),
  });
  // The DOM typings know no TrustedHTML; the browser accepts it wherever a string goes.
  return previewPolicy.createHTML(html) as string;
}
