import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

interface Line {
  id: string;
  itemId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  note: string | null;
}
interface OrderBody {
  id: string;
  number: string;
  status: "open" | "paid" | "void";
  tableId: string | null;
  lines: Line[];
  voidedLines: (Line & { voidReason: string })[];
  total: number;
  voidReason: string | null;
}
interface FloorBody {
  storeId: string;
  orders: (OrderBody & { openedBy: { id: string; name: string | null } | null })[];
}

describe.each(testEngines())("ordering from phones on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const call = <T = OrderBody>(token: string, method: string, url: string, body?: unknown) =>
    server.call<OrError<T>>(method, url, body === undefined ? { token } : { token, body });

  const openAt = async (
    token: string,
    tableId: string | null | undefined,
    itemIndex: number,
    quantity = 1,
  ) => {
    const { a1 } = server.world.stores;
    const opened = await call(token, "POST", "/api/orders", { tableId });
    expect(opened.status).toBe(201);
    const line = await call(token, "POST", `/api/orders/${opened.body.id}/lines`, {
      itemId: a1.items[itemIndex]?.id,
      quantity,
      note: "ít đá",
    });
    expect(line.status).toBe(200);
    return line.body;
  };

  it("shows the table map: the store's open orders and who opened each", async () => {
    const { a1 } = server.world.stores;
    const waiter = await server.login("waiterA");
    const cashier = await server.login("cashierA");
    const first = await openAt(waiter, a1.tableIds[0], 0, 2);
    const second = await openAt(cashier, a1.tableIds[1], 1);
    const paid = await openAt(cashier, null, 2);
    await call(cashier, "POST", `/api/orders/${paid.id}/payments`, { method: "cash", amount: paid.total });
    // Another store of the tenant keeps its own floor.
    const manager2 = await server.login("managerA2");
    await call(manager2, "POST", "/api/orders", { tableId: null });

    const floor = await call<FloorBody>(waiter, "GET", "/api/floor");
    expect(floor.status).toBe(200);
    expect(floor.body.storeId).toBe(a1.id);
    expect(
      floor.body.orders.map((order) => [order.id, order.tableId, order.total, order.openedBy?.name]),
    ).toEqual([
      [first.id, a1.tableIds[0], 58_000, "waiterA"],
      [second.id, a1.tableIds[1], 35_000, "cashierA"],
    ]);
    expect(floor.body.orders[0]?.lines[0]).toMatchObject({ quantity: 2, note: "ít đá" });
    const unauthenticated = await server.call("GET", "/api/floor");
    expect(unauthenticated.status).toBe(401);
  });

  it("opens an order and adds a line once, however often a phone retries", async () => {
    const { a1 } = server.world.stores;
    const waiter = await server.login("waiterA");
    const id = newTestId();
    const first = await call(waiter, "POST", "/api/orders", { id, tableId: a1.tableIds[0] });
    const again = await call(waiter, "POST", "/api/orders", { id, tableId: a1.tableIds[0] });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.number).toBe(first.body.number);
    expect(await server.count("orders")).toBe(1);

    const lineId = newTestId();
    const add = { lineId, itemId: a1.items[0]?.id, quantity: 3, note: "không đường" };
    const added = await call(waiter, "POST", `/api/orders/${id}/lines`, add);
    const retried = await call(waiter, "POST", `/api/orders/${id}/lines`, add);
    expect([added.status, retried.status]).toEqual([200, 200]);
    expect(retried.body.lines).toEqual([
      expect.objectContaining({ id: lineId, quantity: 3, note: "không đường" }),
    ]);
    expect(retried.body.total).toBe(87_000);
    // The same line id for another item is a conflict, not a second line.
    const clash = await call(waiter, "POST", `/api/orders/${id}/lines`, { ...add, itemId: a1.items[1]?.id });
    expect([clash.status, clash.body.error.code]).toEqual([409, "LINE_EXISTS"]);
    // An order id of another store is never opened again here.
    const manager2 = await server.login("managerA2");
    const elsewhere = await call(manager2, "POST", "/api/orders", { id });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([409, "ALREADY_EXISTS"]);
  });

  it("merges one table's order into another's as voids and adds, for roles that may", async () => {
    const { a1 } = server.world.stores;
    const waiter = await server.login("waiterA");
    const cashier = await server.login("cashierA");
    const source = await openAt(waiter, a1.tableIds[0], 0, 2);
    const target = await openAt(waiter, a1.tableIds[1], 1);

    const refused = await call(waiter, "POST", `/api/orders/${source.id}/merge`, { intoOrderId: target.id });
    expect([refused.status, refused.body.error.code]).toEqual([403, "FORBIDDEN"]);

    const merged = await call(cashier, "POST", `/api/orders/${source.id}/merge`, { intoOrderId: target.id });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(target.id);
    expect(merged.body.lines.map((line) => [line.name, line.quantity, line.note])).toEqual([
      ["Bạc xỉu", 1, "ít đá"],
      ["Cà phê sữa đá", 2, "ít đá"],
    ]);
    expect(merged.body.total).toBe(source.total + target.total);
    const emptied = await call(cashier, "GET", `/api/orders/${source.id}`);
    expect(emptied.body).toMatchObject({ status: "void", voidReason: `Gộp vào ${target.number}`, lines: [] });
    expect(emptied.body.voidedLines).toHaveLength(1);
    const floor = await call<FloorBody>(waiter, "GET", "/api/floor");
    expect(floor.body.orders.map((order) => order.id)).toEqual([target.id]);

    // A merged-away order is not open any more; an order with a payment does not merge.
    const again = await call(cashier, "POST", `/api/orders/${source.id}/merge`, { intoOrderId: target.id });
    expect([again.status, again.body.error.code]).toEqual([409, "MERGE_REFUSED"]);
    const partly = await openAt(cashier, null, 2);
    await call(cashier, "POST", `/api/orders/${partly.id}/payments`, { method: "cash", amount: 5_000 });
    const withPayment = await call(cashier, "POST", `/api/orders/${partly.id}/merge`, {
      intoOrderId: target.id,
    });
    expect([withPayment.status, withPayment.body.error.code]).toEqual([409, "MERGE_REFUSED"]);
    const intoItself = await call(cashier, "POST", `/api/orders/${target.id}/merge`, {
      intoOrderId: target.id,
    });
    expect(intoItself.status).toBe(409);
    // Another store's order is not found, and nothing moved.
    const manager2 = await server.login("managerA2");
    const foreign = await call(manager2, "POST", "/api/orders", { tableId: null });
    const across = await call(cashier, "POST", `/api/orders/${target.id}/merge`, {
      intoOrderId: foreign.body.id,
    });
    expect([across.status, across.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await call(cashier, "GET", `/api/orders/${target.id}`)).body.lines).toHaveLength(2);
  });
});
