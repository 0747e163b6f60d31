import type { Op } from "@quay/core";
import type { SalesReport } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

const AT = "2026-11-28T02:00:00.000Z";

/** Discounts pushed by a counter: judged by the store's limits per role, then counted in the report. */
describe.each(testEngines())("pushed discounts on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  it("takes a cashier's discount within the limit, refuses one beyond it unless a manager approved it, and reports them", async () => {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const counter = await server.registerStation("cashierA", a1, "Quầy 1");
    const cashier = new OpFactory(a1, counter.stationId, users.cashierA.id);
    const sale = cashier.invoice({ at: AT, lines: 2 });
    const [, firstLine] = sale.ops as [Op, Op & { kind: "addLine" }];
    const lineGross = firstLine.data.unitPrice * firstLine.data.quantity;
    const small = cashier.op(sale.orderId, AT, "discountLine", {
      lineId: firstLine.data.lineId,
      amount: Math.floor(lineGross / 10),
      percent: 10,
      reason: "regular",
    });
    expect((await server.push(counter.deviceToken, [...sale.ops, small])).status).toBe(200);

    const before = await server.count("ops");
    const big = cashier.op(sale.orderId, AT, "discount", { amount: 0, percent: 50, reason: "staff" });
    const refused = await server.push(counter.deviceToken, [big]);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "OP_NOT_ALLOWED", opId: big.id } });
    expect(await server.count("ops")).toBe(before);

    const approved = cashier.op(sale.orderId, AT, "discount", {
      amount: 0,
      percent: 50,
      reason: "staff",
      approvedBy: users.managerA.id,
    });
    expect((await server.push(counter.deviceToken, [approved])).status).toBe(200);
    const order = await server.call<{
      total: number;
      discount: number;
      lineDiscounts: number;
      subtotal: number;
    }>("GET", `/api/orders/${sale.orderId}`, { token: await server.login("managerA") });
    const lineOff = Math.round(lineGross / 10);
    expect(order.body.lineDiscounts).toBe(lineOff);
    expect(order.body.discount).toBe(Math.round((sale.total - lineOff) / 2));
    const total = order.body.total;
    expect((await server.push(counter.deviceToken, cashier.checkout(sale.orderId, AT, total))).status).toBe(
      200,
    );

    const report = await server.call<OrError<SalesReport>>(
      "GET",
      "/api/reports/sales?from=2026-11-28&to=2026-11-28",
      {
        token: await server.login("managerA"),
      },
    );
    const off = lineOff + order.body.discount;
    expect(report.body).toMatchObject({
      revenue: total,
      discounts: off,
      discountsByDay: [{ date: "2026-11-28", discounts: 2, amount: off }],
    });
    expect(report.body.discountsByReason).toEqual(
      [
        { reason: "staff", discounts: 1, amount: order.body.discount },
        { reason: "regular", discounts: 1, amount: lineOff },
      ].sort((a, b) => b.amount - a.amount),
    );
    expect(report.body.discountsByApprover).toEqual(
      [
        { userId: users.managerA.id, name: expect.any(String), discounts: 1, amount: order.body.discount },
        { userId: null, name: null, discounts: 1, amount: lineOff },
      ].sort((a, b) => b.amount - a.amount),
    );
  });

  it("lets a waiter give no discount alone by default, and a store raise its limits", async () => {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const counter = await server.registerStation("cashierA", a1, "Quầy 1");
    const waiter = new OpFactory(a1, counter.stationId, users.waiterA.id);
    const sale = waiter.invoice({ at: AT, lines: 1 });
    const tip = waiter.op(sale.orderId, AT, "discount", { amount: 1_000, reason: "regular" });
    expect((await server.push(counter.deviceToken, [...sale.ops, tip])).status).toBe(403);

    const owner = await server.login("ownerA");
    const patched = await server.call("PATCH", `/api/stores/${a1.id}`, {
      token: owner,
      body: { discountLimits: { cashier: 10, waiter: 20 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ discountLimits: { cashier: 10, waiter: 20 } });
    expect((await server.push(counter.deviceToken, [...sale.ops, tip])).status).toBe(200);
  });
});
