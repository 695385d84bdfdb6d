import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  PrintToPDFOptions,
  Rectangle,
  WebPreferences,
  WindowOpenHandlerResponse,
} from 'electron';
import type { Frame, Page } from 'playwright-core';
import type { CallRecord } from './callRecord';
import { deliverInPage, ipcBindingName, preloadInitScript } from './preloadInPage';
import { chromiumUrlOf, electronOriginOf, electronUrlOf } from './schemeUrls';
import type { CheckedPermission, StandInSession } from './standInSession';
import { permissionsInChromium } from './standInSession';

/** What a window needs from the stand-in it belongs to. */
export interface WindowHost {
  record: CallRecord;
  standardSchemes(): ReadonlySet<string>;
  sessionFor(preferences: WebPreferences): StandInSession;
  invoke(
    contents: StandInWebContents,
    frame: Frame,
    channel: string,
    args: unknown[],
  ): Promise<unknown>;
  setPermission(page: Page, chromiumName: string, origin: string, granted: boolean): Promise<void>;
  darkMode(): boolean;
  pageOpened(page: Page, window: StandInBrowserWindow): void;
  windowCreated(window: StandInBrowserWindow): void;
  /** Web preferences stripped on construction: a deliberate break for the harness's self-test. */
  strippedPreferences: ReadonlySet<keyof WebPreferences>;
  windowClosed(window: StandInBrowserWindow): void;
  windowFocused(window: StandInBrowserWindow): void;
}

/** A preventable Electron event object. */
export class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** Electron's WebFrameMain for a Chromium frame: its URL as main would see it. */
export class StandInWebFrameMain implements Pick<
  Electron.WebFrameMain,
  'url' | 'origin' | 'name' | 'detached'
> {
  readonly url: string;
  readonly origin: string;
  readonly name: string;
  readonly detached: boolean;

  constructor(frame: Frame) {
    this.url = electronUrlOf(frame.url());
    this.name = frame.name();
    this.detached = frame.isDetached();
    this.origin = electronOriginOf(this.url);
  }
}

const pageSizesInInches: Record<string, { width: number; height: number }> = {
  A0: { width: 33.1, height: 46.8 },
  A1: { width: 23.4, height: 33.1 },
  A2: { width: 16.54, height: 23.4 },
  A3: { width: 11.7, height: 16.54 },
  A4: { width: 8.27, height: 11.7 },
  A5: { width: 5.83, height: 8.27 },
  A6: { width: 4.13, height: 5.83 },
  Legal: { width: 8.5, height: 14 },
  Letter: { width: 8.5, height: 11 },
  Tabloid: { width: 11, height: 17 },
  Ledger: { width: 17, height: 11 },
};

let nextId = 1;

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  page: Page | null = null;
  private destroyed = false;
  private openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  /** The Chromium URL loadURL is navigating to: that navigation is main's own, not 'will-navigate'. */
  private programmaticNavigation: string | null = null;
  private sendQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: WindowHost,
    readonly session: StandInSession,
    readonly preferences: WebPreferences,
    /** The Chromium page showing this web contents, once it exists. */
    readonly pageReady: Promise<Page>,
  ) {
    super();
    void pageReady.then((page) => (this.page = page));
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  markDestroyed(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  getURL(): string {
    return this.page ? electronUrlOf(this.page.url()) : '';
  }

  async loadURL(url: string): Promise<void> {
    this.host.record.add('webContents.loadURL', url);
    const page = await this.pageReady;
    const target = chromiumUrlOf(url, this.host.standardSchemes());
    await this.applyPermissions(page, url, target);
    this.programmaticNavigation = target;
    const response = await page.goto(target);
    if (response && !response.ok())
      throw new Error(`ERR_FAILED (${response.status()}) loading '${url}'`);
    this.emit('did-finish-load');
  }

  loadFile(file: string): Promise<void> {
    return this.loadURL(pathToFileURL(file).href);
  }

  /** True once for loadURL's own navigation; any other main-frame navigation is the page's. */
  takeProgrammaticNavigation(chromiumUrl: string): boolean {
    if (this.programmaticNavigation !== chromiumUrl) return false;
    this.programmaticNavigation = null;
    return true;
  }

  /** Electron's 'will-navigate': true when main prevents it. */
  willNavigate(url: string): boolean {
    const event = new StandInEvent();
    this.host.record.add('webContents.will-navigate', url);
    this.emit('will-navigate', event, url);
    this.host.record.add(
      'webContents.will-navigate.decision',
      url,
      event.defaultPrevented ? 'deny' : 'allow',
    );
    return event.defaultPrevented;
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.host.record.add('webContents.setWindowOpenHandler');
    this.openHandler = handler;
  }

  /** What main answers to `window.open` (or a target=_blank link) from this page; Electron allows without a handler. */
  windowOpenDecision(url: string, frameName: string): WindowOpenHandlerResponse['action'] {
    const response = this.openHandler?.({
      url,
      frameName,
      features: '',
      disposition: 'new-window',
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    }) ?? { action: 'allow' as const };
    this.host.record.add('webContents.windowOpen.decision', url, response.action);
    return response.action;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.host.record.add('webContents.send', channel, ...args);
    // In order, like Electron's IPC; a page mid-navigation misses the message, as in Electron.
    this.sendQueue = this.sendQueue.then(async () => {
      const page = await this.pageReady;
      await page.evaluate(deliverInPage, { channel, args }).catch(() => undefined);
    });
  }

  /** Main's invoke handlers answer through here (used by the bridge). */
  invoke(frame: Frame, channel: string, args: unknown[]): Promise<unknown> {
    return this.host.invoke(this, frame, channel, args);
  }

  async printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    this.host.record.add('webContents.printToPDF', options);
    const page = await this.pageReady;
    const size =
      typeof options.pageSize === 'object'
        ? options.pageSize
        : pageSizesInInches[options.pageSize ?? 'Letter'];
    if (!size) throw new Error(`Unsupported page size ${String(options.pageSize)}`);
    // Electron's defaults (1 cm margins, no background) and its options map one-to-one onto
    // Chromium's own Page.printToPDF, which is what Electron calls.
    const margin = 0.393701;
    const cdp = await page.context().newCDPSession(page);
    try {
      const { data } = await cdp.send('Page.printToPDF', {
        landscape: options.landscape ?? false,
        displayHeaderFooter: options.displayHeaderFooter ?? false,
        printBackground: options.printBackground ?? false,
        scale: options.scale ?? 1,
        paperWidth: size.width,
        paperHeight: size.height,
        marginTop: options.margins?.top ?? margin,
        marginBottom: options.margins?.bottom ?? margin,
        marginLeft: options.margins?.left ?? margin,
        marginRight: options.margins?.right ?? margin,
        pageRanges: options.pageRanges ?? '',
        headerTemplate: options.headerTemplate ?? '',
        footerTemplate: options.footerTemplate ?? '',
        preferCSSPageSize: options.preferCSSPageSize ?? false,
        generateTaggedPDF: options.generateTaggedPDF ?? false,
        generateDocumentOutline: options.generateDocumentOutline ?? false,
      });
      return Buffer.from(data, 'base64');
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  print(
    options: Electron.WebContentsPrintOptions = {},
    callback?: (success: boolean, failureReason: string) => void,
  ): void {
    // The system print dialog, which the writer closes without printing.
    this.host.record.add('webContents.print', options);
    setImmediate(() => callback?.(false, 'Print job canceled'));
  }

  replaceMisspelling(word: string): void {
    this.host.record.add('webContents.replaceMisspelling', word);
  }

  showDefinitionForSelection(): void {
    this.host.record.add('webContents.showDefinitionForSelection');
  }

  /**
   * Asks main's session handlers about each permission for the page's origin and sets Chromium's
   * answer to match, before the page loads: what the page then sees is what main decided.
   */
  private async applyPermissions(
    page: Page,
    electronUrl: string,
    chromiumUrl: string,
  ): Promise<void> {
    if (!/^https?:/.test(chromiumUrl)) return;
    const origin = electronOriginOf(electronUrl);
    for (const [permission, chromiumNames] of Object.entries(permissionsInChromium)) {
      const granted = await this.session.decidePermission(
        this as unknown as Electron.WebContents,
        permission as CheckedPermission,
        origin,
        electronUrl,
      );
      for (const name of chromiumNames)
        await this.host.setPermission(page, name, new URL(chromiumUrl).origin, granted);
    }
  }
}

/** The members main uses, checked against Electron's own declarations. */
export type WebContentsSurface = Pick<
  Electron.WebContents,
  | 'id'
  | 'isDestroyed'
  | 'getURL'
  | 'loadURL'
  | 'loadFile'
  | 'setWindowOpenHandler'
  | 'send'
  | 'print'
  | 'replaceMisspelling'
  | 'showDefinitionForSelection'
>;
export const webContentsSurfaceCheck = (contents: StandInWebContents): WebContentsSurface =>
  contents;

const defaultSize = { width: 800, height: 600 };

/** Electron's BrowserWindow for one stand-in: a Chromium page per window, bounds kept as data. */
export interface BrowserWindowClass {
  new (options?: BrowserWindowConstructorOptions): StandInBrowserWindow;
  getAllWindows(): StandInBrowserWindow[];
  getFocusedWindow(): StandInBrowserWindow | null;
  fromWebContents(contents: StandInWebContents): StandInBrowserWindow | null;
}

export function createBrowserWindowClass(host: WindowHost): BrowserWindowClass {
  const windows: StandInBrowserWindow[] = [];
  let focused: StandInBrowserWindow | null = null;
  const markFocused = (window: StandInBrowserWindow): void => {
    focused = window;
  };

  class BrowserWindow extends StandInBrowserWindow {
    static getAllWindows(): StandInBrowserWindow[] {
      return [...windows];
    }

    static getFocusedWindow(): StandInBrowserWindow | null {
      return focused;
    }

    static fromWebContents(contents: StandInWebContents): StandInBrowserWindow | null {
      return windows.find((window) => window.webContents === contents) ?? null;
    }

    constructor(options: BrowserWindowConstructorOptions = {}) {
      super(host, options);
      windows.push(this);
      host.windowCreated(this);
      this.on('focus', () => markFocused(this));
      this.on('closed', () => {
        windows.splice(windows.indexOf(this), 1);
        if (focused === this) focused = null;
        host.windowClosed(this);
      });
    }
  }
  return BrowserWindow;
}

export class StandInBrowserWindow extends EventEmitter {
  readonly id: number;
  readonly webContents: StandInWebContents;
  readonly options: BrowserWindowConstructorOptions;
  private bounds: Rectangle;
  private readonly minSize: { width: number; height: number };
  private maximized = false;
  private fullScreen = false;
  private minimized = false;
  private visible: boolean;
  private destroyed = false;
  private shownOnce = false;

  constructor(
    private readonly host: WindowHost,
    options: BrowserWindowConstructorOptions,
  ) {
    super();
    const preferences: WebPreferences = { ...(options.webPreferences ?? {}) };
    for (const stripped of host.strippedPreferences) delete preferences[stripped];
    this.options = { ...options, webPreferences: preferences };
    host.record.add('new BrowserWindow', this.options);
    this.minSize = { width: options.minWidth ?? 0, height: options.minHeight ?? 0 };
    const width = Math.max(options.width ?? defaultSize.width, this.minSize.width);
    const height = Math.max(options.height ?? defaultSize.height, this.minSize.height);
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width, height };
    this.visible = options.show ?? true;
    const session = host.sessionFor(preferences);
    const page = this.openPage(session, preferences);
    this.webContents = new StandInWebContents(host, session, preferences, page);
    this.id = this.webContents.id;
    this.webContents.on('did-finish-load', () => {
      if (this.shownOnce) return;
      this.shownOnce = true;
      this.emit('ready-to-show');
    });
    if (this.visible) setImmediate(() => this.focus());
  }

  private async openPage(session: StandInSession, preferences: WebPreferences): Promise<Page> {
    const context = await session.context();
    const page = await context.newPage();
    this.host.pageOpened(page, this);
    await page.setViewportSize({ width: this.bounds.width, height: this.bounds.height });
    if (this.host.darkMode()) await page.emulateMedia({ colorScheme: 'dark' });
    if (preferences.javascript === false) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    }
    if (preferences.preload) {
      await page.exposeBinding(
        ipcBindingName,
        ({ frame }, message: { channel: string; args: unknown[] }) =>
          this.webContents.invoke(frame, message.channel, message.args),
      );
      await page.addInitScript({
        content: preloadInitScript(readFileSync(preferences.preload, 'utf8')),
      });
    }
    page.on('close', () => {
      if (!this.destroyed) this.destroy();
    });
    return page;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  loadFile(file: string): Promise<void> {
    return this.webContents.loadFile(file);
  }

  /** Like a click on the title bar's close button: 'close' may be prevented by main. */
  close(): void {
    if (this.destroyed) return;
    const event = new StandInEvent();
    this.host.record.add('BrowserWindow.close', this.id);
    this.emit('close', event);
    this.host.record.add(
      'BrowserWindow.close.decision',
      this.id,
      event.defaultPrevented ? 'prevented' : 'closes',
    );
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.markDestroyed();
    void this.webContents.page?.close({ runBeforeUnload: false }).catch(() => undefined);
    this.emit('closed');
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  show(): void {
    this.visible = true;
    this.focus();
  }

  hide(): void {
    this.visible = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  focus(): void {
    if (this.destroyed) return;
    this.minimized = false;
    this.emit('focus');
    this.host.windowFocused(this);
  }

  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }

  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }

  unmaximize(): void {
    this.maximized = false;
    this.emit('unmaximize');
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  setSize(width: number, height: number): void {
    this.setBounds({ width, height });
  }

  getSize(): number[] {
    return [this.bounds.width, this.bounds.height];
  }

  setBounds(bounds: Partial<Rectangle>): void {
    // The window manager keeps a window at least its minimum size.
    this.bounds = {
      x: bounds.x ?? this.bounds.x,
      y: bounds.y ?? this.bounds.y,
      width: Math.max(bounds.width ?? this.bounds.width, this.minSize.width),
      height: Math.max(bounds.height ?? this.bounds.height, this.minSize.height),
    };
    const { width, height } = this.bounds;
    void this.webContents.page?.setViewportSize({ width, height }).catch(() => undefined);
    this.emit('resize');
  }

  getBounds(): Rectangle {
    return { ...this.bounds };
  }

  /** The bounds the window returns to from maximised or full screen: kept apart from those states. */
  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }

  getTitle(): string {
    return this.options.title ?? '';
  }
}

export type BrowserWindowSurface = Pick<
  Electron.BrowserWindow,
  | 'loadURL'
  | 'loadFile'
  | 'close'
  | 'destroy'
  | 'isDestroyed'
  | 'show'
  | 'hide'
  | 'isVisible'
  | 'focus'
  | 'minimize'
  | 'isMinimized'
  | 'restore'
  | 'maximize'
  | 'unmaximize'
  | 'isMaximized'
  | 'setFullScreen'
  | 'isFullScreen'
  | 'setSize'
  | 'getSize'
  | 'setBounds'
  | 'getBounds'
  | 'getNormalBounds'
  | 'getTitle'
>;
export const browserWindowSurfaceCheck = (window: StandInBrowserWindow): BrowserWindowSurface =>
  window;
