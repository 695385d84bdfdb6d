/** The clocks a document runs on; tests pass their own to step through autosave without waiting. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `run` when the page has nothing better to do. */
  idle(run: () => void): void;
}

export const browserTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  idle: (run) =>
    typeof requestIdleCallback === 'function'
      ? void requestIdleCallback(run, { timeout: 2000 })
      : void globalThis.setTimeout(run, 0),
};
