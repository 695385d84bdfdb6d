import { afterPaint } from './afterPaint';

/** The clocks a TypingScheduler runs on; tests pass their own to step through time. */
export interface TypingClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `run` right after the next frame has been produced. */
  afterPaint(run: () => void): () => void;
}

export const browserTypingClock: TypingClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  afterPaint,
};

export interface TypingSchedule {
  /** Changes at least this far apart are separate bursts; a burst ends after this long quiet. */
  quietMs: number;
  /** While changes keep coming without a pause, the work still runs at least this often. */
  maxDelayMs: number;
  /**
   * False: a change after a pause waits for the quiet too (work that nobody watches as the key
   * lands, such as side panels), so it never competes with the preview right after a key.
   */
  leading?: boolean;
}

/**
 * Keeps background work (preview, panels, status bar) off the keys of a typing burst. A change
 * that starts a burst (the writer paused before it) gets the work right after its frame, in the
 * gap before the next key (unless the schedule is not `leading`); changes inside a burst only
 * note the time, and the work runs once the burst has been quiet for `quietMs`, or right after a
 * frame once `maxDelayMs` has passed since the oldest change the work has not seen.
 * `changed()` is O(1) and sets no timer while one is pending: it runs on every key.
 */
export class TypingScheduler {
  private lastChangeAt = -Infinity;
  /** When the oldest change the work has not seen yet came. */
  private firstPendingAt = 0;
  private pending = false;
  private quietTimer: unknown = null;
  private cancelPaint: (() => void) | null = null;

  constructor(
    private readonly work: () => void,
    private readonly schedule: TypingSchedule,
    private readonly clock: TypingClock = browserTypingClock,
  ) {}

  changed(): void {
    const now = this.clock.now();
    const startsBurst =
      this.schedule.leading !== false && now - this.lastChangeAt >= this.schedule.quietMs;
    this.lastChangeAt = now;
    if (!this.pending) this.firstPendingAt = now;
    this.pending = true;
    if (this.cancelPaint) return;
    if (startsBurst || now - this.firstPendingAt >= this.schedule.maxDelayMs) {
      this.runAfterPaint();
      return;
    }
    if (this.quietTimer === null) this.armQuietTimer(this.schedule.quietMs);
  }

  /** Runs pending work now (a caller needs it current), or nothing when none is pending. */
  flush(): void {
    if (this.pending) this.run();
  }

  cancel(): void {
    this.pending = false;
    this.cancelPaint?.();
    this.cancelPaint = null;
    if (this.quietTimer !== null) this.clock.clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }

  private armQuietTimer(ms: number): void {
    this.quietTimer = this.clock.setTimeout(() => {
      this.quietTimer = null;
      if (!this.pending || this.cancelPaint) return;
      const quietFor = this.clock.now() - this.lastChangeAt;
      // Keys kept coming: wait out the rest of the pause from the latest one.
      if (quietFor < this.schedule.quietMs) this.armQuietTimer(this.schedule.quietMs - quietFor);
      else this.run();
    }, ms);
  }

  private runAfterPaint(): void {
    this.cancelPaint = this.clock.afterPaint(() => {
      this.cancelPaint = null;
      this.run();
    });
  }

  private run(): void {
    this.cancel();
    this.work();
  }
}
