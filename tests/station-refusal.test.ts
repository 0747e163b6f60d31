import { dong, foldOrder, type Op } from "@quay/core";
import { StationDb } from "@quay/station";
import { describe, expect, it } from "vitest";
import { ok, waitFor } from "./support/http.mjs";
import { cashierAtFile, type QuayWorld, worldForSuite } from "./support/quay-world.js";

const GOOD = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sells `GOOD` paid orders into a station's file through its own order service, with one poison
 * order in the middle: a sale saved before the counter checked sums (1,000 đ + 10^12 đ tendered),
 * which the server refuses for good. Answers the poison order's id.
 */
function sellWithPoison(dataDir: string): string {
  const { store: db, orders, actor, newId } = cashierAtFile(dataDir);
  const item = db.catalog()?.items.find((candidate) => candidate.active);
  const stationId = db.identity()?.stationId ?? "";
  let poisonId = "";
  // Beside a running station, take the write lock first: a deferred transaction that read before
  // the station wrote could not write at all (SQLITE_BUSY), whatever the busy timeout.
  db.db.exec("BEGIN IMMEDIATE");
  db.transaction(() => {
    for (let index = 0; index < GOOD; index++) {
      const order = orders.addLine(actor, orders.create(actor, null).id, {
        itemId: item?.id ?? "",
        quantity: 1,
      });
      orders.pay(actor, order.id, "cash", order.total);
      if (index !== GOOD / 2) continue;
      const poison = orders.pay(
        actor,
        orders.addLine(actor, orders.create(actor, null).id, {
          itemId: item?.id ?? "",
          quantity: 1,
        }).id,
        "cash",
        1_000,
      );
      poisonId = poison.id;
      const envelope = (seq: number) => ({
        orderId: poison.id,
        deviceId: stationId,
        deviceSeq: 1_000_000 + seq,
        at: new Date(Date.parse(poison.updatedAt ?? "") + 1).toISOString(), // after the order's last op
        userId: actor.userId,
      });
      const slip: Op[] = [
        {
          ...envelope(1),
          id: newId(),
          kind: "addPayment",
          data: { paymentId: newId(), method: "cash", amount: dong(1_000_000_000_000) },
        },
        { ...envelope(2), id: newId(), kind: "close", data: { total: poison.total } },
      ];
      db.orders.appendLocal(slip, foldOrder(poison.id, [...db.orders.opsOf(poison.id), ...slip]));
    }
  });
  db.db.exec("COMMIT");
  db.close();
  return poisonId;
}

/** The station's log lines that mention `text`. */
const linesWith = (output: string, text: string) => output.split("\n").filter((line) => line.includes(text));

describe("an order the server refuses for good (cross-process)", () => {
  let world: QuayWorld;
  worldForSuite((started) => {
    world = started;
  });

  /** The refused orders the back office lists beside the station. */
  const refusedInBackOffice = async (): Promise<{ orderId: string; code: string }[]> => {
    const { stations } = await ok(world.server.url, "GET", "/api/stations", { token: world.adminToken });
    return stations.flatMap((station: { pending: { refused: [] } | null }) => station.pending?.refused ?? []);
  };

  const expectIsolated = async (poisonId: string, goodBefore: number, logFrom = 0) => {
    const status = await world.waitForStatus(
      (current) =>
        current.mode === "online" &&
        current.sync.state === "failed" &&
        current.pending.paidOrders + current.pending.openOrders === 0,
      60_000,
      "the rest synced, the poison order shown",
    );
    expect(status.sync).toMatchObject({ error: "VALIDATION_FAILED", orderId: poisonId });
    expect(status.refusedOrders).toEqual([expect.objectContaining({ orderId: poisonId })]);
    const onServer = await world.serverOrders();
    expect(onServer.filter((order) => order.status === "paid")).toHaveLength(goodBefore + GOOD);
    expect(onServer.some((order) => order.id === poisonId)).toBe(false);
    const atCounter = await ok(world.station.url, "GET", `/api/orders/${poisonId}`, {
      token: world.stationToken,
    });
    expect(atCounter.refusal).toMatchObject({ code: "VALIDATION_FAILED" });
    // The back office shows it beside the station, from the station's own report.
    const shown = await waitFor(
      async () => {
        const refused = await refusedInBackOffice();
        return refused.length > 0 ? refused : null;
      },
      { timeoutMs: 10_000, what: "the refused order in the back office" },
    );
    expect(shown).toEqual([expect.objectContaining({ orderId: poisonId, code: "VALIDATION_FAILED" })]);
    // Nothing retries in a loop: the refusal is logged once, no push fails after it.
    const before = world.station.output();
    await sleep(3_000);
    const output = world.station.output().slice(logFrom);
    expect(linesWith(output, "refused an order for good")).toHaveLength(1);
    expect(world.station.output().slice(before.length)).toBe("");
    expect(linesWith(output, "sync failed")).toEqual([]);
  };

  const resolveWithPin = async (poisonId: string) => {
    const cashier = world.stationToken;
    const refused = await fetch(`${world.station.url}/api/orders/${poisonId}/resolve`, {
      method: "POST",
      headers: { authorization: `Bearer ${cashier}`, "content-type": "application/json" },
      body: JSON.stringify({}),
    });
    expect(refused.status).toBe(403); // a cashier needs a manager
    const resolved = await ok(world.station.url, "POST", `/api/orders/${poisonId}/resolve`, {
      token: cashier,
      body: { managerPin: "1234" },
    });
    // The slip and the checkout that stood on it are set aside: the order is open again, 1,000 đ paid.
    expect(resolved).toMatchObject({ status: "open", paid: 1_000 });
    expect(resolved.refusal).toBeUndefined();
    const paid = await ok(world.station.url, "POST", `/api/orders/${poisonId}/payments`, {
      token: cashier,
      body: { method: "cash", amount: resolved.total - resolved.paid },
    });
    expect(paid.status).toBe("paid");
    await world.syncToTheEnd(20_000);
    const status = await world.status();
    expect(status.sync.state).toBe("idle");
    const onServer = await ok(world.server.url, "GET", `/api/orders/${poisonId}`, {
      token: world.adminToken,
    });
    expect(onServer).toMatchObject({ status: "paid", paid: paid.paid, total: paid.total });
    await waitFor(async () => (await refusedInBackOffice()).length === 0, {
      timeoutMs: 10_000,
      what: "the back office told the order is resolved",
    });
  };

  it("in a catch-up: the 500 arrive, the poison order waits for a manager, who resolves it", async () => {
    await world.station.stop();
    const poisonId = sellWithPoison(world.stationDir);
    const db = StationDb.open(world.stationDir);
    db.settings.set("offlineBacklog", true); // sold offline: the cashier is asked first
    db.close();
    await world.restartStation();
    await world.waitForStatus((status) => status.sync.state === "offered", 10_000, "the sync offer");
    await ok(world.station.url, "POST", "/api/sync", { token: world.stationToken });
    await expectIsolated(poisonId, 0);
    await resolveWithPin(poisonId);
  }, 120_000);

  it("online: changes left unpushed sync around the poison order without asking", async () => {
    const before = (await world.serverOrders()).filter((order) => order.status === "paid").length;
    await world.station.stop();
    const poisonId = sellWithPoison(world.stationDir);
    await world.restartStation();
    await expectIsolated(poisonId, before);
    await resolveWithPin(poisonId);
  }, 120_000);

  it("online while selling: sales written beside a running station sync around the poison order", async () => {
    const before = (await world.serverOrders()).filter((order) => order.status === "paid").length;
    await world.waitForStatus((status) => status.mode === "online", 10_000, "online");
    const logFrom = world.station.output().length;
    const poisonId = sellWithPoison(world.stationDir); // a second connection to the live file
    await expectIsolated(poisonId, before, logFrom);
    await resolveWithPin(poisonId);
  }, 120_000);
});
