import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, ok } from "./support/http.mjs";
import { type OrderView, type QuayWorld, sell, worldForSuite } from "./support/quay-world.js";

interface RefundedView extends OrderView {
  refunded: number;
  refunds: { id: string; amount: number; approvedBy: string | null }[];
}

/**
 * The kill test for refunds: `kill -9` of the station right after it answered a refund,
 * online and offline; after the restart (and the cashier's retry of the same refund) and the
 * sync, the refund is on the server once and its report counts it once.
 */
describe("a refund survives kill -9 of the station (cross-process)", () => {
  let world: QuayWorld;
  worldForSuite((started) => {
    world = started;
  });

  /** Sells a paid bill and refunds `amount` of it with the manager's PIN; answers the refund's id. */
  const refundOnce = async (amount: number) => {
    const bill = await sell(world, { lines: 2, pay: true, seed: 3 });
    const refundId = randomUUID();
    const body = { amount, method: "cash", reason: "khách trả món", managerPin: "9999", refundId };
    const refunded = (await ok(world.station.url, "POST", `/api/orders/${bill.id}/refunds`, {
      token: world.stationToken,
      body,
    })) as RefundedView;
    expect(refunded.refunded).toBe(amount);
    return { bill, body };
  };

  const refundsReported = async () => ((await world.serverSales()) as unknown as { refunds: number }).refunds;

  it("keeps a refund made online, and the retry after the crash refunds nothing more", async () => {
    const reportedBefore = await refundsReported();
    const { bill, body } = await refundOnce(10_000);
    await world.station.kill();
    await world.restartStation();
    // The cashier did not see the answer and taps again: the same refund, once.
    const again = await call(world.station.url, "POST", `/api/orders/${bill.id}/refunds`, {
      token: world.stationToken,
      body,
    });
    expect([again.status, (again.body as RefundedView).refunded]).toEqual([201, 10_000]);
    await world.syncToTheEnd();
    const onServer = (await ok(world.server.url, "GET", `/api/orders/${bill.id}`, {
      token: world.adminToken,
    })) as RefundedView;
    expect(onServer.refunds.map((refund) => [refund.id, refund.amount])).toEqual([[body.refundId, 10_000]]);
    expect(onServer.refunds[0]?.approvedBy).not.toBeNull();
    expect(await refundsReported()).toBe(reportedBefore + 10_000);
  });

  it("keeps a refund made offline, and syncs it once with its sale", async () => {
    const reportedBefore = await refundsReported();
    await world.proxy.setMode("refuse");
    await world.waitForStatus((status) => status.mode === "offline", 3_000, "offline");
    const { bill, body } = await refundOnce(5_000);
    await world.station.kill();
    await world.restartStation();
    const held = (await ok(world.station.url, "GET", `/api/orders/${bill.id}`, {
      token: world.stationToken,
    })) as RefundedView;
    expect(held.refunds.map((refund) => refund.id)).toEqual([body.refundId]);
    await world.proxy.setMode("pass");
    await world.syncToTheEnd();
    const onServer = (await ok(world.server.url, "GET", `/api/orders/${bill.id}`, {
      token: world.adminToken,
    })) as RefundedView;
    expect([onServer.status, onServer.refunded, onServer.refunds.length]).toEqual(["paid", 5_000, 1]);
    expect(await refundsReported()).toBe(reportedBefore + 5_000);
  });
});
