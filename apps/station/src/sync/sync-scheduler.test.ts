import { afterEach, describe, expect, it } from "vitest";
import { FakeTimers, settle } from "./fake-timers.test-support.js";
import { backoffDelayMs, type Retry, SyncScheduler } from "./sync-scheduler.js";

/** A scheduler on fake timers whose rounds the test finishes (or fails) by hand. */
function harness() {
  const timers = new FakeTimers();
  const startedAt: number[] = [];
  const finish: ((error?: Error) => void)[] = [];
  const state = { canRun: true, due: false, retry: "backoff" as Retry, running: 0, mostAtOnce: 0 };
  const scheduler = new SyncScheduler({
    timers,
    round: () => {
      startedAt.push(timers.now());
      state.running += 1;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      return new Promise<void>((resolve, reject) => {
        finish.push((error) => {
          state.running -= 1;
          if (error) reject(error);
          else resolve();
        });
      });
    },
    canRun: () => state.canRun,
    dueOnTick: () => state.due,
    failed: () => state.retry,
    rerunDelayMs: 75,
  });
  /** Ends the round in progress. */
  const end = async (error?: Error) => {
    const done = finish.shift();
    if (!done) throw new Error("no round in progress");
    done(error);
    await settle();
  };
  /** Stops the scheduler, ending whatever round is left. */
  const stop = async () => {
    const stopped = scheduler.stop();
    for (const done of finish.splice(0)) done();
    await stopped;
  };
  scheduler.start();
  return { timers, scheduler, startedAt, state, end, stop };
}

describe("sync scheduler (fake timers)", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });
  const start = () => {
    const world = harness();
    stop = world.stop;
    return world;
  };

  it("runs a round `delayMs` after a kick, and a burst of kicks shares it", async () => {
    const { timers, scheduler, startedAt } = start();
    scheduler.kick(75);
    await timers.advance(30);
    scheduler.kick(75);
    scheduler.kick(0); // the timer already set decides
    await timers.advance(44);
    expect(startedAt).toEqual([]);
    await timers.advance(1);
    expect(startedAt).toEqual([75]);
  });

  it("never runs two rounds at once: a kick during a round runs one more right after it", async () => {
    const { timers, scheduler, startedAt, state, end } = start();
    scheduler.kick(0);
    await timers.advance(0);
    scheduler.kick(0);
    scheduler.kick(0);
    await timers.advance(500);
    expect(startedAt).toEqual([0]);
    await end();
    expect(startedAt).toEqual([0, 500]);
    await end();
    await timers.advance(10_000);
    expect(startedAt).toEqual([0, 500]);
    expect(state.mostAtOnce).toBe(1);
  });

  it("runs nothing while a round may not run, on a kick or a tick", async () => {
    const { timers, scheduler, startedAt, state } = start();
    state.canRun = false;
    state.due = true;
    scheduler.kick(0);
    await timers.advance(5_000);
    expect(startedAt).toEqual([]);
    state.canRun = true;
    await timers.advance(1_000);
    expect(startedAt).toEqual([6_000]);
  });

  it("asks every second whether a round is due, and runs one when it is", async () => {
    const { timers, startedAt, state, end } = start();
    await timers.advance(3_500);
    expect(startedAt).toEqual([]);
    state.due = true;
    await timers.advance(500);
    expect(startedAt).toEqual([4_000]);
    await end();
    state.due = false;
    await timers.advance(3_000);
    expect(startedAt).toEqual([4_000]);
  });

  it("retries a repeated failure after 3 s, 6 s, 12 s … up to a minute, and from 3 s after a success", async () => {
    const { timers, scheduler, startedAt, end } = start();
    scheduler.kick(0);
    await timers.advance(0);
    for (let failures = 1; failures <= 7; failures++) {
      await end(new Error(`failure ${failures}`));
      await timers.until(() => startedAt.length > failures, 120_000, 100);
    }
    const gaps = startedAt.slice(1).map((at, index) => at - (startedAt[index] ?? 0));
    expect(gaps).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000]);
    scheduler.succeeded();
    await end(new Error("a failure after a success"));
    const failedAt = timers.now();
    await timers.until(() => startedAt.length > 8, 120_000, 100);
    expect((startedAt[8] ?? 0) - failedAt).toBe(3_000);
  });

  it("retries soon after a request failed in flight, without backing off", async () => {
    const { timers, scheduler, startedAt, state, end } = start();
    state.retry = "soon";
    scheduler.kick(0);
    await timers.advance(0);
    await end(new Error("reset"));
    await timers.advance(300);
    await end(new Error("reset"));
    await timers.advance(300);
    expect(startedAt).toEqual([0, 300, 600]);
    state.retry = "none";
    await end(new Error("lost"));
    await timers.advance(120_000);
    expect(startedAt).toEqual([0, 300, 600]);
  });

  it("runs again after `rerunDelayMs` when asked as a failed round ends", async () => {
    const { timers, scheduler, startedAt, state, end } = start();
    state.retry = "none";
    scheduler.kick(0);
    await timers.advance(0);
    scheduler.kick(0);
    await end(new Error("failed, with another round asked for"));
    await timers.advance(74);
    expect(startedAt).toEqual([0]);
    await timers.advance(1);
    expect(startedAt).toEqual([0, 75]);
  });

  it("stops at once, and resolves when the round in progress is over", async () => {
    const { timers, scheduler, startedAt, end } = start();
    scheduler.kick(0);
    await timers.advance(0);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    await end();
    await stopping;
    expect(stopped).toBe(true);
    scheduler.kick(0);
    await timers.advance(10_000);
    expect(startedAt).toEqual([0]);
    expect(timers.pending).toBe(0);
  });

  it("computes the backoff", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffDelayMs)).toEqual([
      3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000,
    ]);
  });
});
