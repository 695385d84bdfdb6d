import { EventEmitter } from 'node:events';
import type { CallRecord } from './callRecord';
import { StandInEvent } from './standInBrowserWindow';

type PathName = Parameters<Electron.App['getPath']>[0];

/**
 * Electron's single-instance lock is held per user-data folder by one process; a second process
 * asking for it gets false and the first gets 'second-instance' with the second's command line.
 * Shared by every stand-in of one test worker, as the folder is shared by processes.
 */
export class SingleInstanceLocks {
  private readonly holders = new Map<string, StandInApp>();

  request(app: StandInApp, argv: readonly string[], cwd: string, additionalData: unknown): boolean {
    const folder = app.getPath('userData');
    const holder = this.holders.get(folder);
    if (holder && holder !== app && !holder.hasQuit()) {
      setImmediate(() =>
        holder.emit('second-instance', new StandInEvent(), [...argv], cwd, additionalData),
      );
      return false;
    }
    this.holders.set(folder, app);
    return true;
  }

  release(app: StandInApp): void {
    for (const [folder, holder] of this.holders) if (holder === app) this.holders.delete(folder);
  }

  holds(app: StandInApp): boolean {
    return [...this.holders.values()].includes(app);
  }
}

export interface AppOptions {
  record: CallRecord;
  locks: SingleInstanceLocks;
  argv: readonly string[];
  cwd: string;
  paths: Partial<Record<PathName, string>> & { userData: string; documents: string };
  version: string;
  locale: string;
  /** Closes every window, as quitting does; false when one of them refused. */
  closeAllWindows(): boolean;
  windowCount(): number;
}

/** Electron's `app`: ready, paths, the single-instance lock and the quit sequence. */
export class StandInApp extends EventEmitter {
  readonly isPackaged = false;
  readonly dock = undefined;
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private markReady!: () => void;
  private quitState: 'running' | 'quitting' | 'quit' = 'running';
  private readonly quitPromise: Promise<void>;
  private markQuit!: () => void;
  private sandboxed = false;

  constructor(private readonly options: AppOptions) {
    super();
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
    this.quitPromise = new Promise((resolve) => (this.markQuit = resolve));
    this.on('window-all-closed-internal', () => {
      // Electron quits by itself when nothing listens for 'window-all-closed'.
      if (this.listenerCount('window-all-closed') === 0) this.quit();
      else this.emit('window-all-closed', new StandInEvent());
    });
  }

  /** Called by the harness once main's synchronous start-up has run, as Electron does. */
  becomeReady(): void {
    if (this.ready || this.quitState !== 'running') return;
    this.ready = true;
    this.emit('will-finish-launching');
    this.emit('ready', new StandInEvent(), {});
    this.markReady();
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** Resolves once 'quit' has been emitted. */
  whenQuit(): Promise<void> {
    return this.quitPromise;
  }

  hasQuit(): boolean {
    return this.quitState === 'quit';
  }

  isSandboxEnabled(): boolean {
    return this.sandboxed;
  }

  enableSandbox(): void {
    this.options.record.add('app.enableSandbox');
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxed = true;
  }

  getPath(name: PathName): string {
    const known = this.options.paths[name];
    if (!known) throw new Error(`Failed to get '${name}' path`);
    return known;
  }

  setPath(name: PathName, value: string): void {
    this.options.record.add('app.setPath', name, value);
    this.options.paths[name] = value;
  }

  getVersion(): string {
    return this.options.version;
  }

  getName(): string {
    return 'Byline';
  }

  getLocale(): string {
    return this.options.locale;
  }

  setAppUserModelId(id: string): void {
    this.options.record.add('app.setAppUserModelId', id);
  }

  requestSingleInstanceLock(additionalData?: Record<never, never>): boolean {
    const granted = this.options.locks.request(
      this,
      this.options.argv,
      this.options.cwd,
      additionalData,
    );
    this.options.record.add('app.requestSingleInstanceLock', granted);
    return granted;
  }

  hasSingleInstanceLock(): boolean {
    return this.options.locks.holds(this);
  }

  releaseSingleInstanceLock(): void {
    this.options.locks.release(this);
  }

  addRecentDocument(file: string): void {
    this.options.record.add('app.addRecentDocument', file);
  }

  clearRecentDocuments(): void {
    this.options.record.add('app.clearRecentDocuments');
  }

  setJumpList(categories: Electron.JumpListCategory[] | null): 'ok' {
    this.options.record.add('app.setJumpList', categories);
    return 'ok';
  }

  focus(): void {}

  /**
   * Electron's sequence: 'before-quit', then every window is closed (any window refusing cancels
   * the quit), then 'will-quit' and 'quit'. Asynchronous, like the real one.
   */
  quit(): void {
    this.options.record.add('app.quit');
    if (this.quitState !== 'running') return;
    this.quitState = 'quitting';
    setImmediate(() => {
      const before = new StandInEvent();
      this.emit('before-quit', before);
      if (before.defaultPrevented || !this.options.closeAllWindows()) {
        this.quitState = 'running';
        return;
      }
      const will = new StandInEvent();
      this.emit('will-quit', will);
      if (will.defaultPrevented) {
        this.quitState = 'running';
        return;
      }
      this.quitState = 'quit';
      this.options.locks.release(this);
      this.emit('quit', new StandInEvent(), 0);
      this.markQuit();
    });
  }

  /** A window closed: the last one to close outside a quit ends the app on Linux and Windows. */
  windowClosed(): void {
    if (this.options.windowCount() === 0 && this.quitState === 'running')
      this.emit('window-all-closed-internal');
  }
}

export type AppSurface = Pick<
  Electron.App,
  | 'isPackaged'
  | 'isReady'
  | 'whenReady'
  | 'enableSandbox'
  | 'getPath'
  | 'setPath'
  | 'getVersion'
  | 'getName'
  | 'getLocale'
  | 'setAppUserModelId'
  | 'requestSingleInstanceLock'
  | 'hasSingleInstanceLock'
  | 'releaseSingleInstanceLock'
  | 'addRecentDocument'
  | 'clearRecentDocuments'
  | 'quit'
  | 'focus'
>;
export const appSurfaceCheck = (app: StandInApp): AppSurface => app;
