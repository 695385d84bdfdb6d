import { EventEmitter } from 'node:events';
import type { Browser, BrowserContext } from 'playwright-core';
import type { CallRecord } from './callRecord';

type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type BeforeRequestListener = (
  details: { url: string; method: string; resourceType: string },
  callback: (response: Electron.CallbackResponse) => void,
) => void;

/** Electron permission names and the web permissions each stands for (CDP Browser.setPermission). */
export const permissionsInChromium = {
  notifications: ['notifications'],
  geolocation: ['geolocation'],
  media: ['camera', 'microphone'],
  'clipboard-read': ['clipboard-read'],
  midi: ['midi'],
  'idle-detection': ['idle-detection'],
} as const;
export type CheckedPermission = keyof typeof permissionsInChromium;

/**
 * A session is a Chromium browser context (one profile): its pages share storage, permission
 * answers and request filters. Created in Chromium on first use, as Electron does.
 */
export class StandInSession extends EventEmitter {
  private checkHandler: PermissionCheckHandler = null;
  private requestHandler: PermissionRequestHandler = null;
  private beforeRequest: BeforeRequestListener | null = null;
  private contextPromise: Promise<BrowserContext> | null = null;
  private spellcheck = { enabled: true, languages: ['en-US'] };
  readonly availableSpellCheckerLanguages = ['de-DE', 'en-GB', 'en-US', 'fr-FR', 'zh-CN'];
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener | null): void => {
      this.record.add('session.webRequest.onBeforeRequest', this.partition);
      this.beforeRequest = listener;
    },
  };

  constructor(
    readonly partition: string,
    private readonly record: CallRecord,
    private readonly browser: Browser,
    private readonly setUp: (context: BrowserContext, session: StandInSession) => Promise<void>,
  ) {
    super();
  }

  context(): Promise<BrowserContext> {
    this.contextPromise ??= this.browser.newContext({ viewport: null }).then(async (context) => {
      await this.setUp(context, this);
      return context;
    });
    return this.contextPromise;
  }

  async close(): Promise<void> {
    if (this.contextPromise) await (await this.contextPromise).close();
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.record.add('session.setPermissionCheckHandler', this.partition);
    this.checkHandler = handler;
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.record.add('session.setPermissionRequestHandler', this.partition);
    this.requestHandler = handler;
  }

  /**
   * The answer main gives for one permission of a page, asked through both handlers; with neither
   * set Electron grants (its documented default), so a missing handler shows as a grant.
   */
  async decidePermission(
    contents: Electron.WebContents,
    permission: CheckedPermission,
    origin: string,
    requestingUrl: string,
  ): Promise<boolean> {
    const checked =
      this.checkHandler?.(contents, permission, origin, {
        isMainFrame: true,
        requestingUrl,
        embeddingOrigin: origin,
      }) ?? true;
    const requested = this.requestHandler
      ? await new Promise<boolean>((resolve) =>
          this.requestHandler?.(contents, permission, resolve, {
            isMainFrame: true,
            requestingUrl,
          }),
        )
      : true;
    const granted = checked && requested;
    this.record.add('session.permission', { permission, origin, granted });
    return granted;
  }

  /** The request filter of `webRequest.onBeforeRequest`: true when main cancels the request. */
  async cancels(url: string, method: string, resourceType: string): Promise<boolean> {
    const listener = this.beforeRequest;
    if (!listener) return false;
    return new Promise((resolve) =>
      listener({ url, method, resourceType }, (response) => resolve(response.cancel === true)),
    );
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.record.add('session.setSpellCheckerEnabled', enabled);
    this.spellcheck.enabled = enabled;
  }

  isSpellCheckerEnabled(): boolean {
    return this.spellcheck.enabled;
  }

  setSpellCheckerLanguages(languages: string[]): void {
    this.record.add('session.setSpellCheckerLanguages', languages);
    const unknown = languages.filter((code) => !this.availableSpellCheckerLanguages.includes(code));
    // Electron throws for a language it has no dictionary for.
    if (unknown.length > 0)
      throw new Error(`Invalid language code provided: ${unknown.join(', ')}`);
    this.spellcheck.languages = [...languages];
  }

  getSpellCheckerLanguages(): string[] {
    return [...this.spellcheck.languages];
  }

  addWordToSpellCheckerDictionary(word: string): boolean {
    this.record.add('session.addWordToSpellCheckerDictionary', word);
    return true;
  }
}

// Drift check: the members main calls keep Electron's parameter types.
export type SessionSurface = Pick<
  Electron.Session,
  | 'setPermissionCheckHandler'
  | 'setPermissionRequestHandler'
  | 'setSpellCheckerEnabled'
  | 'isSpellCheckerEnabled'
  | 'setSpellCheckerLanguages'
  | 'getSpellCheckerLanguages'
  | 'addWordToSpellCheckerDictionary'
  | 'availableSpellCheckerLanguages'
>;
export const sessionSurfaceCheck = (session: StandInSession): SessionSurface => session;

export function createSessionModule(sessions: {
  defaultSession: StandInSession;
  fromPartition(partition: string): StandInSession;
}) {
  return {
    get defaultSession(): StandInSession {
      return sessions.defaultSession;
    },
    fromPartition: (partition: string, _options?: { cache?: boolean }): StandInSession =>
      sessions.fromPartition(partition),
  };
}
