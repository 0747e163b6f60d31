import type { Op } from "@quay/core";
import { PROTOCOL_VERSION, UNNAMED_PULL_PROTOCOL } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";

// The kitchen screen's "done" (`markReady`, protocol 7) through the cloud: on a paid order it
// counts nothing, and a station too old to parse it never gets it.
describe.each(testEngines())("the kitchen's ready at the server on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  type Line = { id: string; orderedAt?: string; readyAt?: string | null };
  const linesOf = async (token: string, orderId: string) =>
    (await server.call<{ lines: Line[] }>("GET", `/api/orders/${orderId}`, { token })).body.lines;

  it("takes a ready after the station's own checkout and leaves every sales figure as it was", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const factory = new OpFactory(a1, station.stationId);
    const sale = factory.invoice({ at: "2026-11-28T02:00:00.000Z", lines: 2, paid: true });
    expect((await server.push(station.deviceToken, sale.ops)).status).toBe(200);
    const manager = await server.login("managerA");
    const report = () =>
      server.call("GET", "/api/reports/sales?from=2026-11-28&to=2026-11-28", { token: manager });
    const before = (await report()).body;
    const lineIds = (await linesOf(manager, sale.orderId)).map((line) => line.id);

    const ready = factory.op(sale.orderId, "2026-11-28T02:04:00.000Z", "markReady", { lineIds });
    const answer = await server.push(station.deviceToken, [ready]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((await report()).body).toEqual(before);
    const lines = await linesOf(manager, sale.orderId);
    expect(lines.map((line) => line.readyAt)).toEqual(lineIds.map(() => "2026-11-28T02:04:00.000Z"));
    expect(lines[0]?.orderedAt).toBe("2026-11-28T02:00:00.000Z");
  });

  it("refuses a ready after the station's own void, and one naming no line", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const factory = new OpFactory(a1, station.stationId);
    const sale = factory.invoice({ at: "2026-11-28T02:00:00.000Z", lines: 1 });
    const voidIt = factory.op(sale.orderId, "2026-11-28T02:01:00.000Z", "voidOrder", {
      reason: "khách bỏ đi",
    });
    expect((await server.push(station.deviceToken, [...sale.ops, voidIt])).status).toBe(200);
    const lineId = sale.ops[1]?.kind === "addLine" ? sale.ops[1].data.lineId : "";
    const late = factory.op(sale.orderId, "2026-11-28T02:02:00.000Z", "markReady", { lineIds: [lineId] });
    const refused = await server.push(station.deviceToken, [late]);
    expect([refused.status, refused.body.error?.code]).toEqual([409, "ORDER_VOID"]);
    const empty = factory.op(sale.orderId, "2026-11-28T02:02:00.000Z", "markReady", { lineIds: [] });
    expect((await server.push(station.deviceToken, [empty])).status).toBe(400);
  });

  it("leaves ready ops out of an old station's pull, and moves its cursor past them", async () => {
    const { a1 } = server.world.stores;
    const counter = await server.registerStation("cashierA", a1, "Quầy 1");
    const old = await server.registerStation("managerA", a1, "Quầy cũ");
    const factory = new OpFactory(a1, counter.stationId);
    const order = factory.invoice({ at: "2026-11-28T02:00:00.000Z", lines: 2 });
    const lineIds = order.ops.flatMap((op) => (op.kind === "addLine" ? [op.data.lineId] : []));
    const ready = factory.op(order.orderId, "2026-11-28T02:03:00.000Z", "markReady", { lineIds });
    const later = factory.op(order.orderId, "2026-11-28T02:04:00.000Z", "moveTable", { tableId: null });
    expect((await server.push(counter.deviceToken, [...order.ops, ready, later])).status).toBe(200);

    type Page = { ops: Op[]; cursor: number; more: boolean };
    const pull = (query: string) =>
      server.call<Page>("GET", `/api/sync/pull?cursor=0&${query}`, { token: old.deviceToken });
    // A station of protocol 6 or older names no version: it gets every op but the ready.
    expect(UNNAMED_PULL_PROTOCOL).toBe(6);
    const unnamed = await pull("limit=100");
    expect(unnamed.status).toBe(200);
    expect(unnamed.body.ops.map((op) => op.kind)).toEqual([...order.ops.map((op) => op.kind), "moveTable"]);
    const named6 = await pull("limit=100&protocolVersion=6");
    expect(named6.body.ops.map((op) => op.id)).toEqual(unnamed.body.ops.map((op) => op.id));
    // Paged so that the ready is the last op of a page: the cursor still moves past it.
    const upToReady = await pull(`limit=${order.ops.length + 1}`);
    expect(upToReady.body.more).toBe(true);
    expect(upToReady.body.ops.map((op) => op.id)).toEqual(order.ops.map((op) => op.id));
    const rest = await server.call<Page>("GET", `/api/sync/pull?cursor=${upToReady.body.cursor}&limit=100`, {
      token: old.deviceToken,
    });
    expect(rest.body.ops.map((op) => op.id)).toEqual([later.id]);

    const current = await pull(`limit=100&protocolVersion=${PROTOCOL_VERSION}`);
    expect(current.body.ops.map((op) => op.id)).toContain(ready.id);
    expect(current.body.cursor).toBe(unnamed.body.cursor);
  });
});
