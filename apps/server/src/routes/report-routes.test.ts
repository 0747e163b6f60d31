import type { SalesReport } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

describe.each(testEngines())("sales reports on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const report = (token: string, query: string) =>
    server.call<OrError<SalesReport>>("GET", `/api/reports/sales?${query}`, { token });

  it("counts a sale on the local day it was paid, however late it reached the server", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const factory = new OpFactory(a1, station.stationId);
    // Paid offline on the 26th at 17:00 in Ho Chi Minh City; synced two days later.
    const offline = factory.invoice({ at: "2026-11-26T10:00:00.000Z", lines: 2, paid: true });
    // 00:30 on the 28th local time is still the 27th in UTC.
    const afterMidnight = factory.invoice({ at: "2026-11-27T17:30:00.000Z", lines: 1, paid: true });
    const beforeMidnight = factory.invoice({ at: "2026-11-27T16:59:59.999Z", lines: 1, paid: true });
    const open = factory.invoice({ at: "2026-11-27T12:00:00.000Z", lines: 3 });
    expect(server.clock.now()).toBe(Date.parse("2026-11-28T03:00:00.000Z"));
    await server.push(station.deviceToken, [
      ...offline.ops,
      ...afterMidnight.ops,
      ...beforeMidnight.ops,
      ...open.ops,
    ]);

    const manager = await server.login("managerA");
    const answer = await report(manager, "from=2026-11-26&to=2026-11-28");
    expect(answer.status).toBe(200);
    expect(answer.body.byDay).toEqual([
      { date: "2026-11-26", revenue: offline.total, orders: 1 },
      { date: "2026-11-27", revenue: beforeMidnight.total, orders: 1 },
      { date: "2026-11-28", revenue: afterMidnight.total, orders: 1 },
    ]);
    expect(answer.body.revenue).toBe(offline.total + beforeMidnight.total + afterMidnight.total);
    expect(answer.body.orders).toBe(3);
    const oneDay = await report(manager, "from=2026-11-26&to=2026-11-26");
    expect(oneDay.body).toMatchObject({ revenue: offline.total, orders: 1 });
    const today = await report(manager, "from=2026-11-28&to=2026-11-28");
    expect(today.body).toMatchObject({ revenue: afterMidnight.total, orders: 1 });
  });

  it("leaves void orders out and nets cash change out of the payment methods", async () => {
    const { a1, a2 } = server.world.stores;
    const cashier = await server.login("cashierA");
    const manager = await server.login("managerA");
    const itemA = a1.items[0];
    const itemB = a1.items[1];
    const makeOrder = async (lines: [string | undefined, number][]) => {
      const opened = await server.call<{ id: string }>("POST", "/api/orders", { token: cashier, body: {} });
      let total = 0;
      for (const [itemId, quantity] of lines) {
        const answer = await server.call<{ total: number }>("POST", `/api/orders/${opened.body.id}/lines`, {
          token: cashier,
          body: { itemId, quantity },
        });
        total = answer.body.total;
      }
      return { id: opened.body.id, total };
    };
    const first = await makeOrder([
      [itemA?.id, 2],
      [itemB?.id, 1],
    ]); // 93,000
    await server.call("POST", `/api/orders/${first.id}/payments`, {
      token: cashier,
      body: { method: "transfer", amount: 3_000 },
    });
    await server.call("POST", `/api/orders/${first.id}/payments`, {
      token: cashier,
      body: { method: "cash", amount: 100_000 },
    });
    const second = await makeOrder([[itemA?.id, 1]]); // 29,000
    await server.call("POST", `/api/orders/${second.id}/payments`, {
      token: cashier,
      body: { method: "card", amount: 29_000 },
    });
    const refunded = await makeOrder([[itemB?.id, 3]]);
    await server.call("POST", `/api/orders/${refunded.id}/payments`, {
      token: cashier,
      body: { method: "cash", amount: refunded.total },
    });
    const voided = await server.call("POST", `/api/orders/${refunded.id}/void`, {
      token: manager,
      body: { reason: "khách trả lại" },
    });
    expect(voided.status).toBe(200);
    await makeOrder([[itemA?.id, 5]]); // open: not a sale

    // A sale of another store of the same tenant stays out of a1's report.
    const stationA2 = await server.registerStation("managerA2", a2);
    await server.push(
      stationA2.deviceToken,
      new OpFactory(a2, stationA2.stationId).invoice({ at: "2026-11-28T03:00:00.000Z", paid: true }).ops,
    );

    const answer = await report(manager, "from=2026-11-28&to=2026-11-28");
    expect(answer.body).toEqual({
      revenue: 122_000,
      orders: 2,
      refunds: 0,
      discounts: 0,
      byDay: [{ date: "2026-11-28", revenue: 122_000, orders: 2 }],
      byMethod: [
        { method: "card", amount: 29_000 },
        { method: "cash", amount: 90_000 },
        { method: "transfer", amount: 3_000 },
      ],
      discountsByDay: [],
      discountsByReason: [],
      discountsByApprover: [],
      byItem: [
        { itemId: itemA?.id, name: "Cà phê sữa đá", quantity: 3, revenue: 87_000 },
        { itemId: itemB?.id, name: "Bạc xỉu", quantity: 1, revenue: 35_000 },
      ],
      byHour: [{ hour: 10, revenue: 122_000, orders: 2 }],
      byCategory: [{ categoryId: a1.categoryIds[0], name: "Cà phê", quantity: 4, revenue: 122_000 }],
      // Checked out through the server's API, not at a station.
      byStation: [{ stationId: null, code: null, name: null, orders: 2, revenue: 122_000 }],
      byCashier: [{ userId: server.world.users.cashierA.id, name: "cashierA", orders: 2, revenue: 122_000 }],
    });
    const owner = await server.login("ownerA");
    const whole = await report(owner, "from=2026-11-28&to=2026-11-28");
    expect(whole.body.orders).toBe(3);
    const justA2 = await report(owner, `from=2026-11-28&to=2026-11-28&storeId=${a2.id}`);
    expect(justA2.body.orders).toBe(1);
  });

  it("counts each refund on the day it was made, its sale on its own, and nets it by method", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("managerA", a1);
    const factory = new OpFactory(a1, station.stationId);
    // Sold on the 26th (local), by card; refunded in part on the 27th in cash, and by card again
    // after midnight local time on the 28th (still the 27th in UTC).
    const sale = factory.invoice({ at: "2026-11-26T10:00:00.000Z", lines: 2, paid: true, method: "card" });
    const discounted = factory.invoice({ at: "2026-11-27T02:00:00.000Z", lines: 1 });
    const discount = factory.op(discounted.orderId, "2026-11-27T02:00:00.000Z", "discount", {
      amount: 5_000,
      reason: "khách quen",
    });
    const checkout = factory.checkout(
      discounted.orderId,
      "2026-11-27T02:00:00.000Z",
      discounted.total - 5_000,
    );
    const cashBack = factory.refund(sale.orderId, "2026-11-27T03:00:00.000Z", 10_000);
    const cardBack = factory.refund(sale.orderId, "2026-11-27T17:30:00.000Z", 4_000, { method: "card" });
    const first = await server.push(station.deviceToken, [
      ...sale.ops,
      ...discounted.ops,
      discount,
      ...checkout,
    ]);
    expect(first.status).toBe(200);
    const manager = await server.login("managerA");
    const before = await report(manager, "from=2026-11-26&to=2026-11-28");
    expect(before.body).toMatchObject({
      refunds: 0,
      discounts: 5_000,
      revenue: sale.total + discounted.total - 5_000,
    });
    // The refunds reach the server later than their sale: the rollup takes the sale's row back and adds it again.
    expect((await server.push(station.deviceToken, [cashBack])).status).toBe(200);
    expect((await server.push(station.deviceToken, [cardBack, cashBack])).status).toBe(200);

    const all = await report(manager, "from=2026-11-26&to=2026-11-28");
    expect(all.body).toMatchObject({
      orders: 2,
      refunds: 14_000,
      discounts: 5_000,
      revenue: sale.total + discounted.total - 5_000 - 14_000,
    });
    expect(all.body.byDay).toEqual([
      { date: "2026-11-26", revenue: sale.total, orders: 1 },
      { date: "2026-11-27", revenue: discounted.total - 5_000 - 10_000, orders: 1 },
      { date: "2026-11-28", revenue: -4_000, orders: 0 },
    ]);
    expect(all.body.byMethod).toEqual([
      { method: "card", amount: sale.total - 4_000 },
      { method: "cash", amount: discounted.total - 5_000 - 10_000 },
    ]);
    // The sale's own day is untouched by the refunds made later.
    const saleDay = await report(manager, "from=2026-11-26&to=2026-11-26");
    expect(saleDay.body).toMatchObject({ revenue: sale.total, orders: 1, refunds: 0, discounts: 0 });
    const lastDay = await report(manager, "from=2026-11-28&to=2026-11-28");
    expect(lastDay.body).toMatchObject({ revenue: -4_000, orders: 0, refunds: 4_000 });
    const order = await server.call<{ refunded: number; paidAt: string }>(
      "GET",
      `/api/orders/${sale.orderId}`,
      {
        token: manager,
      },
    );
    expect(order.body).toMatchObject({ refunded: 14_000, paidAt: "2026-11-26T10:00:00.000Z" });
  });

  it("is for managers and owners of the store only", async () => {
    const { a2, b1 } = server.world.stores;
    for (const user of ["waiterA", "cashierA"] as const) {
      const answer = await report(await server.login(user), "from=2026-11-28&to=2026-11-28");
      expect([answer.status, answer.body.error.code]).toEqual([403, "FORBIDDEN"]);
    }
    const manager = await server.login("managerA");
    for (const storeId of [a2.id, b1.id, newTestId()]) {
      const answer = await report(manager, `from=2026-11-28&to=2026-11-28&storeId=${storeId}`);
      expect([answer.status, answer.body.error.code]).toEqual([404, "NOT_FOUND"]);
    }
    const ownerB = await server.login("ownerB");
    expect((await report(ownerB, "from=2026-11-01&to=2026-11-30")).body).toMatchObject({
      orders: 0,
      revenue: 0,
    });
  });

  it("refuses malformed and reversed ranges", async () => {
    const manager = await server.login("managerA");
    for (const query of [
      "from=2026-11-28",
      "from=28/11/2026&to=2026-11-28",
      "from=2026-11-29&to=2026-11-28",
    ]) {
      const answer = await report(manager, query);
      expect([answer.status, answer.body.error.code], query).toEqual([400, "VALIDATION_FAILED"]);
    }
  });
});
