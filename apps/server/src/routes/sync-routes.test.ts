import { MIN_SUPPORTED_PROTOCOL, PROTOCOL_VERSION } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";

describe.each(testEngines())("sync on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  describe("register", () => {
    it("binds stations to a store with codes Q1, Q2… and keeps a returning station's code", async () => {
      const { a1 } = server.world.stores;
      const first = await server.registerStation("cashierA", a1, "Quầy chính");
      const second = await server.registerStation("managerA", a1, "Quầy phụ");
      expect([first.stationCode, second.stationCode]).toEqual(["Q1", "Q2"]);

      const manager = await server.login("managerA");
      const again = await server.call<{ stationId: string; stationCode: string; store: { code: string } }>(
        "POST",
        "/api/sync/register",
        {
          token: manager,
          body: { protocolVersion: PROTOCOL_VERSION, stationId: first.stationId, name: "Quầy chính" },
        },
      );
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        stationId: first.stationId,
        stationCode: "Q1",
        store: { code: "CH01" },
      });
      // The new credential replaces the old one.
      expect((await server.pull(first.deviceToken, 0)).status).toBe(401);
    });

    it("lets no cashier take a known station's identity, only an owner or a manager", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1, "Quầy chính");
      const body = { protocolVersion: PROTOCOL_VERSION, stationId: station.stationId, name: "Máy lạ" };

      // The station id is no secret (the counter shows it): a cashier's token may not reuse it.
      const cashier = await server.login("cashierA");
      const takeover = await server.call("POST", "/api/sync/register", { token: cashier, body });
      expect([takeover.status, takeover.body.error.code]).toEqual([403, "FORBIDDEN"]);
      expect((await server.pull(station.deviceToken, 0)).status).toBe(200);
      expect(await server.count("stations")).toBe(1);

      // A cashier may still bind a new station (no id, or one the server does not know).
      const fresh = await server.call<{ stationCode: string }>("POST", "/api/sync/register", {
        token: cashier,
        body: { ...body, stationId: newTestId() },
      });
      expect([fresh.status, fresh.body.stationCode]).toEqual([200, "Q2"]);
      expect((await server.pull(station.deviceToken, 0)).status).toBe(200);
    });

    it("numbers stations per store", async () => {
      const { a1, a2 } = server.world.stores;
      expect((await server.registerStation("cashierA", a1)).stationCode).toBe("Q1");
      expect((await server.registerStation("managerA2", a2)).stationCode).toBe("Q1");
    });

    it("refuses waiters, strangers to the store and protocol versions out of range", async () => {
      const waiter = await server.login("waiterA");
      const body = { protocolVersion: PROTOCOL_VERSION, name: "Quầy" };
      expect((await server.call("POST", "/api/sync/register", { token: waiter, body })).body.error.code).toBe(
        "FORBIDDEN",
      );
      const cashier = await server.login("cashierA");
      const other = await server.call("POST", "/api/sync/register", {
        token: cashier,
        body: { ...body, storeCode: "CH02" },
      });
      expect([other.status, other.body.error.code]).toEqual([404, "NOT_FOUND"]);
      const newer = await server.call("POST", "/api/sync/register", {
        token: cashier,
        body: { ...body, protocolVersion: PROTOCOL_VERSION + 1 },
      });
      expect([newer.status, newer.body.error.code]).toEqual([409, "PROTOCOL_SERVER_TOO_OLD"]);
      const older = await server.call("POST", "/api/sync/register", {
        token: cashier,
        body: { ...body, protocolVersion: MIN_SUPPORTED_PROTOCOL - 1 },
      });
      expect([older.status, older.body.error.code]).toEqual([409, "PROTOCOL_STATION_TOO_OLD"]);
      expect((await server.call("POST", "/api/sync/register", { body })).status).toBe(401);
      expect(await server.count("stations")).toBe(0);
    });

    it("will not hand a station of one store to another", async () => {
      const { a1, a2 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const owner = await server.login("ownerA");
      const answer = await server.call("POST", "/api/sync/register", {
        token: owner,
        body: {
          protocolVersion: PROTOCOL_VERSION,
          storeCode: a2.code,
          stationId: station.stationId,
          name: "x",
        },
      });
      expect(answer.body.error.code).toBe("FORBIDDEN");
    });
  });

  describe("push", () => {
    it("stores a batch once however often it is pushed, and says which ids it holds", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const sale = factory.invoice({ at: "2026-11-28T03:01:00.000Z", lines: 3, paid: true });
      const first = await server.push(station.deviceToken, sale.ops);
      expect(first.status).toBe(200);
      expect(new Set(first.body.held)).toEqual(new Set(sale.ops.map((op) => op.id)));
      const second = await server.push(station.deviceToken, [...sale.ops, ...sale.ops]);
      expect(second.status).toBe(200);
      expect(new Set(second.body.held)).toEqual(new Set(sale.ops.map((op) => op.id)));
      expect(second.body.cursor).toBe(first.body.cursor);
      expect(await server.count("ops")).toBe(sale.ops.length);
      expect(await server.count("orders")).toBe(1);

      const admin = await server.login("ownerA");
      const order = await server.call<{ status: string; total: number; receivedAt: string; number: string }>(
        "GET",
        `/api/orders/${sale.orderId}`,
        { token: admin },
      );
      expect(order.body).toMatchObject({ status: "paid", total: sale.total, number: sale.number });
      expect(order.body.receivedAt).toBe("2026-11-28T03:00:00.000Z");
    });

    it("stores a push that follows another only once it holds that one, refusing it before", async () => {
      const { a1, b1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const earlier = factory.invoice({ at: "2026-11-28T03:01:00.000Z", lines: 2, paid: true });
      const later = factory.invoice({ at: "2026-11-28T03:02:00.000Z", lines: 2, paid: true });
      const follows = earlier.ops.at(-1)?.id;

      const overtaking = await server.push(station.deviceToken, later.ops, { follows });
      expect(overtaking.status).toBe(409);
      expect(overtaking.body.error.code).toBe("PUSH_OUT_OF_ORDER");
      expect(await server.count("ops")).toBe(0);
      expect(await server.count("orders")).toBe(0);

      // Another store's op is not one this store holds, whoever pushed it.
      const other = await server.registerStation("cashierB", b1);
      const elsewhere = new OpFactory(b1, other.stationId).invoice({
        at: "2026-11-28T03:01:00.000Z",
        lines: 1,
      });
      expect((await server.push(other.deviceToken, elsewhere.ops)).status).toBe(200);
      const across = await server.push(station.deviceToken, later.ops, { follows: elsewhere.ops.at(-1)?.id });
      expect(across.body.error?.code).toBe("PUSH_OUT_OF_ORDER");

      expect((await server.push(station.deviceToken, earlier.ops)).status).toBe(200);
      const inTurn = await server.push(station.deviceToken, later.ops, { follows });
      expect(inTurn.status).toBe(200);
      expect(new Set(inTurn.body.held)).toEqual(new Set(later.ops.map((op) => op.id)));
      expect(await server.count("orders")).toBe(3);
    });

    it("takes pushes of every version it supports, and says which side is too old beyond them", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const push = (protocolVersion: number, ops: readonly unknown[]) =>
        server.call<{ held: string[]; error: { code: string } }>("POST", "/api/sync/push", {
          token: station.deviceToken,
          body: { protocolVersion, pending: { openOrders: 0, paidOrders: 1 }, ops },
        });
      // A version-1 station writes its pushes exactly as version 2 does.
      expect(MIN_SUPPORTED_PROTOCOL).toBe(1);
      const v1 = factory.invoice({ at: "2026-11-28T03:01:00.000Z", paid: true });
      const fromV1 = await push(1, v1.ops);
      expect(fromV1.status).toBe(200);
      expect(new Set(fromV1.body.held)).toEqual(new Set(v1.ops.map((op) => op.id)));
      const current = factory.invoice({ at: "2026-11-28T03:02:00.000Z", paid: true });
      expect((await push(PROTOCOL_VERSION, current.ops)).status).toBe(200);

      const refused = factory.invoice({ at: "2026-11-28T03:03:00.000Z", paid: true });
      const tooOld = await push(MIN_SUPPORTED_PROTOCOL - 1, refused.ops);
      expect([tooOld.status, tooOld.body.error.code]).toEqual([409, "PROTOCOL_STATION_TOO_OLD"]);
      const tooNew = await push(PROTOCOL_VERSION + 1, refused.ops);
      expect([tooNew.status, tooNew.body.error.code]).toEqual([409, "PROTOCOL_SERVER_TOO_OLD"]);
      expect(await server.count("ops")).toBe(v1.ops.length + current.ops.length);
    });

    it("refuses a station's change to an order after its own close or void: no line after close", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const sale = factory.invoice({ at: "2026-11-28T02:00:00.000Z", lines: 1, paid: true });
      expect((await server.push(station.deviceToken, sale.ops)).status).toBe(200);
      const item = a1.items[1];
      if (!item) throw new Error("no item");
      const later = "2026-11-28T02:05:00.000Z";
      const line = {
        lineId: newTestId(),
        itemId: item.id,
        name: item.name,
        unitPrice: item.price,
        vatRate: item.vatRate,
        quantity: 5,
        note: null,
      };
      const opsBefore = await server.count("ops");
      for (const op of [
        factory.op(sale.orderId, later, "addLine", line),
        factory.op(sale.orderId, later, "discount", { amount: 1_000, reason: "quen" }),
        factory.op(sale.orderId, later, "addPayment", {
          paymentId: newTestId(),
          method: "card",
          amount: 1_000,
        }),
      ]) {
        const answer = await server.push(station.deviceToken, [op]);
        expect([answer.status, answer.body.error?.code], op.kind).toEqual([409, "ORDER_PAID"]);
        // Named, so the station sets this order apart and pushes the others.
        expect(answer.body).toMatchObject({ error: { orderId: sale.orderId, opId: op.id } });
      }
      // The same line in the batch that closes the order, after the close, is refused as well.
      const other = factory.invoice({ at: "2026-11-28T02:10:00.000Z", lines: 1, paid: true });
      const lineAfter = factory.op(other.orderId, "2026-11-28T02:10:00.001Z", "addLine", {
        ...line,
        lineId: newTestId(),
      });
      const batch = await server.push(station.deviceToken, [...other.ops, lineAfter]);
      expect([batch.status, batch.body.error?.code]).toEqual([409, "ORDER_PAID"]);
      expect(await server.count("ops")).toBe(opsBefore);
      // A refund stays possible, and nothing follows a void.
      const refund = factory.op(sale.orderId, later, "voidOrder", { reason: "trả lại" });
      expect((await server.push(station.deviceToken, [refund])).status).toBe(200);
      const afterVoid = factory.op(sale.orderId, "2026-11-28T02:06:00.000Z", "moveTable", { tableId: null });
      const refused = await server.push(station.deviceToken, [afterVoid]);
      expect([refused.status, refused.body.error?.code]).toEqual([409, "ORDER_VOID"]);
      const owner = await server.login("ownerA");
      const order = await server.call<{ status: string; lines: unknown[]; total: number }>(
        "GET",
        `/api/orders/${sale.orderId}`,
        { token: owner },
      );
      expect(order.body).toMatchObject({ status: "void", total: sale.total });
      expect(order.body.lines).toHaveLength(1);
    });

    it("stores a catch-up batch of thousands of ops once, around ops it already holds", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const sales = Array.from({ length: 300 }, (_, index) =>
        factory.invoice({
          at: `2026-11-28T02:${String(Math.floor(index / 60)).padStart(2, "0")}:${String(index % 60).padStart(2, "0")}.000Z`,
          lines: 1 + (index % 5),
          paid: true,
        }),
      );
      const ops = sales.flatMap((sale) => sale.ops);
      // Some ops already held, scattered through the batch (a retried push that half got through).
      const early = ops.filter((_, index) => index % 7 === 3);
      expect((await server.push(station.deviceToken, early)).status).toBe(200);
      const pushed = await server.push(station.deviceToken, ops);
      expect(pushed.status).toBe(200);
      expect(new Set(pushed.body.held)).toEqual(new Set(ops.map((op) => op.id)));
      expect(await server.count("ops")).toBe(ops.length);
      expect(await server.count("orders")).toBe(sales.length);
      const again = await server.push(station.deviceToken, ops);
      expect(again.body.cursor).toBe(pushed.body.cursor);

      const admin = await server.login("ownerA");
      const paid = await server.call<{ orders: { id: string; total: number; status: string }[] }>(
        "GET",
        "/api/orders?status=paid&limit=1000",
        { token: admin },
      );
      const totals = new Map(paid.body.orders.map((order) => [order.id, order.total]));
      expect(totals).toEqual(new Map(sales.map((sale) => [sale.orderId, sale.total])));
    });

    it("keeps the time an order first reached the server", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const sale = factory.invoice({ at: "2026-11-28T02:00:00.000Z", lines: 1 });
      await server.push(station.deviceToken, sale.ops);
      server.clock.advance(60_000);
      const payment = factory.op(sale.orderId, "2026-11-28T02:05:00.000Z", "addPayment", {
        paymentId: newTestId(),
        method: "card",
        amount: sale.total,
      });
      const close = factory.op(sale.orderId, "2026-11-28T02:05:00.000Z", "close", { total: sale.total });
      await server.push(station.deviceToken, [payment, close]);
      const admin = await server.login("ownerA");
      const order = await server.call<{ status: string; receivedAt: string; payments: unknown[] }>(
        "GET",
        `/api/orders/${sale.orderId}`,
        { token: admin },
      );
      expect(order.body).toMatchObject({ status: "paid", receivedAt: "2026-11-28T03:00:00.000Z" });
      expect(order.body.payments).toHaveLength(1);
    });

    it("refuses the whole batch when one op is on another store's order", async () => {
      const { a1, a2 } = server.world.stores;
      const stationA1 = await server.registerStation("cashierA", a1);
      const stationA2 = await server.registerStation("managerA2", a2);
      const theirs = new OpFactory(a2, stationA2.stationId).invoice({ at: "2026-11-28T02:00:00.000Z" });
      expect((await server.push(stationA2.deviceToken, theirs.ops)).status).toBe(200);
      const opsBefore = await server.count("ops");

      const ours = new OpFactory(a1, stationA1.stationId);
      const mine = ours.invoice({ at: "2026-11-28T02:10:00.000Z", paid: true });
      const intruder = ours.op(theirs.orderId, "2026-11-28T02:11:00.000Z", "voidOrder", { reason: "x" });
      const answer = await server.push(stationA1.deviceToken, [...mine.ops, intruder]);
      expect([answer.status, answer.body]).toMatchObject([403, { error: { code: "FORBIDDEN" } }]);
      expect(await server.count("ops")).toBe(opsBefore);
      expect(await server.count("orders")).toBe(1);

      // Opening an order in another store, or replaying another store's op ids, is refused too.
      const foreignOpen = new OpFactory(a2, stationA1.stationId).invoice({ at: "2026-11-28T02:12:00.000Z" });
      expect((await server.push(stationA1.deviceToken, foreignOpen.ops)).status).toBe(403);
      const replay = theirs.ops.map((op) => ({ ...op, orderId: newTestId() }));
      expect((await server.push(stationA1.deviceToken, replay)).status).toBe(403);
      expect(await server.count("ops")).toBe(opsBefore);
    });

    it("stores nothing when the database fails halfway through a batch", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const sales = Array.from({ length: 6 }, (_, index) =>
        factory.invoice({ at: `2026-11-28T02:0${index}:00.000Z`, paid: true }),
      );
      const ops = sales.flatMap((sale) => sale.ops);
      const poisoned = ops[Math.floor(ops.length / 2)]?.id ?? "";
      if (server.db.engine === "sqlite") {
        await server.db.query(
          `CREATE TRIGGER fail_halfway BEFORE INSERT ON ops WHEN NEW.id = '${poisoned}'
           BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
        );
      } else {
        await server.db.query(
          `CREATE OR REPLACE FUNCTION fail_halfway() RETURNS trigger AS $$
           BEGIN IF NEW.id = '${poisoned}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END
           $$ LANGUAGE plpgsql`,
        );
        await server.db.query(
          "CREATE TRIGGER fail_halfway BEFORE INSERT ON ops FOR EACH ROW EXECUTE FUNCTION fail_halfway()",
        );
      }
      const answer = await server.push(station.deviceToken, ops);
      expect([answer.status, answer.body.error.code]).toEqual([500, "INTERNAL"]);
      expect(await server.count("ops")).toBe(0);
      expect(await server.count("orders")).toBe(0);
      expect(await server.count("sales_rollup")).toBe(0);

      await server.db.query(`DROP TRIGGER fail_halfway${server.db.engine === "postgres" ? " ON ops" : ""}`);
      expect((await server.push(station.deviceToken, ops)).status).toBe(200);
      expect(await server.count("orders")).toBe(6);
    });

    it("stores nothing when projecting the orders fails after the ops went in", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const sale = new OpFactory(a1, station.stationId).invoice({
        at: "2026-11-28T02:00:00.000Z",
        paid: true,
      });
      if (server.db.engine === "sqlite") {
        await server.db.query(
          "CREATE TRIGGER fail_rollup BEFORE INSERT ON sales_rollup BEGIN SELECT RAISE(ABORT, 'injected'); END",
        );
      } else {
        await server.db.query(
          "CREATE OR REPLACE FUNCTION fail_rollup() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$ LANGUAGE plpgsql",
        );
        await server.db.query(
          "CREATE TRIGGER fail_rollup BEFORE INSERT ON sales_rollup FOR EACH ROW EXECUTE FUNCTION fail_rollup()",
        );
      }
      expect((await server.push(station.deviceToken, sale.ops)).status).toBe(500);
      expect(await server.count("ops")).toBe(0);
      expect(await server.count("orders")).toBe(0);
    });

    it("records the station's contact and pending work for the back office", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      server.clock.advance(5_000);
      await server.push(station.deviceToken, [], { pending: { openOrders: 2, paidOrders: 7 } });
      const manager = await server.login("managerA");
      const stations = await server.call<{
        stations: { id: string; lastSeenAt: string; pending: unknown }[];
      }>("GET", "/api/stations", { token: manager });
      expect(stations.body.stations).toEqual([
        expect.objectContaining({
          id: station.stationId,
          code: "Q1",
          lastSeenAt: "2026-11-28T03:00:05.000Z",
          pending: { openOrders: 2, paidOrders: 7, refused: [] },
        }),
      ]);
    });

    it("shows the orders a station holds refused until it reports them resolved", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const manager = await server.login("managerA");
      const shown = async () =>
        (
          await server.call<{ stations: { pending: { refused: unknown[] } | null }[] }>(
            "GET",
            "/api/stations",
            {
              token: manager,
            },
          )
        ).body.stations[0]?.pending?.refused;
      const refused = [
        {
          orderId: newTestId(),
          number: "CH01-Q1-20261128-0007",
          code: "PAYMENT_EXCEEDS_DUE",
          at: "2026-11-28T03:00:00.000Z",
        },
      ];
      const report = (pending: object) => server.push(station.deviceToken, [], { pending });
      expect((await report({ openOrders: 0, paidOrders: 3, refused })).status).toBe(200);
      expect(await shown()).toEqual(refused);
      // A station older than protocol 3 lists none: the last list stays.
      expect((await report({ openOrders: 0, paidOrders: 2 })).status).toBe(200);
      expect(await shown()).toEqual(refused);
      expect((await report({ openOrders: 0, paidOrders: 0, refused: [] })).status).toBe(200);
      expect(await shown()).toEqual([]);
      const bad = await report({
        openOrders: 0,
        paidOrders: 0,
        refused: [{ ...refused[0], code: "lower case" }],
      });
      expect([bad.status, bad.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    });

    it("refuses pending counts no station can hold, so the back office never shows them", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      for (const pending of [
        { openOrders: 1e9, paidOrders: 0 },
        { openOrders: 0, paidOrders: 2 ** 31 },
        { openOrders: 0, paidOrders: Number.MAX_SAFE_INTEGER },
      ]) {
        const answer = await server.push(station.deviceToken, [], { pending });
        expect([answer.status, answer.body.error?.code], JSON.stringify(pending)).toEqual([
          400,
          "VALIDATION_FAILED",
        ]);
      }
      const largest = { openOrders: 1_000_000, paidOrders: 1_000_000 };
      expect((await server.push(station.deviceToken, [], { pending: largest })).status).toBe(200);
      const manager = await server.login("managerA");
      const stations = await server.call<{ stations: { pending: unknown }[] }>("GET", "/api/stations", {
        token: manager,
      });
      expect(stations.body.stations.map((entry) => entry.pending)).toEqual([{ ...largest, refused: [] }]);
    });

    it("answers bad input with 400 VALIDATION_FAILED and stores nothing", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const sale = factory.invoice({ at: "2026-11-28T02:00:00.000Z", lines: 1, paid: true });
      const [open, line, payment] = sale.ops;
      const variants: unknown[][] = [
        [{ ...open, at: "yesterday" }],
        [{ ...open, id: "not-a-uuid" }],
        [{ ...open, kind: "explode" }],
        [open, { ...line, data: { ...(line?.data as object), quantity: 0 } }],
        [open, { ...line, data: { ...(line?.data as object), quantity: 10_000 } }],
        [open, { ...line, data: { ...(line?.data as object), quantity: 1.5 } }],
        [open, { ...line, data: { ...(line?.data as object), unitPrice: -1 } }],
        [open, { ...line, data: { ...(line?.data as object), unitPrice: 29_000.5 } }],
        [open, { ...line, data: { ...(line?.data as object), unitPrice: "29000" } }],
        [open, { ...payment, data: { ...(payment?.data as object), amount: 0 } }],
        [open, { ...payment, data: { ...(payment?.data as object), amount: 1_000_000_000_001 } }],
        [
          open,
          { ...line, data: { ...(line?.data as object), unitPrice: 1_000_000_000_000, quantity: 9_999 } },
        ],
      ];
      for (const ops of variants) {
        const answer = await server.push(station.deviceToken, ops);
        expect([answer.status, answer.body], JSON.stringify(ops).slice(0, 200)).toMatchObject([
          400,
          { error: { code: "VALIDATION_FAILED" } },
        ]);
      }
      const broken = await server.call("POST", "/api/sync/push", {
        token: station.deviceToken,
        rawBody: '{"protocolVersion":1,"ops":[',
      });
      expect([broken.status, broken.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
      const tooMany = Array.from({ length: 10_001 }, () => open);
      expect((await server.push(station.deviceToken, tooMany)).body.error.code).toBe("VALIDATION_FAILED");
      expect(await server.count("ops")).toBe(0);
    });

    it("takes bodies up to 32 MiB and refuses larger ones with 413", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const factory = new OpFactory(a1, station.stationId);
      const big = Array.from({ length: 100 }, (_, index) =>
        factory.invoice({
          at: `2026-11-28T02:00:${String(index % 60).padStart(2, "0")}.000Z`,
          lines: 5,
          paid: true,
        }),
      ).flatMap((sale) => sale.ops);
      const padded = JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        ops: big,
        pad: "x".repeat(2 * 1024 * 1024),
      });
      const accepted = await server.call("POST", "/api/sync/push", {
        token: station.deviceToken,
        rawBody: padded,
      });
      expect(accepted.status).toBe(200);
      const huge = `{"protocolVersion":1,"ops":[],"pad":"${"x".repeat(33 * 1024 * 1024)}"}`;
      const refused = await server.call("POST", "/api/sync/push", {
        token: station.deviceToken,
        rawBody: huge,
      });
      expect([refused.status, refused.body.error.code]).toEqual([413, "BODY_TOO_LARGE"]);
    });

    it("takes only device tokens, and device tokens only on sync calls", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const cashier = await server.login("cashierA");
      expect((await server.push(cashier, [])).body.error.code).toBe("FORBIDDEN");
      expect((await server.push("forged.token", [])).status).toBe(401);
      expect((await server.push("", [])).status).toBe(401);
      // The token is checked before the body is read.
      const anonymous = await server.call("POST", "/api/sync/push", { rawBody: "{broken" });
      expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "UNAUTHENTICATED"]);
      const orders = await server.call("GET", "/api/orders", { token: station.deviceToken });
      expect([orders.status, orders.body.error.code]).toEqual([403, "FORBIDDEN"]);
    });

    it("stops a revoked station at once", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const manager = await server.login("managerA");
      expect(
        (await server.call("DELETE", `/api/stations/${station.stationId}`, { token: manager })).status,
      ).toBe(204);
      expect((await server.push(station.deviceToken, [])).status).toBe(401);
    });
  });

  describe("pull", () => {
    it("pages other devices' ops of its store after the cursor, without its own", async () => {
      const { a1, a2 } = server.world.stores;
      const mine = await server.registerStation("cashierA", a1, "Quầy 1");
      const other = await server.registerStation("managerA", a1, "Quầy 2");
      const elsewhere = await server.registerStation("managerA2", a2, "Quầy A2");

      const start = await server.pull(mine.deviceToken, 0);
      expect(start.status).toBe(200);
      expect(start.body.catalog?.store.code).toBe("CH01");
      expect(start.body.catalog?.items).toHaveLength(3);
      expect(start.body.users?.map((user) => user.username).sort()).toEqual([
        "cashiera",
        "managera",
        "ownera",
        "waitera",
      ]);
      expect(start.body.users?.[0]?.passwordHash).toMatch(/^scrypt\$/);
      expect(start.body.ops).toEqual([]);

      const own = new OpFactory(a1, mine.stationId).invoice({ at: "2026-11-28T02:00:00.000Z", paid: true });
      await server.push(mine.deviceToken, own.ops);
      const theirs = new OpFactory(a1, other.stationId).invoice({ at: "2026-11-28T02:01:00.000Z", lines: 3 });
      await server.push(other.deviceToken, theirs.ops);
      const far = new OpFactory(a2, elsewhere.stationId).invoice({ at: "2026-11-28T02:02:00.000Z" });
      await server.push(elsewhere.deviceToken, far.ops);

      const first = await server.pull(mine.deviceToken, start.body.cursor, 2);
      expect(first.body).toMatchObject({ more: true, catalog: null, users: null });
      expect(first.body.ops.map((op) => op.id)).toEqual(theirs.ops.slice(0, 2).map((op) => op.id));
      const rest = await server.pull(mine.deviceToken, first.body.cursor, 100);
      expect(rest.body.more).toBe(false);
      expect(rest.body.ops.map((op) => op.id)).toEqual(theirs.ops.slice(2).map((op) => op.id));
      const idle = await server.pull(mine.deviceToken, rest.body.cursor);
      expect(idle.body).toMatchObject({
        ops: [],
        more: false,
        catalog: null,
        users: null,
        cursor: rest.body.cursor,
      });
    });

    it("sends the catalog and the users again once they change", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const { cursor } = (await server.pull(station.deviceToken, 0)).body;
      const manager = await server.login("managerA");
      const item = a1.items[0];
      await server.call("PATCH", `/api/catalog/items/${item?.id}`, {
        token: manager,
        body: { price: 31_000 },
      });
      const afterCatalog = await server.pull(station.deviceToken, cursor);
      expect(afterCatalog.body.users).toBeNull();
      expect(afterCatalog.body.catalog?.items.find((candidate) => candidate.id === item?.id)?.price).toBe(
        31_000,
      );
      expect(afterCatalog.body.cursor).toBeGreaterThan(cursor);

      await server.call("PATCH", `/api/users/${server.world.users.waiterA.id}`, {
        token: manager,
        body: { active: false },
      });
      const afterUsers = await server.pull(station.deviceToken, afterCatalog.body.cursor);
      expect(afterUsers.body.catalog).toBeNull();
      expect(afterUsers.body.users?.find((user) => user.username === "waitera")?.active).toBe(false);
    });

    it("starts over when the cursor is ahead of the server (a replaced database)", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const answer = await server.pull(station.deviceToken, 1_000_000);
      expect(answer.body.catalog).not.toBeNull();
      expect(answer.body.cursor).toBeLessThan(1_000_000);
    });

    it("passes a refund made after the station's own close on, but not to a station too old to read it", async () => {
      const { a1 } = server.world.stores;
      const counter = await server.registerStation("managerA", a1, "Quầy 1");
      const older = await server.registerStation("cashierA", a1, "Quầy cũ");
      const { cursor } = (await server.pull(older.deviceToken, 0)).body;
      const maker = new OpFactory(a1, counter.stationId);
      const sale = maker.invoice({ at: "2026-11-28T02:00:00.000Z", paid: true });
      const refund = maker.refund(sale.orderId, "2026-11-28T03:00:00.000Z", 10_000);
      const pushed = await server.push(counter.deviceToken, [...sale.ops, refund]);
      expect(pushed.status).toBe(200);

      const silent = await server.pull(older.deviceToken, cursor);
      expect(silent.body.ops.map((op) => op.id)).toEqual(sale.ops.map((op) => op.id));
      const version5 = await server.pull(older.deviceToken, cursor, undefined, 5);
      expect(version5.body).toEqual(silent.body);
      // The cursor passes the refund: an older station is not asked to read it again.
      expect(silent.body.cursor).toBe(
        (await server.pull(older.deviceToken, cursor, undefined, 6)).body.cursor,
      );
      const current = await server.pull(older.deviceToken, cursor, undefined, PROTOCOL_VERSION);
      expect(current.body.ops.map((op) => op.id)).toEqual([...sale.ops, refund].map((op) => op.id));

      const order = await server.call<{ status: string; refunded: number; paidAt: string }>(
        "GET",
        `/api/orders/${sale.orderId}`,
        { token: await server.login("managerA") },
      );
      expect(order.body).toMatchObject({
        status: "paid",
        refunded: 10_000,
        paidAt: "2026-11-28T02:00:00.000Z",
      });
    });

    it("refuses a cashier's refund without a manager's approval, takes it with one", async () => {
      const { a1 } = server.world.stores;
      const counter = await server.registerStation("cashierA", a1, "Quầy 1");
      const cashier = new OpFactory(a1, counter.stationId, server.world.users.cashierA.id);
      const sale = cashier.invoice({ at: "2026-11-28T02:00:00.000Z", paid: true });
      expect((await server.push(counter.deviceToken, sale.ops)).status).toBe(200);
      const alone = cashier.refund(sale.orderId, "2026-11-28T03:00:00.000Z", 5_000);
      const refused = await server.push(counter.deviceToken, [alone]);
      expect([refused.status, refused.body.error?.code]).toEqual([403, "OP_NOT_ALLOWED"]);
      const approvedBy = server.world.users.managerA.id;
      const approved = cashier.refund(sale.orderId, "2026-11-28T03:00:01.000Z", 5_000, { approvedBy });
      expect((await server.push(counter.deviceToken, [approved])).status).toBe(200);
    });

    it("refuses bad cursors and limits", async () => {
      const { a1 } = server.world.stores;
      const station = await server.registerStation("cashierA", a1);
      const queries = [
        "cursor=-1",
        "cursor=abc",
        "cursor=1.5",
        "limit=0",
        "limit=10001",
        "protocolVersion=0",
      ];
      for (const query of queries) {
        const answer = await server.call("GET", `/api/sync/pull?${query}`, { token: station.deviceToken });
        expect([answer.status, answer.body.error.code], query).toEqual([400, "VALIDATION_FAILED"]);
      }
    });
  });
});
