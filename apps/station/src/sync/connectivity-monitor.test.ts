import { describe, expect, it } from "vitest";
import { ConnectivityMonitor, type ProbeResult } from "./connectivity-monitor.js";
import { FakeTimers } from "./fake-timers.test-support.js";

describe("connectivity monitor (fake timers)", () => {
  it("needs two failures to call the server lost, one success to call it back", async () => {
    const timers = new FakeTimers();
    let up = true;
    const probedAt: number[] = [];
    const changes: [boolean, number][] = [];
    const monitor = new ConnectivityMonitor(
      async () => {
        probedAt.push(timers.now());
        return up ? "ok" : "error";
      },
      { intervalMs: 20, timeoutMs: 50, failuresToLose: 2, busyGraceMs: 0 },
      timers,
    );
    monitor.onChange((reachable) => changes.push([reachable, timers.now()]));
    monitor.start();
    await timers.advance(0);
    expect(monitor.reachable).toBe(true);
    monitor.reportFailure();
    expect(monitor.reachable).toBe(true);
    up = false;
    await timers.advance(20); // the next probe fails: with the one reported, that is two
    expect(monitor.reachable).toBe(false);
    up = true;
    await timers.advance(20);
    up = false;
    await timers.advance(20); // one failed probe is confirmed at once, not after the pause
    monitor.stop();
    expect(changes).toEqual([
      [true, 0],
      [false, 20],
      [true, 40],
      [false, 60],
    ]);
    expect(probedAt).toEqual([0, 20, 40, 60, 60]);
  });

  it("treats a probe that never answers as a failure, counted only after the grace of a sync success", async () => {
    const timers = new FakeTimers();
    const monitor = new ConnectivityMonitor(
      (timeoutMs) =>
        new Promise<ProbeResult>((resolve) => timers.setTimeout(() => resolve("timeout"), timeoutMs)),
      { intervalMs: 10, timeoutMs: 30, failuresToLose: 2, busyGraceMs: 100 },
      timers,
    );
    monitor.reportSuccess();
    monitor.start();
    const lostAt = await timers.until(() => !monitor.reachable, 1_000);
    monitor.stop();
    // Timeouts ending at 30, 60 and 90 ms fall within the grace (a busy server); the ones ending
    // at 120 and 150 ms count, and the second of them loses the server.
    expect(lostAt).toBe(150);
    expect(timers.pending).toBe(0);
  });
});
