import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";

interface StoredRow {
  id: string;
  order_id: string;
  device_id: string;
  pushed_by: string | null;
  body: string;
}

/** The op log keeps an op's id, order and device in their columns only; rows written before in both. */
describe.each(testEngines())("the op log's rows on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const rows = () =>
    server.db.query<StoredRow>("SELECT id, order_id, device_id, pushed_by, body FROM ops ORDER BY seq");

  it("stores an op's own fields once, and gives every op back whole to pulls", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1, "Quầy 1");
    const other = await server.registerStation("managerA", a1, "Quầy 2");
    const sale = new OpFactory(a1, station.stationId).invoice({ at: "2026-11-28T03:01:00.000Z", paid: true });
    expect((await server.push(station.deviceToken, sale.ops)).status).toBe(200);

    for (const row of await rows()) {
      const body = JSON.parse(row.body);
      for (const field of ["id", "orderId", "deviceId"]) expect(body).not.toHaveProperty(field);
      // Pushed by the station that made it: the pull reads the op's own device.
      expect(row.pushed_by).toBeNull();
    }
    const pulled = await server.pull(other.deviceToken, 0);
    expect(pulled.body.ops).toEqual(sale.ops);
    // The station that pushed them is not sent its own ops back.
    expect((await server.pull(station.deviceToken, 0)).body.ops).toEqual([]);
  });

  it("reads rows written whole before, beside new ones: folds, pulls, replays and conflicts", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1, "Quầy 1");
    const other = await server.registerStation("managerA", a1, "Quầy 2");
    const factory = new OpFactory(a1, station.stationId);
    const open = factory.invoice({ at: "2026-11-28T03:01:00.000Z", lines: 3 });
    expect((await server.push(station.deviceToken, open.ops)).status).toBe(200);
    // As a server before this format wrote them: the whole op in the body, the pusher named.
    for (const op of open.ops) {
      const whole = JSON.stringify(op).replaceAll("'", "''");
      await server.db.query(
        `UPDATE ops SET body = '${whole}', pushed_by = '${station.stationId}' WHERE id = '${op.id}'`,
      );
    }

    // The order is folded from the old rows and the new checkout together.
    const checkout = factory.checkout(open.orderId, "2026-11-28T03:05:00.000Z", open.total);
    expect((await server.push(station.deviceToken, checkout)).status).toBe(200);
    const admin = await server.login("ownerA");
    const order = await server.call<{ status: string; total: number; lines: unknown[] }>(
      "GET",
      `/api/orders/${open.orderId}`,
      { token: admin },
    );
    expect(order.body).toMatchObject({ status: "paid", total: open.total });
    expect(order.body.lines).toHaveLength(3);

    // Pulls give both kinds of row back as the ops that were pushed.
    expect((await server.pull(other.deviceToken, 0)).body.ops).toEqual([...open.ops, ...checkout]);
    expect((await server.pull(station.deviceToken, 0)).body.ops).toEqual([]);

    // A replay is held as it is; a changed copy of an old row's op is refused.
    const replay = await server.push(station.deviceToken, [...open.ops, ...checkout]);
    expect(replay.status).toBe(200);
    expect(await server.count("ops")).toBe(open.ops.length + checkout.length);
    const [first] = open.ops;
    if (!first) throw new Error("no op");
    const changed = await server.push(station.deviceToken, [{ ...first, at: "2026-11-28T03:02:00.000Z" }]);
    expect([changed.status, changed.body.error?.code]).toEqual([409, "OP_CONFLICT"]);
    const forged = await server.push(station.deviceToken, [{ ...first, deviceId: other.stationId }]);
    expect(forged.status).toBe(409);
  });
});
