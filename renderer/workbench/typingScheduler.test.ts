import { describe, expect, it } from 'vitest';
import type { TypingClock } from './typingScheduler';
import { TypingScheduler } from './typingScheduler';

/** A clock the test moves by hand: timers fire and frames are painted only when it says so. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let paints: { run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: TypingClock = {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
    afterPaint(run) {
      const id = nextId++;
      paints.push({ run, id });
      return () => void (paints = paints.filter((p) => p.id !== id));
    },
  };
  return {
    clock,
    /** Moves time forward, firing due timers in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.run();
      }
      now = until;
    },
    /** A frame is produced: after-paint callbacks run. */
    paint() {
      const due = paints;
      paints = [];
      for (const p of due) p.run();
    },
    get timersPending() {
      return timers.length;
    },
  };
}

const schedule = { quietMs: 100, maxDelayMs: 1000 };

describe('typing scheduler', () => {
  it('runs the work right after the frame of a change that follows a pause', () => {
    const time = manualClock();
    let runs = 0;
    const scheduler = new TypingScheduler(() => runs++, schedule, time.clock);
    scheduler.changed();
    expect(runs).toBe(0);
    time.paint();
    expect(runs).toBe(1);
    time.advance(500);
    scheduler.changed();
    time.paint();
    expect(runs).toBe(2);
  });

  it('holds the work during a burst of keys and runs it once they pause', () => {
    const time = manualClock();
    let runs = 0;
    const scheduler = new TypingScheduler(() => runs++, schedule, time.clock);
    scheduler.changed();
    time.paint();
    expect(runs).toBe(1);
    for (let key = 0; key < 8; key++) {
      time.advance(40);
      scheduler.changed();
      time.paint();
    }
    expect(runs).toBe(1);
    // One timer for the whole burst, not one per key.
    expect(time.timersPending).toBe(1);
    time.advance(99);
    expect(runs).toBe(1);
    time.advance(1);
    expect(runs).toBe(2);
    time.advance(1000);
    expect(runs).toBe(2);
  });

  it('still runs at least every maxDelayMs while keys never pause', () => {
    const time = manualClock();
    const runsAt: number[] = [];
    const scheduler = new TypingScheduler(
      () => runsAt.push(time.clock.now()),
      schedule,
      time.clock,
    );
    for (let at = 0; at <= 2500; at += 50) {
      scheduler.changed();
      time.paint();
      time.advance(50);
    }
    // A second after the first key the previous run had not seen.
    expect(runsAt).toEqual([0, 1050, 2100]);
    // The last key was at 2500: the burst ends 100 ms later.
    time.advance(100);
    expect(runsAt).toEqual([0, 1050, 2100, 2600]);
  });

  it('without leading, a change after a pause waits for the quiet as well', () => {
    const time = manualClock();
    let runs = 0;
    const scheduler = new TypingScheduler(
      () => runs++,
      { ...schedule, leading: false },
      time.clock,
    );
    scheduler.changed();
    time.paint();
    expect(runs).toBe(0);
    time.advance(100);
    expect(runs).toBe(1);
  });

  it('runs pending work on flush and nothing after cancel', () => {
    const time = manualClock();
    let runs = 0;
    const scheduler = new TypingScheduler(() => runs++, schedule, time.clock);
    scheduler.flush();
    expect(runs).toBe(0);
    scheduler.changed();
    scheduler.flush();
    expect(runs).toBe(1);
    time.paint();
    expect(runs).toBe(1);
    time.advance(10);
    scheduler.changed();
    scheduler.cancel();
    time.paint();
    time.advance(5000);
    expect(runs).toBe(1);
  });
});
