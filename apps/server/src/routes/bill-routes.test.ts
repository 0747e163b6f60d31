import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TEST_START, TestServer } from "../test-support/test-server.test-support.js";

const at = (minutes: number) => new Date(TEST_START + minutes * 60_000).toISOString();
const DAY = "2026-11-28"; // TEST_START's day in Hồ Chí Minh City
const DAY_BEFORE = "2026-11-27";

interface Bill {
  id: string;
  number: string;
  total: number;
  tableId: string | null;
}
interface Entry {
  kind: string;
  actor: { id: string; name: string | null };
  approver: { id: string; name: string | null } | null;
  device: { id: string; kind: string; name: string | null };
  summary: Record<string, unknown>;
}

describe.each(testEngines())("bills on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const bills = (token: string, query: string) =>
    server.call<OrError<{ orders: Bill[]; next: number | null }>>("GET", `/api/bills?${query}`, { token });
  const history = (token: string, orderId: string) =>
    server.call<OrError<{ number: string; entries: Entry[] }>>("GET", `/api/orders/${orderId}/history`, {
      token,
    });

  /** Three bills of a station: cash and transfer this morning, cash the day before; one left open. */
  async function stationBills() {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const ops = new OpFactory(a1, station.stationId, server.world.users.cashierA.id);
    const cash = ops.invoice({ at: at(-50), paid: true });
    const transfer = ops.invoice({ at: at(-40), lines: 1, paid: true, method: "transfer" });
    const dayBefore = ops.invoice({ at: at(-24 * 60), paid: true });
    const open = ops.invoice({ at: at(-35) });
    const pushed = await server.push(station.deviceToken, [
      ...cash.ops,
      ...transfer.ops,
      ...dayBefore.ops,
      ...open.ops,
      ops.refund(cash.orderId, at(-30), 29_000, {
        method: "transfer",
        approvedBy: server.world.users.managerA.id,
      }),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    return { station, cash, transfer, dayBefore };
  }

  /** A bill at Bàn 2 through the API: two lines, one voided by the cashier with the manager's PIN. */
  async function tableBill() {
    const { a1 } = server.world.stores;
    const cashier = await server.login("cashierA");
    const call = (method: string, url: string, body: unknown) =>
      server.call<OrError<{ id: string; number: string; total: number; lines: { id: string }[] }>>(
        method,
        url,
        { token: cashier, body },
      );
    const opened = await call("POST", "/api/orders", { tableId: a1.tableIds[1] });
    const url = `/api/orders/${opened.body.id}`;
    await call("POST", `${url}/lines`, { itemId: a1.items[0]?.id, quantity: 2 });
    const withLines = await call("POST", `${url}/lines`, { itemId: a1.items[2]?.id, quantity: 1 });
    const beer = withLines.body.lines[1]?.id;
    const voided = await call("POST", `${url}/lines/${beer}/void`, { reason: "hết bia", managerPin: "9999" });
    expect(voided.status).toBe(200);
    const paid = await call("POST", `${url}/payments`, { method: "card", amount: voided.body.total });
    expect(paid.status).toBe(200);
    return paid.body;
  }

  it("lists a range's paid bills newest first, found by number, table, total and method, a page at a time", async () => {
    const { cash, transfer, dayBefore } = await stationBills();
    const table = await tableBill();
    const manager = await server.login("managerA");
    const ids = async (query: string) => {
      const answer = await bills(manager, query);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.orders.map((order) => order.id);
    };
    expect(await ids(`from=${DAY}&to=${DAY}`)).toEqual([table.id, transfer.orderId, cash.orderId]);
    expect(await ids(`from=${DAY}`)).toEqual([table.id, transfer.orderId, cash.orderId]); // a day
    expect(await ids("")).toEqual([table.id, transfer.orderId, cash.orderId]); // today
    expect(await ids(`from=${DAY_BEFORE}&to=${DAY}`)).toEqual([
      table.id,
      transfer.orderId,
      cash.orderId,
      dayBefore.orderId,
    ]);
    expect(await ids(`from=${DAY_BEFORE}&to=${DAY}&q=${cash.number.slice(5).toLowerCase()}`)).toEqual([
      cash.orderId,
    ]);
    expect(await ids(`from=${DAY}&q=${encodeURIComponent("bàn 2")}`)).toEqual([table.id]);
    expect(await ids(`from=${DAY}&q=${encodeURIComponent(" 29.000 ₫")}`)).toEqual([transfer.orderId]);
    expect(await ids(`from=${DAY}&q=%25`)).toEqual([]); // a LIKE wildcard is only a character
    // The cash bill's refund went back by transfer: it is no transfer bill for all that.
    expect(await ids(`from=${DAY_BEFORE}&to=${DAY}&method=transfer`)).toEqual([transfer.orderId]);
    expect(await ids(`from=${DAY}&method=card`)).toEqual([table.id]);

    const first = await bills(manager, `from=${DAY_BEFORE}&to=${DAY}&method=cash&limit=1`);
    expect([first.body.orders.map((order) => order.id), first.body.next]).toEqual([[cash.orderId], 1]);
    const second = await bills(manager, `from=${DAY_BEFORE}&to=${DAY}&method=cash&limit=1&offset=1`);
    expect([second.body.orders.map((order) => order.id), second.body.next]).toEqual([
      [dayBefore.orderId],
      null,
    ]);

    for (const bad of [`from=${DAY}&to=${DAY_BEFORE}`, "from=28-11-2026", "method=cheque", "limit=0"]) {
      expect((await bills(manager, bad)).body.error?.code, bad).toBe("VALIDATION_FAILED");
    }
  });

  it("keeps bills to owners and managers of their store", async () => {
    await stationBills();
    const { a1 } = server.world.stores;
    expect((await bills(await server.login("cashierA"), `from=${DAY}`)).status).toBe(403);
    expect((await bills(await server.login("waiterA"), `from=${DAY}`)).status).toBe(403);
    const otherStore = await server.login("managerA2");
    expect((await bills(otherStore, `from=${DAY}`)).body.orders).toEqual([]);
    expect((await bills(otherStore, `from=${DAY}&storeId=${a1.id}`)).status).toBe(404);
    expect((await bills(await server.login("ownerB"), `from=${DAY}`)).body.orders).toEqual([]);
    expect((await bills(await server.login("ownerA"), `from=${DAY}`)).body.orders).toHaveLength(2);
  });

  it("tells each op of a bill: who, when, on which device, who approved, what it changed", async () => {
    const { station, cash } = await stationBills();
    const table = await tableBill();
    const manager = await server.login("managerA");
    const { cashierA, managerA } = server.world.users;

    const made = await history(manager, table.id);
    expect(made.status).toBe(200);
    expect(made.body.number).toBe(table.number);
    expect(
      made.body.entries.map((entry) => [entry.kind, entry.actor.name, entry.approver?.name ?? null]),
    ).toEqual([
      ["open", "cashierA", null],
      ["addLine", "cashierA", null],
      ["addLine", "cashierA", null],
      ["voidLine", "cashierA", "managerA"],
      ["addPayment", "cashierA", null],
      ["close", "cashierA", null],
    ]);
    const [open, , , voided, payment] = made.body.entries;
    expect(open?.summary).toEqual({ number: table.number, table: "Bàn 2" });
    expect(open?.device).toMatchObject({ kind: "web", name: null });
    expect(voided?.approver).toEqual({ id: managerA.id, name: "managerA" });
    expect(voided?.summary).toEqual({ line: "Bia Sài Gòn", quantity: 1, amount: 25_000, reason: "hết bia" });
    expect(payment?.summary).toEqual({ amount: 58_000, method: "card" });

    const pushed = await history(manager, cash.orderId);
    expect(pushed.body.entries.at(-1)).toMatchObject({
      kind: "refund",
      actor: { id: cashierA.id, name: "cashierA" },
      approver: { id: managerA.id, name: "managerA" },
      device: { id: station.stationId, kind: "station", name: "Quầy 1" },
      summary: { amount: 29_000, method: "transfer", reason: "khách trả món" },
    });

    expect((await history(await server.login("cashierA"), cash.orderId)).status).toBe(403);
    const refused = await history(await server.login("managerA2"), cash.orderId);
    expect([refused.status, refused.body.error?.code]).toEqual([404, "NOT_FOUND"]);
    expect((await history(manager, "0190a000-0000-7000-8000-00000000dead")).status).toBe(404);
  });
});
