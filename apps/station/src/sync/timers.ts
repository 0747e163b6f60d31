/** A timer as the `Timers` that set it know it: only ever handed back to them. */
export type TimerHandle = unknown;

/**
 * The clock and timers a piece of the station schedules its work with, passed in so that a test
 * can drive them by hand (`FakeTimers`) instead of waiting on the wall clock.
 */
export interface Timers {
  /** Milliseconds, on whatever scale the timers keep; only differences between two readings matter. */
  now(): number;
  setTimeout(run: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setInterval(run: () => void, everyMs: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
}

/** Node's own timers, with `now` read from `now` (a monotonic clock unless told otherwise). */
export function systemTimers(now: () => number = () => performance.now()): Timers {
  return {
    now,
    setTimeout: (run, delayMs) => setTimeout(run, delayMs),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout | undefined),
    setInterval: (run, everyMs) => setInterval(run, everyMs),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout | undefined),
  };
}
