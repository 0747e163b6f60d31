import { systemTimers, type TimerHandle, type Timers } from "./timers.js";

/** How the monitor probes; the defaults meet "lost within 3 s, back within 2 s". */
export interface MonitorOptions {
  /** Pause between the end of one probe and the start of the next. */
  intervalMs: number;
  /** A probe slower than this is a failure (a black-holed link never answers). */
  timeoutMs: number;
  /** Consecutive failures before the server counts as lost (one blip is not an outage). */
  failuresToLose: number;
  /**
   * A slow probe right after a sync request succeeded means a busy server (it is storing a big
   * push), not a lost one: such timeouts are not counted for this long after a success.
   */
  busyGraceMs: number;
}

export const DEFAULT_MONITOR_OPTIONS: MonitorOptions = {
  intervalMs: 400,
  timeoutMs: 800,
  failuresToLose: 2,
  busyGraceMs: 1_000,
};

/** How a probe ended: answered, too slow, or refused/reset/unanswerable. */
export type ProbeResult = "ok" | "timeout" | "error";

type Listener = (reachable: boolean) => void;

/**
 * Knows whether the server is reachable. It probes `GET /healthz` in the background with a
 * short timeout and also learns from every sync request's outcome. Nothing waits on it: the
 * cashier's calls only ever read `reachable`.
 */
export class ConnectivityMonitor {
  private current = false;
  private failures = 0;
  private lastRequestSuccess = Number.NEGATIVE_INFINITY;
  private timer: TimerHandle;
  private stopped = true;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly probe: (timeoutMs: number) => Promise<ProbeResult>,
    private readonly options: MonitorOptions = DEFAULT_MONITOR_OPTIONS,
    private readonly timers: Timers = systemTimers(),
  ) {}

  get reachable(): boolean {
    return this.current;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.timer);
  }

  /** A sync request to the server just succeeded. */
  reportSuccess(): void {
    this.lastRequestSuccess = this.timers.now();
    this.succeeded();
  }

  /** A request to the server just failed at the network level. */
  reportFailure(): void {
    this.failures += 1;
    if (this.failures >= this.options.failuresToLose) this.set(false);
  }

  /** The server is surely gone (e.g. a sync request timed out): no need to wait for more failures. */
  reportLost(): void {
    this.failures = Math.max(this.failures, this.options.failuresToLose);
    this.set(false);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = this.timers.setTimeout(() => {
      this.probe(this.options.timeoutMs).then(
        (result) => this.afterProbe(result),
        () => this.afterProbe("error"),
      );
    }, delayMs);
  }

  private afterProbe(result: ProbeResult): void {
    if (this.stopped) return;
    const ok = result === "ok";
    const busy =
      result === "timeout" && this.timers.now() - this.lastRequestSuccess < this.options.busyGraceMs;
    if (ok) this.succeeded();
    else if (!busy) this.reportFailure();
    // A failure while still reachable is confirmed (or cleared) at once, not after the pause.
    const confirming = !ok && this.current;
    this.schedule(confirming ? 0 : this.options.intervalMs);
  }

  private succeeded(): void {
    this.failures = 0;
    this.set(true);
  }

  private set(reachable: boolean): void {
    if (reachable === this.current) return;
    this.current = reachable;
    for (const listener of this.listeners) listener(reachable);
  }
}
