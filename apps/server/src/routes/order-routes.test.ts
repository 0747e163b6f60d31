import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

interface OrderBody {
  id: string;
  number: string;
  status: "open" | "paid" | "void";
  tableId: string | null;
  lines: {
    id: string;
    itemId: string;
    name: string;
    quantity: number;
    unitPrice: number;
    amount: number;
    discount?: { amount: number; percent: number | null; reason: string | null; approvedBy: string | null };
  }[];
  total: number;
  paid: number;
  changeDue: number;
  payments: { method: string; amount: number }[];
  stationId: string;
  receivedAt: string;
  voidedLines: unknown[];
  discount: number;
}

describe.each(testEngines())("orders on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const order = (token: string, method: string, url: string, body?: unknown) =>
    server.call<OrError<OrderBody>>(method, url, body === undefined ? { token } : { token, body });

  /** A waiter opens an order at table 1 and adds two lines. */
  async function openWithLines(token: string) {
    const { a1 } = server.world.stores;
    const opened = await order(token, "POST", "/api/orders", { tableId: a1.tableIds[0] });
    expect(opened.status).toBe(201);
    await order(token, "POST", `/api/orders/${opened.body.id}/lines`, {
      itemId: a1.items[0]?.id,
      quantity: 2,
    });
    const second = await order(token, "POST", `/api/orders/${opened.body.id}/lines`, {
      itemId: a1.items[1]?.id,
      quantity: 1,
      note: "ít đá",
    });
    expect(second.status).toBe(200);
    return second.body;
  }

  it("takes an order from a phone to paid: open, lines, quantity, payments", async () => {
    const waiter = await server.login("waiterA");
    const cashier = await server.login("cashierA");
    const opened = await order(waiter, "POST", "/api/orders", {});
    expect(opened.body).toMatchObject({
      status: "open",
      number: "CH01-W-20261128-0001",
      tableId: null,
      total: 0,
    });
    expect(opened.body.stationId).toMatch(/^web-/);
    expect(opened.body.receivedAt).toBe("2026-11-28T03:00:00.000Z");
    const second = await order(waiter, "POST", "/api/orders", {});
    expect(second.body.number).toBe("CH01-W-20261128-0002");

    const withLines = await openWithLines(waiter);
    expect(withLines.lines.map((line) => [line.name, line.quantity, line.amount])).toEqual([
      ["Cà phê sữa đá", 2, 58_000],
      ["Bạc xỉu", 1, 35_000],
    ]);
    expect(withLines.total).toBe(93_000);
    const lineId = withLines.lines[0]?.id;
    const changed = await order(waiter, "PATCH", `/api/orders/${withLines.id}/lines/${lineId}`, {
      quantity: 3,
    });
    expect(changed.body.total).toBe(122_000);

    const part = await order(cashier, "POST", `/api/orders/${withLines.id}/payments`, {
      method: "transfer",
      amount: 22_000,
    });
    expect(part.body).toMatchObject({ status: "open", paid: 22_000 });
    const rest = await order(cashier, "POST", `/api/orders/${withLines.id}/payments`, {
      method: "cash",
      amount: 200_000,
    });
    expect(rest.body).toMatchObject({ status: "paid", paid: 222_000, changeDue: 100_000 });

    const late = await order(waiter, "POST", `/api/orders/${withLines.id}/lines`, {
      itemId: server.world.stores.a1.items[0]?.id,
      quantity: 1,
    });
    expect([late.status, late.body.error.code]).toEqual([409, "ORDER_PAID"]);
    const listed = await server.call<{ orders: OrderBody[] }>("GET", "/api/orders?status=paid", {
      token: cashier,
    });
    expect(listed.body.orders.map((candidate) => candidate.id)).toEqual([withLines.id]);
  });

  it("keeps waiters from taking payments and from voiding paid orders", async () => {
    const waiter = await server.login("waiterA");
    const cashier = await server.login("cashierA");
    const open = await openWithLines(waiter);
    const pay = await order(waiter, "POST", `/api/orders/${open.id}/payments`, {
      method: "cash",
      amount: 1_000,
    });
    expect([pay.status, pay.body.error.code]).toEqual([403, "FORBIDDEN"]);
    await order(cashier, "POST", `/api/orders/${open.id}/payments`, { method: "card", amount: open.total });
    const voided = await order(waiter, "POST", `/api/orders/${open.id}/void`, {
      reason: "nhầm",
      managerPin: "9999",
    });
    expect([voided.status, voided.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const byCashier = await order(cashier, "POST", `/api/orders/${open.id}/void`, { reason: "nhầm" });
    expect(byCashier.status).toBe(403);
    const withPin = await order(cashier, "POST", `/api/orders/${open.id}/void`, {
      reason: "nhầm",
      managerPin: "9999",
    });
    expect(withPin.body.status).toBe("void");
  });

  it("lets managers void lines and discount, others only with a manager's PIN", async () => {
    const waiter = await server.login("waiterA");
    const manager = await server.login("managerA");
    const open = await openWithLines(waiter);
    const lineId = open.lines[0]?.id;
    const refused = await order(waiter, "POST", `/api/orders/${open.id}/lines/${lineId}/void`, {
      reason: "khách đổi",
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, "MANAGER_PIN_REQUIRED"]);
    const badPin = await order(waiter, "POST", `/api/orders/${open.id}/lines/${lineId}/void`, {
      reason: "khách đổi",
      managerPin: "5555", // a manager of another store
    });
    expect([badPin.status, badPin.body.error.code]).toEqual([403, "MANAGER_PIN_INVALID"]);
    const voided = await order(waiter, "POST", `/api/orders/${open.id}/lines/${lineId}/void`, {
      reason: "khách đổi",
      managerPin: "9999",
    });
    expect(voided.body.lines).toHaveLength(1);
    expect(voided.body.voidedLines).toHaveLength(1);
    const discount = await order(manager, "POST", `/api/orders/${open.id}/discount`, { amount: 5_000 });
    expect(discount.body).toMatchObject({ discount: 5_000, total: 30_000 });
    const tooMuch = await order(manager, "POST", `/api/orders/${open.id}/discount`, { amount: 50_000 });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([400, "INVALID_AMOUNT"]);
  });

  it("discounts one line: a waiter only with a manager's PIN, recorded with who approved it", async () => {
    const waiter = await server.login("waiterA");
    const open = await openWithLines(waiter);
    const line = open.lines[0];
    const path = `/api/orders/${open.id}/lines/${line?.id}/discount`;
    const terms = { percent: 10, reason: "Khách quen" };
    const refused = await order(waiter, "POST", path, terms);
    expect([refused.status, refused.body.error.code]).toEqual([403, "MANAGER_PIN_REQUIRED"]);
    const given = await order(waiter, "POST", path, { ...terms, managerPin: "9999" });
    const discounted = given.body.lines.find((candidate) => candidate.id === line?.id);
    expect(discounted?.discount).toMatchObject({ percent: 10, reason: "Khách quen" });
    expect(discounted?.discount?.approvedBy).toEqual(expect.any(String));
    expect(given.body.total).toBe(open.total - (discounted?.discount?.amount ?? 0));
    const missing = await order(waiter, "POST", `/api/orders/${open.id}/lines/${newTestId()}/discount`, {
      amount: 1_000,
      managerPin: "9999",
    });
    expect(missing.status).toBe(404);
  });

  it("moves an order between tables of its store only", async () => {
    const waiter = await server.login("waiterA");
    const open = await openWithLines(waiter);
    const { a1, b1 } = server.world.stores;
    const moved = await order(waiter, "POST", `/api/orders/${open.id}/move`, { tableId: a1.tableIds[1] });
    expect(moved.body.tableId).toBe(a1.tableIds[1]);
    const foreign = await order(waiter, "POST", `/api/orders/${open.id}/move`, { tableId: b1.tableIds[0] });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("answers bad input with a 4xx code and changes nothing", async () => {
    const waiter = await server.login("waiterA");
    const cashier = await server.login("cashierA");
    const open = await openWithLines(waiter);
    const opsBefore = await server.count("ops");
    const lineId = open.lines[0]?.id;
    const itemId = server.world.stores.a1.items[0]?.id;
    const cases: [string, string, unknown, number, string][] = [
      ["POST", `/api/orders/${open.id}/lines`, { itemId, quantity: 0 }, 400, "VALIDATION_FAILED"],
      ["POST", `/api/orders/${open.id}/lines`, { itemId, quantity: 10_000 }, 400, "VALIDATION_FAILED"],
      ["POST", `/api/orders/${open.id}/lines`, { itemId, quantity: 1.5 }, 400, "VALIDATION_FAILED"],
      ["POST", `/api/orders/${open.id}/lines`, { itemId, quantity: "2" }, 400, "VALIDATION_FAILED"],
      ["POST", `/api/orders/${open.id}/lines`, { itemId: "nope", quantity: 1 }, 400, "VALIDATION_FAILED"],
      ["POST", `/api/orders/${open.id}/lines`, { itemId: newTestId(), quantity: 1 }, 404, "NOT_FOUND"],
      ["POST", `/api/orders/${newTestId()}/lines`, { itemId, quantity: 1 }, 404, "NOT_FOUND"],
      ["PATCH", `/api/orders/${open.id}/lines/${newTestId()}`, { quantity: 2 }, 404, "NOT_FOUND"],
      ["PATCH", `/api/orders/${open.id}/lines/${lineId}`, { quantity: -1 }, 400, "VALIDATION_FAILED"],
      ["POST", `/api/orders/${open.id}/payments`, { method: "cash", amount: -1 }, 400, "VALIDATION_FAILED"],
      ["POST", `/api/orders/${open.id}/payments`, { method: "cash", amount: 0 }, 400, "VALIDATION_FAILED"],
      [
        "POST",
        `/api/orders/${open.id}/payments`,
        { method: "cash", amount: 1000.5 },
        400,
        "VALIDATION_FAILED",
      ],
      [
        "POST",
        `/api/orders/${open.id}/payments`,
        { method: "cash", amount: 1e12 + 1 },
        400,
        "VALIDATION_FAILED",
      ],
      ["POST", `/api/orders/${open.id}/payments`, { method: "gold", amount: 1000 }, 400, "VALIDATION_FAILED"],
      ["POST", "/api/orders", { tableId: newTestId() }, 404, "NOT_FOUND"],
      ["POST", "/api/orders", { tableId: 7 }, 400, "VALIDATION_FAILED"],
    ];
    for (const [method, url, body, status, code] of cases) {
      const answer = await order(cashier, method, url, body);
      expect([answer.status, answer.body.error?.code], `${method} ${url} ${JSON.stringify(body)}`).toEqual([
        status,
        code,
      ]);
    }
    const broken = await server.call("POST", "/api/orders", { token: cashier, rawBody: '{"tableId":' });
    expect([broken.status, broken.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    const huge = await server.call("POST", `/api/orders/${open.id}/lines`, {
      token: cashier,
      rawBody: JSON.stringify({ itemId, quantity: 1, note: "x".repeat(1024 * 1024) }),
    });
    expect([huge.status, huge.body.error.code]).toEqual([413, "BODY_TOO_LARGE"]);
    const text = await server.call("POST", "/api/orders", {
      token: cashier,
      rawBody: "tableId=1",
      headers: { "content-type": "text/plain" },
    });
    expect([text.status, text.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(await server.count("ops")).toBe(opsBefore);
    const unchanged = await order(cashier, "GET", `/api/orders/${open.id}`);
    expect(unchanged.body.total).toBe(open.total);
  });

  it("refuses to pay an order with no lines, and items taken off sale", async () => {
    const cashier = await server.login("cashierA");
    const manager = await server.login("managerA");
    const empty = await order(cashier, "POST", "/api/orders", {});
    const pay = await order(cashier, "POST", `/api/orders/${empty.body.id}/payments`, {
      method: "cash",
      amount: 1,
    });
    expect([pay.status, pay.body.error.code]).toEqual([409, "ORDER_EMPTY"]);
    const itemId = server.world.stores.a1.items[2]?.id;
    await server.call("PATCH", `/api/catalog/items/${itemId}`, { token: manager, body: { active: false } });
    const line = await order(cashier, "POST", `/api/orders/${empty.body.id}/lines`, { itemId, quantity: 1 });
    expect([line.status, line.body.error.code]).toEqual([409, "ITEM_UNAVAILABLE"]);
  });

  it("shows phones the orders stations push, and stations the lines phones add", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const sale = new OpFactory(a1, station.stationId).invoice({ at: "2026-11-28T02:59:00.000Z", lines: 1 });
    const pushed = await server.push(station.deviceToken, sale.ops);
    const waiter = await server.login("waiterA");
    const added = await order(waiter, "POST", `/api/orders/${sale.orderId}/lines`, {
      itemId: a1.items[1]?.id,
      quantity: 2,
    });
    expect(added.body).toMatchObject({ number: sale.number, stationId: station.stationId });
    expect(added.body.lines).toHaveLength(2);
    const pulled = await server.pull(station.deviceToken, pushed.body.cursor);
    expect(pulled.body.ops).toEqual([
      expect.objectContaining({
        orderId: sale.orderId,
        kind: "addLine",
        deviceId: expect.stringMatching(/^web-/),
      }),
    ]);
  });

  it("orders a phone's ops after the station ops it has seen, even when the station's clock runs ahead", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    // The station's clock is ten minutes ahead of the server's.
    const sale = new OpFactory(a1, station.stationId).invoice({ at: "2026-11-28T03:10:00.000Z", lines: 1 });
    await server.push(station.deviceToken, sale.ops);
    const waiter = await server.login("waiterA");
    const lineId = (await order(waiter, "GET", `/api/orders/${sale.orderId}`)).body.lines[0]?.id;
    const changed = await order(waiter, "PATCH", `/api/orders/${sale.orderId}/lines/${lineId}`, {
      quantity: 4,
    });
    expect(changed.body.lines[0]?.quantity).toBe(4);
  });

  it("lists orders by status and time, newest first", async () => {
    const cashier = await server.login("cashierA");
    const first = await openWithLines(cashier);
    server.clock.advance(60_000);
    const second = await openWithLines(cashier);
    await order(cashier, "POST", `/api/orders/${second.id}/payments`, {
      method: "card",
      amount: second.total,
    });
    const all = await server.call<{ orders: OrderBody[] }>("GET", "/api/orders", { token: cashier });
    expect(all.body.orders.map((candidate) => candidate.id)).toEqual([second.id, first.id]);
    const open = await server.call<{ orders: OrderBody[] }>("GET", "/api/orders?status=open", {
      token: cashier,
    });
    expect(open.body.orders.map((candidate) => candidate.id)).toEqual([first.id]);
    const window = await server.call<{ orders: OrderBody[] }>(
      "GET",
      "/api/orders?from=2026-11-28T03:00:30.000Z&to=2026-11-28T04:00:00.000Z",
      { token: cashier },
    );
    expect(window.body.orders.map((candidate) => candidate.id)).toEqual([second.id]);
    const bad = await server.call("GET", "/api/orders?status=lost", { token: cashier });
    expect(bad.status).toBe(400);
  });
});
