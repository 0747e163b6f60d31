import type { Op } from "@quay/core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../../test-support/engines.test-support.js";
import { newTestId } from "../../test-support/ops.test-support.js";
import { TestServer } from "../../test-support/test-server.test-support.js";
import { registerTwoCounters } from "../../test-support/two-counters.test-support.js";
import { rebuildRollup } from "./sales-rollup.js";

/** A small deterministic generator: the same scenario on every run and engine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

describe.each(testEngines())("the sales rollup on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const rollupRows = async () =>
    (
      await server.db.query<Record<string, unknown>>(
        `SELECT store_id, paid_day, dimension, group_key, quantity, amount FROM sales_rollup
         WHERE quantity <> 0 OR amount <> 0 ORDER BY store_id, paid_day, dimension, group_key`,
      )
    ).map((row) => ({ ...row, quantity: Number(row.quantity), amount: Number(row.amount) }));

  it("stays equal to a rebuild from the paid orders through refunds, late checkouts and retries", async () => {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    // Registered a week before the sales below, as ops may not predate their station by more.
    const { main, garden, atMain, atGarden } = await registerTwoCounters(server, {
      registeredAt: "2026-11-19T00:00:00.000Z",
    });
    const next = random(7);
    const pushes: { token: string; ops: Op[] }[] = [];
    for (let index = 0; index < 40; index++) {
      const day = 20 + Math.floor(next() * 8);
      const hour = String(Math.floor(next() * 24)).padStart(2, "0");
      const at = `2026-11-${day}T${hour}:15:00.000Z`;
      const factory = next() < 0.5 ? atMain : atGarden;
      const invoice = factory.invoice({
        at,
        lines: 1 + Math.floor(next() * 3),
        paid: next() < 0.8,
        method: next() < 0.5 ? "cash" : "transfer",
      });
      const token = factory === atMain ? main.deviceToken : garden.deviceToken;
      // Pushed in two parts: the order may be paid, or refunded, by a later push.
      const split = 1 + Math.floor(next() * invoice.ops.length);
      pushes.push({ token, ops: invoice.ops.slice(0, split) });
      pushes.push({ token, ops: invoice.ops.slice(split) });
      const other = factory === atMain ? atGarden : atMain;
      const otherToken = factory === atMain ? garden.deviceToken : main.deviceToken;
      const roll = next();
      if (roll < 0.15) {
        pushes.push({
          token: otherToken,
          ops: [
            other.op(invoice.orderId, at, "voidOrder", { reason: "trả lại", approvedBy: users.managerA.id }),
          ],
        });
      } else if (roll < 0.3) {
        // Checked out at the other counter too, a little earlier by its clock: that close counts.
        const earlier = new Date(Date.parse(at) - 3_600_000 * (1 + Math.floor(next() * 30))).toISOString();
        pushes.push({
          token: otherToken,
          ops: other.checkout(invoice.orderId, earlier, invoice.total, "card"),
        });
      } else if (roll < 0.4) {
        // A line merged in after payment raises the total of a paid order.
        const item = a1.items[2];
        if (!item) throw new Error("no item");
        pushes.push({
          token: otherToken,
          ops: [
            other.op(invoice.orderId, at, "addLine", {
              lineId: newTestId(),
              itemId: item.id,
              name: item.name,
              unitPrice: item.price,
              vatRate: item.vatRate,
              quantity: 1,
              note: null,
            }),
          ],
        });
      } else if (roll < 0.55) {
        // Refunded in part a day or two later, sometimes pushed before the sale is paid here.
        // (No later than the server's clock allows: 2026-11-28T03:00 plus an hour.)
        const laterMs = Date.parse(at) + 86_400_000 * (1 + Math.floor(next() * 2));
        const later = new Date(Math.min(laterMs, Date.parse("2026-11-28T03:30:00.000Z"))).toISOString();
        const amount = 1_000 * (1 + Math.floor(next() * 5));
        const refund = factory.refund(invoice.orderId, later, amount, { approvedBy: users.managerA.id });
        pushes.push({ token, ops: [refund] });
      }
    }
    // Shuffled, and some pushed twice (a station retrying).
    for (let index = pushes.length - 1; index > 0; index--) {
      const swap = Math.floor(next() * (index + 1));
      [pushes[index], pushes[swap]] = [
        pushes[swap] as (typeof pushes)[number],
        pushes[index] as (typeof pushes)[number],
      ];
    }
    for (const push of pushes) {
      if (push.ops.length === 0) continue;
      expect((await server.push(push.token, push.ops)).status).toBe(200);
      if (next() < 0.2) expect((await server.push(push.token, push.ops)).status).toBe(200);
    }

    const incremental = await rollupRows();
    expect(incremental.length).toBeGreaterThan(50);
    await server.storage.write(rebuildRollup());
    expect(await rollupRows()).toEqual(incremental);

    // And the report's totals are those of the paid orders themselves.
    const paid = await server.db.query<{ orders: number | string; revenue: number | string }>(
      "SELECT COUNT(*) AS orders, SUM(total) AS revenue FROM orders WHERE status = 'paid'",
    );
    const manager = await server.login("managerA");
    const views = await server.db.query<{ view: string }>("SELECT view FROM orders WHERE status = 'paid'");
    const refunded = views.reduce((sum, row) => sum + (JSON.parse(row.view).refunded ?? 0), 0);
    expect(refunded).toBeGreaterThan(0);
    const report = await server.call<{
      orders: number;
      revenue: number;
      refunds: number;
      byStation: { revenue: number }[];
    }>("GET", "/api/reports/sales?from=2026-10-01&to=2026-12-31", { token: manager });
    // Revenue: the paid orders less their refunds (all made within the range).
    expect([report.body.orders, report.body.revenue, report.body.refunds]).toEqual([
      Number(paid[0]?.orders),
      Number(paid[0]?.revenue) - refunded,
      refunded,
    ]);
    expect(report.body.byStation.reduce((sum, group) => sum + group.revenue, 0)).toBe(
      report.body.revenue + refunded,
    );
  });
});
