import type { SalesReport } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../../test-support/engines.test-support.js";
import { OpFactory } from "../../test-support/ops.test-support.js";
import { TestServer } from "../../test-support/test-server.test-support.js";

describe.each(testEngines())("the report-column backfill on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  it("fills orders stored before migration 2 from their ops, once", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    server.clock.set(Date.parse("2026-11-28T09:00:00.000Z")); // the sales below are past
    const factory = new OpFactory(a1, station.stationId, server.world.users.cashierA.id);
    const paid = factory.invoice({ at: "2026-11-28T07:45:00.000Z", paid: true }); // 14:45 local
    const open = factory.invoice({ at: "2026-11-28T08:00:00.000Z" });
    await server.push(station.deviceToken, [...paid.ops, ...open.ops]);
    // What a database written by the previous version looks like.
    await server.db.query(
      "UPDATE orders SET opened_by = NULL, closed_by = NULL, closed_device = NULL, paid_hour = NULL",
    );
    await server.db.query("DELETE FROM server_meta WHERE key = 'projection_version'");

    await server.restart();
    const rows = await server.db.query<Record<string, unknown>>(
      "SELECT id, opened_by, closed_by, closed_device, paid_hour FROM orders ORDER BY id",
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const cashier = server.world.users.cashierA.id;
    expect(byId.get(paid.orderId)).toMatchObject({
      opened_by: cashier,
      closed_by: cashier,
      closed_device: station.stationId,
    });
    expect(Number(byId.get(paid.orderId)?.paid_hour)).toBe(14);
    expect(byId.get(open.orderId)).toMatchObject({ opened_by: cashier, closed_by: null, paid_hour: null });
    const meta = await server.db.query<{ value: string }>(
      "SELECT value FROM server_meta WHERE key = 'projection_version'",
    );
    expect(meta.map((row) => row.value)).toEqual(["3"]);

    const manager = await server.login("managerA");
    const report = await server.call<SalesReport>("GET", "/api/reports/sales?from=2026-11-28&to=2026-11-28", {
      token: manager,
    });
    expect(report.body.byHour).toEqual([{ hour: 14, revenue: paid.total, orders: 1 }]);
    expect(report.body.byStation.map((group) => group.code)).toEqual(["Q1"]);
  });
});
