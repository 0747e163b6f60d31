import type { Dashboard, SalesReport } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";
import { registerTwoCounters } from "../test-support/two-counters.test-support.js";

describe.each(testEngines())("report groups and the dashboard on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  /** Sales at two stations of a1 on 2026-11-28 (local), one opened at Q1 and paid at Q2. */
  const sellAtTwoStations = async () => {
    const { main, garden, atMain, atGarden } = await registerTwoCounters(server, {
      gardenName: "Quầy sân vườn",
    });
    const early = atMain.invoice({ at: "2026-11-28T01:15:00.000Z", lines: 2, paid: true }); // 08:15
    const big = atMain.invoice({ at: "2026-11-28T02:40:00.000Z", lines: 3, paid: true }); // 09:40
    const card = atGarden.invoice({ at: "2026-11-28T02:05:00.000Z", lines: 1, paid: true, method: "card" });
    const crossing = atMain.invoice({ at: "2026-11-28T03:00:00.000Z", lines: 1 });
    const paidAt = "2026-11-28T03:30:00.000Z"; // 10:30, at the garden counter
    const checkout = atGarden.checkout(crossing.orderId, paidAt, crossing.total);
    expect((await server.push(main.deviceToken, [...early.ops, ...big.ops, ...crossing.ops])).status).toBe(
      200,
    );
    expect((await server.push(garden.deviceToken, [...card.ops, ...checkout])).status).toBe(200);
    return { main, garden, totals: { early, big, card, crossing } };
  };

  it("groups sales by hour, category, station and cashier, each where the money was taken", async () => {
    const { main, garden } = await sellAtTwoStations();
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const manager = await server.login("managerA");
    const answer = await server.call<OrError<SalesReport>>(
      "GET",
      "/api/reports/sales?from=2026-11-28&to=2026-11-28",
      { token: manager },
    );
    expect(answer.status).toBe(200);
    const report = answer.body;
    expect([report.revenue, report.orders]).toEqual([281_000, 4]);
    expect(report.byHour).toEqual([
      { hour: 8, revenue: 99_000, orders: 1 },
      { hour: 9, revenue: 153_000, orders: 2 },
      { hour: 10, revenue: 29_000, orders: 1 },
    ]);
    expect(report.byStation).toEqual([
      { stationId: main.stationId, code: "Q1", name: "Quầy chính", orders: 2, revenue: 223_000 },
      { stationId: garden.stationId, code: "Q2", name: "Quầy sân vườn", orders: 2, revenue: 58_000 },
    ]);
    expect(report.byCashier).toEqual([
      { userId: users.cashierA.id, name: "cashierA", orders: 2, revenue: 223_000 },
      { userId: users.managerA.id, name: "managerA", orders: 2, revenue: 58_000 },
    ]);
    expect(report.byCategory).toEqual([
      { categoryId: a1.categoryIds[0], name: "Cà phê", quantity: 8, revenue: 256_000 },
      { categoryId: a1.categoryIds[1], name: "Bia", quantity: 1, revenue: 25_000 },
    ]);
    // Every grouping adds up to the same revenue (lines carry no discount here).
    for (const groups of [report.byDay, report.byHour, report.byStation, report.byCashier]) {
      expect(groups.reduce((sum, group) => sum + group.revenue, 0)).toBe(report.revenue);
    }
    expect(report.byCategory.reduce((sum, group) => sum + group.revenue, 0)).toBe(report.revenue);
  });

  it("files sales of an item deleted from the menu under no category", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const factory = new OpFactory(a1, station.stationId, server.world.users.cashierA.id);
    const sale = factory.invoice({ at: "2026-11-28T02:00:00.000Z", lines: 1, paid: true });
    // An item id the catalog has never known (a line sold from a menu since deleted).
    const line = sale.ops.find((op) => op.kind === "addLine");
    if (line?.kind !== "addLine") throw new Error("no line");
    const ops = sale.ops.map((op) =>
      op === line ? { ...line, data: { ...line.data, itemId: newTestId() } } : op,
    );
    await server.push(station.deviceToken, ops);
    const manager = await server.login("managerA");
    const answer = await server.call<SalesReport>("GET", "/api/reports/sales?from=2026-11-28&to=2026-11-28", {
      token: manager,
    });
    expect(answer.body.byCategory).toEqual([{ categoryId: null, name: null, quantity: 1, revenue: 29_000 }]);
  });

  it("shows a store's day so far: sales by hour, open tables, best sellers and yesterday", async () => {
    const { totals } = await sellAtTwoStations();
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1, "Quầy 3");
    const yesterday = new OpFactory(a1, station.stationId, server.world.users.cashierA.id).invoice({
      at: "2026-11-27T12:00:00.000Z",
      lines: 2,
      paid: true,
    });
    await server.push(station.deviceToken, yesterday.ops);
    // Two tables and a take-away order are open through the waiter's phone.
    const waiter = await server.login("waiterA");
    const openTotals: number[] = [];
    for (const tableId of [a1.tableIds[0], a1.tableIds[1], null]) {
      const order = await server.call<{ id: string }>("POST", "/api/orders", {
        token: waiter,
        body: { tableId },
      });
      const line = await server.call<{ total: number }>("POST", `/api/orders/${order.body.id}/lines`, {
        token: waiter,
        body: { itemId: a1.items[1]?.id, quantity: 2 },
      });
      openTotals.push(line.body.total);
    }

    const manager = await server.login("managerA");
    const answer = await server.call<OrError<Dashboard>>("GET", "/api/reports/dashboard", { token: manager });
    expect(answer.status).toBe(200);
    const board = answer.body;
    expect(board).toMatchObject({
      storeId: a1.id,
      date: "2026-11-28",
      timeZone: "Asia/Ho_Chi_Minh",
      generatedAt: "2026-11-28T03:00:00.000Z",
      revenue: 281_000,
      orders: 4,
      openOrders: 3,
      openTables: 2,
      openTotal: openTotals.reduce((sum, total) => sum + total, 0),
      previous: { date: "2026-11-27", revenue: yesterday.total, orders: 1 },
    });
    expect(board.byHour.map((hour) => hour.hour)).toEqual([8, 9, 10]);
    expect(board.topItems.map((item) => [item.name, item.quantity])).toEqual([
      ["Bạc xỉu", 4],
      ["Cà phê sữa đá", 4],
      ["Bia Sài Gòn", 1],
    ]);
    expect(board.byMethod).toEqual([
      { method: "card", amount: totals.card.total },
      { method: "cash", amount: 281_000 - totals.card.total },
    ]);
  });

  it("keeps the dashboard for owners and managers, of one store at a time", async () => {
    for (const user of ["waiterA", "cashierA"] as const) {
      const answer = await server.call("GET", "/api/reports/dashboard", { token: await server.login(user) });
      expect([answer.status, answer.body.error.code]).toEqual([403, "FORBIDDEN"]);
    }
    const owner = await server.login("ownerA");
    const ambiguous = await server.call("GET", "/api/reports/dashboard", { token: owner });
    expect([ambiguous.status, ambiguous.body.error.code]).toEqual([400, "STORE_REQUIRED"]);
    const { a2, b1 } = server.world.stores;
    const chosen = await server.call<Dashboard>("GET", `/api/reports/dashboard?storeId=${a2.id}`, {
      token: owner,
    });
    expect([chosen.status, chosen.body.storeId, chosen.body.orders]).toEqual([200, a2.id, 0]);
    const foreign = await server.call("GET", `/api/reports/dashboard?storeId=${b1.id}`, { token: owner });
    expect(foreign.status).toBe(403);
  });
});
