import type { StationStatus } from "@quay/protocol";
import { describe, expect, it } from "vitest";
import { call } from "./support/http.mjs";
import {
  expectConverged,
  type OrderView,
  type QuayWorld,
  sell,
  sellOffline,
  worldForSuite,
} from "./support/quay-world.js";
import { random } from "./support/random.mjs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const check = (condition: boolean, message: string) => expect(condition, message).toBe(true);

/** Paid orders sold offline beside the cashier's: a sync of two pushes, long enough to kill in. */
const PAID_BACKLOG = 1_000;

/** Where in the sync each run kills the station (the status that pulls the trigger). */
const KILL_POINTS = {
  "as the sync starts": (sync: SyncStatus) => sync.done < sync.total,
  "as the paid backlog starts": (sync: SyncStatus) => sync.phase === "paid" && sync.done === 0,
  "midway through the paid backlog": (sync: SyncStatus) =>
    sync.phase === "paid" && sync.done > 0 && sync.done < sync.total,
} as const;
type KillPoint = keyof typeof KILL_POINTS;
type SyncStatus = StationStatus["sync"];

/**
 * Faults for real: `kill -9` of the station while selling and while syncing, and a link that
 * resets, refuses and black-holes during the sync. Afterwards every acknowledged sale is on the
 * server exactly once.
 */
describe("station faults (cross-process)", () => {
  let world: QuayWorld;
  const acknowledged = new Map<string, OrderView>();
  const onAck = (order: OrderView) => {
    acknowledged.set(order.id, order);
  };

  /** Sells until a call fails (the station was killed) or `stop()` says so. */
  const sellUntilStopped = (seed: number) => {
    let stopped = false;
    const done = (async () => {
      for (let index = 0; !stopped; index++) {
        try {
          await sell(world, {
            lines: 1 + ((seed + index) % 4),
            pay: (seed + index) % 5 !== 0,
            seed: index,
            onAck,
          });
        } catch {
          return;
        }
      }
    })();
    return {
      done,
      stop: () => {
        stopped = true;
      },
    };
  };
  worldForSuite((started) => {
    world = started;
  });

  const runs: [number, KillPoint][] = [
    [7, "as the sync starts"],
    [42, "as the paid backlog starts"],
    [1234, "midway through the paid backlog"],
  ];
  for (const [seed, killPoint] of runs) {
    it(`loses nothing and doubles nothing with kill -9 while selling and while syncing (seed ${seed}, killed ${killPoint})`, async () => {
      const next = random(seed);
      // 1. Killed while selling online (a push may be in flight).
      const online = sellUntilStopped(seed);
      await sleep(100 + next() * 400);
      await world.station.kill();
      await online.done;
      await world.restartStation();

      // 2. Killed while selling offline.
      await world.proxy.setMode("refuse");
      await world.waitForStatus((status) => status.mode === "offline", 3_000, "offline");
      const offline = sellUntilStopped(seed + 1);
      await sleep(100 + next() * 400);
      await world.station.kill();
      await offline.done;
      sellOffline(world.stationDir, { paid: PAID_BACKLOG, open: 1 });
      await world.restartStation();
      const more = sellUntilStopped(seed + 2);
      await sleep(300);
      more.stop();
      await more.done;

      // 3. Killed while syncing, then resumed.
      await world.proxy.setMode("pass");
      const before = await world.waitForStatus((status) => status.serverReachable, 3_000, "server back");
      expect(before.pending.paidOrders, "the paid backlog to sync").toBeGreaterThanOrEqual(PAID_BACKLOG);
      const statuses = await world.watchStatus();
      const killed = statuses
        .next(
          ({ sync }) => sync.state === "running" && KILL_POINTS[killPoint](sync),
          20_000,
          `the sync running, ${killPoint}`,
        )
        .then(async (status) => {
          await world.station.kill();
          return status;
        });
      await call(world.station.url, "POST", "/api/sync", { token: world.stationToken });
      const landed = await killed;
      statuses.close();
      // The kill landed before the sync was through: the station's file still holds unsynced sales.
      const left = world.pendingInStationFile();
      expect(
        left.openOrders + left.paidOrders,
        `sales left unsynced by the kill at ${JSON.stringify(landed.sync)}`,
      ).toBeGreaterThan(0);
      await world.restartStation();
      await world.syncToTheEnd();
      await expectConverged(world, acknowledged, check);
    });
  }

  it("finishes the sync when the server itself is killed in the middle of it", async () => {
    await world.proxy.setMode("refuse");
    await world.waitForStatus((status) => status.mode === "offline", 3_000, "offline");
    for (let index = 0; index < 150; index++)
      await sell(world, { lines: 4, pay: index % 10 !== 0, seed: index, onAck });
    await world.proxy.setMode("pass");
    await world.waitForStatus((status) => status.sync.state === "offered", 3_000, "the sync offer");
    await call(world.station.url, "POST", "/api/sync", { token: world.stationToken });
    await sleep(20);
    await world.killServer();
    await world.waitForStatus((status) => status.mode === "offline", 3_000, "offline after the crash");
    await world.restartServer();
    await world.syncToTheEnd();
    await expectConverged(world, acknowledged, check);
  });

  it("finishes the sync over a link that resets, refuses and black-holes", async () => {
    await world.proxy.setMode("refuse");
    await world.waitForStatus((status) => status.mode === "offline", 3_000, "offline");
    for (let index = 0; index < 40; index++)
      await sell(world, { lines: 3, pay: index % 8 !== 0, seed: index, onAck });
    const selling = sellUntilStopped(99);
    const next = random(99);
    const modes = ["pass", "reset", "blackhole", "refuse"] as const;
    for (let flap = 0; flap < 25; flap++) {
      const mode = flap % 2 === 0 ? "pass" : (modes[1 + Math.floor(next() * 3)] ?? "reset");
      await world.proxy.setMode(mode);
      if (mode === "pass") await call(world.station.url, "POST", "/api/sync", { token: world.stationToken });
      await sleep(60 + next() * 200);
    }
    selling.stop();
    await selling.done;
    await world.proxy.setMode("pass");
    await world.syncToTheEnd();
    await expectConverged(world, acknowledged, check);
  });
});
