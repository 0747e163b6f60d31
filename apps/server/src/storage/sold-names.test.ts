import type { Op } from "@quay/core";
import type { SalesReport } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

describe.each(testEngines())("the names items were sold under on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  it("names an item no longer on the menu as it was sold, from the rollup (migration 10)", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const factory = new OpFactory(a1, station.stationId);
    const at = "2026-11-27T05:00:00.000Z";
    const sale = factory.invoice({ at, lines: 1, paid: true });
    // A line of an item the menu no longer has (sold offline from an older catalog).
    const gone = { itemId: newTestId(), name: "Bánh mì cũ" };
    const line = factory.op(sale.orderId, at, "addLine", {
      lineId: newTestId(),
      ...gone,
      unitPrice: 15_000,
      vatRate: 8,
      quantity: 2,
      note: null,
    });
    const [open, ...rest] = sale.ops;
    const payment = rest.find((op) => op.kind === "addPayment") as Extract<Op, { kind: "addPayment" }>;
    const ops = [
      open,
      line,
      ...rest.map((op) =>
        op === payment ? { ...payment, data: { ...payment.data, amount: sale.total + 30_000 } } : op,
      ),
    ].map((op) => (op?.kind === "close" ? { ...op, data: { total: sale.total + 30_000 } } : op)) as Op[];
    expect((await server.push(station.deviceToken, ops)).status).toBe(200);

    const manager = await server.login("managerA");
    const report = await server.call<OrError<SalesReport>>(
      "GET",
      "/api/reports/sales?from=2026-11-27&to=2026-11-27",
      {
        token: manager,
      },
    );
    expect(report.status).toBe(200);
    expect(report.body.byItem).toContainEqual({ ...gone, quantity: 2, revenue: 30_000 });

    // The name lives in the rollup: no per-line report rows are kept beside it (migration 10).
    const tables =
      engine.name === "sqlite"
        ? await server.db.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        : await server.db.query<{ name: string }>(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
          );
    expect(tables.map((table) => table.name)).toContain("sales_rollup");
    expect(tables.map((table) => table.name)).not.toContain("sale_lines");
    expect(tables.map((table) => table.name)).not.toContain("sale_payments");
  });
});
