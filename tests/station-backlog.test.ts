import { describe, expect, it } from "vitest";
import { call } from "./support/http.mjs";
import {
  expectConverged,
  type OrderView,
  type QuayWorld,
  sellOffline,
  worldForSuite,
} from "./support/quay-world.js";
import { random } from "./support/random.mjs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const check = (condition: boolean, message: string) => expect(condition, message).toBe(true);

/** Paid orders of the backlog: pushes of 500, the next one always sent before the last is marked. */
const PAID = 5_000;
const OPEN = 5;

/**
 * A backlog of many pushes, sold offline, synced while the station and the server are killed
 * (-9) in turn in the middle of the paid phase, at random: the next push is on its way before the
 * one answered is marked synced, so a kill leaves held ops unmarked. Afterwards every sale is on
 * the server exactly once, equal on both sides, and the paid backlog arrived oldest first.
 */
describe("a backlog of many pushes under kill -9 (cross-process)", () => {
  let world: QuayWorld;
  worldForSuite((started) => {
    world = started;
  });

  /**
   * Waits until the station is pushing the paid backlog, then a little longer, at random; false
   * when the sync finished first (nothing left to kill it in).
   */
  const inPaidPhase = async (next: () => number): Promise<boolean> => {
    const status = await world.waitForStatus(
      (current) => current.sync.phase === "paid" || current.pending.paidOrders === 0,
      20_000,
      "the paid phase",
    );
    if (status.sync.phase !== "paid") return false;
    await sleep(next() * 150);
    return true;
  };

  it("loses nothing and doubles nothing, and pushes the paid backlog oldest first", async () => {
    const next = random(2026);
    await world.station.stop();
    sellOffline(world.stationDir, { paid: PAID, open: OPEN });
    await world.restartStation();
    const yes = async () => {
      await world.waitForStatus((status) => status.sync.state === "offered", 10_000, "the sync offer");
      await call(world.station.url, "POST", "/api/sync", { token: world.stationToken });
    };
    await yes();
    // The station and the server in turn: a killed station's last push may still be stored, a
    // killed server's is lost; either way the ops it carried are pushed again.
    let kills = 0;
    for (; kills < 6 && (await inPaidPhase(next)); kills++) {
      if (kills % 2 === 0) {
        await world.crashStation(); // the cashier said yes before: the sync resumes by itself
      } else {
        await world.killServer();
        await world.waitForStatus((status) => status.mode === "offline", 5_000, "offline after the crash");
        await world.restartServer();
      }
    }
    expect(kills, "crashes in the middle of the paid phase").toBeGreaterThanOrEqual(4);
    await world.syncToTheEnd(60_000);

    const held = await world.stationOrders();
    expect(held.filter((order) => order.status === "paid")).toHaveLength(PAID);
    await expectConverged(world, new Map(held.map((order) => [order.id, order])), check);

    // Oldest first: the order in which the server first received the paid orders follows the
    // order in which they were paid (the station's push order), across crashes and retries.
    const paid = (await world.serverOrders()).filter((order) => order.status === "paid") as (OrderView & {
      paidAt: string;
    })[];
    const key = (order: { paidAt: string; id: string }) => `${order.paidAt} ${order.id}`;
    const byPayment = [...paid].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const received = byPayment.map((order) => order.receivedAt ?? "");
    expect(received).toEqual([...received].sort());
  }, 120_000);
});
