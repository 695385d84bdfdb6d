/**
 * Counts the steps a scanner takes over user text. Scanners that must stay linear on hostile
 * input (statistics, footnotes, citations, library summaries) take an optional meter and tick it
 * once per unit of work they do: a character examined, a line handled, a regex pass over a line.
 * Tests count steps on inputs of n and 10·n characters to prove the work linear without timing
 * it; `byline check` uses a budgeted meter to stop one pathological file and move on.
 */
export interface WorkMeter {
  tick(steps?: number): void;
}

/** The default: counts nothing, costs one call. */
export const unmetered: WorkMeter = { tick() {} };

/** Adds up every tick. */
export class StepCounter implements WorkMeter {
  steps = 0;

  tick(steps = 1): void {
    this.steps += steps;
  }
}

/** Thrown by a BudgetMeter when the work it measures runs past its budget. */
export class WorkBudgetExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(`took longer than ${limitMs} ms`);
    this.name = 'WorkBudgetExceeded';
  }
}

/** How many steps pass between two looks at the clock: reading it costs more than a step. */
const STEPS_BETWEEN_CLOCK_READS = 1 << 16;

/**
 * Stops work that runs past a time budget: throws WorkBudgetExceeded from the tick that finds
 * the clock beyond the deadline. The clock is passed in (shared code has no timer of its own).
 */
export class BudgetMeter implements WorkMeter {
  private readonly deadline: number;
  private untilClockRead = STEPS_BETWEEN_CLOCK_READS;

  constructor(
    private readonly now: () => number,
    readonly limitMs: number,
  ) {
    this.deadline = now() + limitMs;
  }

  tick(steps = 1): void {
    this.untilClockRead -= steps;
    if (this.untilClockRead > 0) return;
    this.untilClockRead = STEPS_BETWEEN_CLOCK_READS;
    this.check();
  }

  /** Looks at the clock now: for the places between metered scans (a third-party parser's run). */
  check(): void {
    if (this.now() > this.deadline) throw new WorkBudgetExceeded(this.limitMs);
  }
}
