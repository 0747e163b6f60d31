import type { Op } from "@quay/core";
import type { OrderView, SalesReport } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId } from "../test-support/ops.test-support.js";
import { backToSchema9 } from "../test-support/schema-9.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";
import { registerTwoCounters } from "../test-support/two-counters.test-support.js";

const RANGES = [
  "from=2026-11-20&to=2026-11-28",
  "from=2026-11-27&to=2026-11-27",
  "from=2026-11-28&to=2026-11-28",
];

describe.each(testEngines())("migration 10 on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  /** A week of sales at two counters and on phones: refunds, double checkouts, a line paid late. */
  async function sell() {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const { main, garden, atMain, atGarden } = await registerTwoCounters(server, {
      registeredAt: "2026-11-19T00:00:00.000Z",
    });
    const paidOrders: string[] = [];
    for (let index = 0; index < 12; index++) {
      const at = `2026-11-${20 + (index % 8)}T${String((index * 5) % 24).padStart(2, "0")}:15:00.000Z`;
      const [factory, token] = index % 3 === 0 ? [atGarden, garden.deviceToken] : [atMain, main.deviceToken];
      const invoice = factory.invoice({
        at,
        lines: 1 + (index % 3),
        paid: index % 4 !== 3,
        method: index % 2 === 0 ? "cash" : "transfer",
      });
      expect((await server.push(token, invoice.ops)).status).toBe(200);
      if (index % 4 !== 3) paidOrders.push(invoice.orderId);
      if (index === 4) {
        const refund = atGarden.op(invoice.orderId, at, "voidOrder", {
          reason: "trả lại",
          approvedBy: users.managerA.id,
        });
        expect((await server.push(garden.deviceToken, [refund])).status).toBe(200);
      }
      if (index === 5) {
        // Checked out at the other counter too, earlier by its clock: that checkout counts.
        const earlier = new Date(Date.parse(at) - 3_600_000).toISOString();
        const ops = atGarden.checkout(invoice.orderId, earlier, invoice.total, "card");
        expect((await server.push(garden.deviceToken, ops)).status).toBe(200);
      }
      if (index === 6) {
        // A line of an item no longer on the menu, merged in after payment.
        const gone = atMain.op(invoice.orderId, at, "addLine", {
          lineId: newTestId(),
          itemId: newTestId(),
          name: "Bánh mì cũ",
          unitPrice: 15_000,
          vatRate: 8,
          quantity: 2,
          note: null,
        });
        expect((await server.push(main.deviceToken, [gone])).status).toBe(200);
      }
    }
    // Orders opened and paid on the server: a waiter opens, the cashier takes the money.
    const waiter = await server.login("waiterA");
    const cashier = await server.login("cashierA");
    for (const [tableId, pay] of [
      [a1.tableIds[0], true],
      [a1.tableIds[1], false],
    ] as const) {
      const opened = await server.call<OrError<OrderView>>("POST", "/api/orders", {
        token: waiter,
        body: { tableId },
      });
      const added = await server.call<OrError<OrderView>>("POST", `/api/orders/${opened.body.id}/lines`, {
        token: waiter,
        body: { itemId: a1.items[0]?.id, quantity: 2 },
      });
      if (!pay) continue;
      await server.call("POST", `/api/orders/${opened.body.id}/payments`, {
        token: cashier,
        body: { method: "cash", amount: added.body.total },
      });
      paidOrders.push(opened.body.id);
    }
    return { main, atMain, paidOrders };
  }

  /** What the back office sees: the sales reports, the dashboard, the table map, the orders. */
  async function backOffice() {
    const manager = await server.login("managerA");
    const reports: SalesReport[] = [];
    for (const range of RANGES) {
      const answer = await server.call<OrError<SalesReport>>("GET", `/api/reports/sales?${range}`, {
        token: manager,
      });
      expect(answer.status).toBe(200);
      reports.push(answer.body);
    }
    const dashboard = await server.call("GET", "/api/reports/dashboard", { token: manager });
    const floor = await server.call<{ orders: unknown[] }>("GET", "/api/floor", { token: manager });
    const orders = await server.call<{ orders: OrderView[] }>("GET", "/api/orders?limit=100", {
      token: manager,
    });
    expect([dashboard.status, floor.status, orders.status]).toEqual([200, 200, 200]);
    return { reports, dashboard: dashboard.body, floor: floor.body, orders: orders.body.orders };
  }

  it.each([
    { from: "a schema-9 database", neverBackfilled: false },
    { from: "one whose rows the start-up backfill never reached", neverBackfilled: true },
  ])("brings $from to the same reports, table map and orders", async ({ neverBackfilled }) => {
    const { main, atMain, paidOrders } = await sell();
    const before = await backOffice();
    expect(before.reports[0]?.byItem.map((item) => item.name)).toContain("Bánh mì cũ");
    expect(before.reports[0]?.byCashier.length).toBeGreaterThan(1);

    await backToSchema9(server.storage, { neverBackfilled });
    expect(await server.count("sale_lines")).toBeGreaterThan(0);
    await server.restart();

    expect(await backOffice()).toEqual(before);
    const tables = await server.db.query<{ name: string }>(
      engine.name === "sqlite"
        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
        : "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables.map((table) => table.name)).not.toContain("sale_lines");
    expect(tables.map((table) => table.name)).not.toContain("sale_payments");
    const versions = await server.db.query<{ version: number }>("SELECT version FROM schema_migrations");
    expect(versions.map((row) => Number(row.version))).toContain(8);

    // A migrated sale is taken back from its upgraded view: refunding it leaves the report exact.
    const refunded = before.orders.find((order) => order.id === paidOrders[0]);
    if (!refunded) throw new Error("no paid order");
    const refund: Op = atMain.op(refunded.id, "2026-11-28T02:00:00.000Z", "voidOrder", {
      reason: "trả lại",
      approvedBy: server.world.users.managerA.id,
    });
    expect((await server.push(main.deviceToken, [refund])).status).toBe(200);
    const after = await backOffice();
    expect(after.reports[0]?.revenue).toBe((before.reports[0]?.revenue ?? 0) - refunded.total);
    expect(after.reports[0]?.orders).toBe((before.reports[0]?.orders ?? 0) - 1);
  });
});
