import type { Timers } from '../../../renderer/document/timers';

/** Timers a test fires by hand: autosave and journal run exactly when the test says so. */
export class ManualTimers implements Timers {
  private readonly waiting = new Map<number, { run: () => void; ms: number }>();
  private next = 1;

  setTimeout(run: () => void, ms: number): number {
    const handle = this.next++;
    this.waiting.set(handle, { run, ms });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.waiting.delete(handle as number);
  }

  idle(run: () => void): void {
    this.setTimeout(run, 0);
  }

  /** Timers waiting for this delay. */
  pending(ms: number): number {
    return [...this.waiting.values()].filter((t) => t.ms === ms).length;
  }

  /** Runs the timers waiting for this delay (those set meanwhile wait for the next call). */
  fire(ms: number): void {
    for (const [handle, timer] of [...this.waiting]) {
      if (timer.ms !== ms) continue;
      this.waiting.delete(handle);
      timer.run();
    }
  }
}
