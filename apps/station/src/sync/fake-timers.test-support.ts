import type { TimerHandle, Timers } from "./timers.js";

interface Timer {
  readonly id: number;
  at: number;
  readonly run: () => void;
  readonly everyMs: number | null;
}

/** Lets every promise callback that is ready run (they all run before the next I/O turn). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Timers that move only when a test says so: `advance(ms)` runs each timer that falls due, in
 * the order they fall due, and lets promises settle after each, so work started by a timer goes
 * as far as it can before the next one fires.
 */
export class FakeTimers implements Timers {
  private current = 0;
  private lastId = 0;
  private readonly timers = new Map<number, Timer>();

  now(): number {
    return this.current;
  }

  setTimeout(run: () => void, delayMs: number): TimerHandle {
    return this.add(run, delayMs, null);
  }

  setInterval(run: () => void, everyMs: number): TimerHandle {
    return this.add(run, everyMs, Math.max(1, everyMs));
  }

  clearTimeout(handle: TimerHandle): void {
    if (typeof handle === "number") this.timers.delete(handle);
  }

  clearInterval(handle: TimerHandle): void {
    this.clearTimeout(handle);
  }

  /** How many timers are set. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves the clock on by `ms`, running what falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      const due = this.nextDue(target);
      if (!due) break;
      this.current = due.at;
      if (due.everyMs === null) this.timers.delete(due.id);
      else due.at += due.everyMs;
      due.run();
    }
    this.current = target;
    await settle();
  }

  /** Advances in `stepMs` steps until `check` holds; fails after `limitMs` of fake time. */
  async until(check: () => boolean, limitMs = 60_000, stepMs = 1): Promise<number> {
    const start = this.current;
    while (!check()) {
      if (this.current - start >= limitMs) throw new Error(`not so within ${limitMs} ms of fake time`);
      await this.advance(stepMs);
    }
    return this.current;
  }

  private add(run: () => void, delayMs: number, everyMs: number | null): number {
    this.lastId += 1;
    const id = this.lastId;
    this.timers.set(id, { id, at: this.current + Math.max(0, delayMs), run, everyMs });
    return id;
  }

  private nextDue(target: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.at <= target && (!next || timer.at < next.at)) next = timer;
    }
    return next;
  }
}
