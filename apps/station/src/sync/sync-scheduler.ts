import type { TimerHandle, Timers } from "./timers.js";

/** How to go on after a round failed: again shortly, after the backoff, or wait to be asked. */
export type Retry = "soon" | "backoff" | "none";

/** The pause before a retry that is not about the server refusing (a request that failed in flight). */
export const RETRY_SOON_MS = 300;
/** A failure that repeats is retried less and less often: 3 s, 6 s, 12 s … up to a minute. */
export const BACKOFF_FIRST_MS = 3_000;
export const BACKOFF_MAX_MS = 60_000;
/** How often the scheduler asks whether a round is due though nobody asked for one. */
export const TICK_MS = 1_000;

/** The pause before retry number `failuresInARow` (1 for the first failure). */
export function backoffDelayMs(failuresInARow: number): number {
  return Math.min(BACKOFF_FIRST_MS * 2 ** (failuresInARow - 1), BACKOFF_MAX_MS);
}

export interface SchedulerDeps {
  readonly timers: Timers;
  /** One round of sync work. */
  round(): Promise<void>;
  /** Whether a round may run now (the server answers, the station is provisioned…). */
  canRun(): boolean;
  /** Asked every tick while a round may run: whether one is due although nobody asked. */
  dueOnTick(now: number): boolean;
  /** A round threw: how to go on. */
  failed(error: unknown): Retry;
  /** The pause before a round asked for while the previous one was ending (lets a burst share one). */
  rerunDelayMs: number;
}

/**
 * When the sync engine works: on request after a delay (`kick`), every tick when something is
 * due, and again after a failure (soon, or with an exponential backoff while failures repeat).
 * Only one round is ever in progress; asking during a round runs another once it is over.
 */
export class SyncScheduler {
  private stopped = true;
  private wanted = false;
  private running: Promise<void> | undefined;
  private kickTimer: TimerHandle;
  private retryTimer: TimerHandle;
  private tickTimer: TimerHandle;
  private failuresInARow = 0;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.stopped = false;
    this.tickTimer = this.deps.timers.setInterval(() => this.tick(), TICK_MS);
  }

  /** Stops at once (no round starts from now on); resolves when the round in progress is over. */
  stop(): Promise<void> {
    const { timers } = this.deps;
    this.stopped = true;
    timers.clearInterval(this.tickTimer);
    timers.clearTimeout(this.kickTimer);
    timers.clearTimeout(this.retryTimer);
    return this.running ?? Promise.resolve();
  }

  /** Asks for a round (once more) after `delayMs`; asks made meanwhile share it. */
  kick(delayMs: number): void {
    this.wanted = true;
    if (this.running || this.kickTimer !== undefined || this.stopped) return;
    this.kickTimer = this.deps.timers.setTimeout(() => {
      this.kickTimer = undefined;
      this.running = this.work().finally(() => {
        this.running = undefined;
        if (this.wanted) this.kick(this.deps.rerunDelayMs);
      });
    }, delayMs);
  }

  /** The server took what the engine sent: the next failure is retried at the first backoff again. */
  succeeded(): void {
    this.failuresInARow = 0;
  }

  private tick(): void {
    if (this.stopped || !this.deps.canRun()) return;
    if (this.deps.dueOnTick(this.deps.timers.now())) this.kick(0);
  }

  /** Runs a round again after `delayMs` (a retry after a failure, not a burst of changes). */
  private later(delayMs: number): void {
    const { timers } = this.deps;
    timers.clearTimeout(this.retryTimer);
    this.retryTimer = timers.setTimeout(() => this.kick(0), delayMs);
  }

  private async work(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      if (!this.deps.canRun()) return;
      try {
        await this.deps.round();
      } catch (error) {
        this.retry(this.deps.failed(error));
        return;
      }
    }
  }

  private retry(how: Retry): void {
    if (how === "soon") {
      this.later(RETRY_SOON_MS);
    } else if (how === "backoff") {
      this.failuresInARow += 1;
      this.later(backoffDelayMs(this.failuresInARow));
    }
  }
}
