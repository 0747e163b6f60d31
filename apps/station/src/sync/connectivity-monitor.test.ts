import { describe, expect, it } from "vitest";
import { waitFor } from "../station.test-support.js";
import { ConnectivityMonitor } from "./connectivity-monitor.js";

describe("connectivity monitor", () => {
  it("needs two failures to call the server lost, one success to call it back", async () => {
    let up = true;
    let probes = 0;
    const changes: boolean[] = [];
    const monitor = new ConnectivityMonitor(
      async () => {
        probes += 1;
        return up ? "ok" : "error";
      },
      { intervalMs: 20, timeoutMs: 50, failuresToLose: 2, busyGraceMs: 0 },
    );
    monitor.onChange((reachable) => changes.push(reachable));
    monitor.start();
    await waitFor(() => monitor.reachable, 1_000, "reachable");
    monitor.reportFailure();
    expect(monitor.reachable).toBe(true);
    up = false;
    await waitFor(() => !monitor.reachable, 1_000, "lost");
    up = true;
    await waitFor(() => monitor.reachable, 1_000, "back");
    monitor.stop();
    expect(changes).toEqual([true, false, true]);
    expect(probes).toBeGreaterThanOrEqual(3);
  });

  it("treats a probe that never answers as a failure without blocking anything", async () => {
    const monitor = new ConnectivityMonitor(
      (timeoutMs) => new Promise((resolve) => setTimeout(() => resolve("timeout"), timeoutMs)),
      { intervalMs: 10, timeoutMs: 30, failuresToLose: 2, busyGraceMs: 100 },
    );
    monitor.reportSuccess();
    monitor.start();
    const started = Date.now();
    await waitFor(() => !monitor.reachable, 1_000, "lost");
    // Timeouts within the grace after a sync success mean a busy server; then they count.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(Date.now() - started).toBeLessThan(600);
    monitor.stop();
  });
});
