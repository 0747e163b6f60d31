import type { Op } from "@quay/core";
import type { KitchenBoard, OrderView } from "@quay/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStation, type TestStation, waitFor } from "../station.test-support.js";
import {
  FAKE_CATALOG,
  type FakeServer,
  ITEM_ID,
  ITEM2_ID,
  STORE_ID,
  startFakeServer,
  TABLE_ID,
} from "../sync/fake-server.test-support.js";

const TABLET = "192.168.1.50";
const COFFEE = FAKE_CATALOG.categories[0]?.id ?? "";
const CAKES = "0190a000-0000-7000-8000-0000000000c1";
const id = (n: number) => `0190d000-0000-7000-8000-${String(n).padStart(12, "0")}`;

/** The kitchen and bar screen's calls at a station (docs/printing.md, "Kitchen and bar screen"). */
describe("the kitchen screen's calls", () => {
  let server: FakeServer;
  let station: TestStation;
  let cashier = "";
  let waiter = "";

  const call = async (method: "GET" | "POST", url: string, token: string | null, payload?: object) => {
    const response = await station.app.inject({
      method,
      url,
      remoteAddress: TABLET,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON of any route
    return { status: response.statusCode, body: response.json() as any };
  };
  const board = async (categoryIds?: string[], token = waiter): Promise<KitchenBoard> => {
    const query = categoryIds === undefined ? "" : `?categoryIds=${categoryIds.join(",")}`;
    const answer = await call("GET", `/api/kitchen${query}`, token);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  const ready = (orderId: string, lineIds: string[], token = waiter) =>
    call("POST", "/api/kitchen/ready", token, { orderId, lineIds });
  /** An order at the counter, its lines in the order given, each stamped after the one before. */
  const order = async (
    tableId: string | null,
    items: { itemId: string; quantity: number; note?: string }[],
  ) => {
    let made: OrderView = (await station.call(cashier, "POST", "/api/orders", { tableId })).body;
    for (const item of items) {
      const before = Date.now();
      made = (await station.call(cashier, "POST", `/api/orders/${made.id}/lines`, item)).body;
      await waitFor(() => Date.now() > before, 1_000, "the next millisecond"); // distinct times: a clear order
    }
    return made;
  };

  beforeAll(async () => {
    server = await startFakeServer();
    // The bakery's cakes go to another screen than the bar's coffee.
    server.setCatalog({
      ...FAKE_CATALOG,
      categories: [...FAKE_CATALOG.categories, { id: CAKES, name: "Bánh", sortOrder: 2 }],
      items: FAKE_CATALOG.items.map((item) => (item.id === ITEM2_ID ? { ...item, categoryId: CAKES } : item)),
    });
    station = await startTestStation(server.url);
    cashier = await station.login();
    const phone = await station.app.inject({
      method: "POST",
      url: "/api/login",
      remoteAddress: TABLET,
      payload: { username: "phucvu", password: "5678" },
    });
    waiter = phone.json().token;
  });
  afterAll(async () => {
    await station.close();
    await server.close();
  });

  it("needs a session of someone who serves, from the LAN as at the counter", async () => {
    expect((await call("GET", "/api/kitchen", null)).status).toBe(401);
    expect((await call("GET", "/api/kitchen", "not-a-token")).status).toBe(401);
    expect(
      (await call("POST", "/api/kitchen/ready", null, { orderId: id(1), lineIds: [id(2)] })).status,
    ).toBe(401);
    expect((await call("GET", "/api/kitchen", waiter)).status).toBe(200);
  });

  it("shows each order's lines still to make in the chosen categories, the longest waiting first", async () => {
    const first = await order(TABLE_ID, [
      { itemId: ITEM_ID, quantity: 2, note: "ít đá" },
      { itemId: ITEM2_ID, quantity: 1 },
    ]);
    const second = await order(null, [{ itemId: ITEM_ID, quantity: 1 }]);

    const bar = await board([COFFEE]);
    expect(bar.cards.map((card) => card.orderId)).toEqual([first.id, second.id]);
    expect(bar.cards[0]).toMatchObject({
      orderNumber: first.number,
      tableName: "Bàn 1",
      sentBy: [expect.any(String)],
      lines: [{ lineId: first.lines[0]?.id, name: "Cà phê sữa đá", quantity: 2, note: "ít đá" }],
      waitingSince: first.lines[0]?.orderedAt,
    });
    expect(bar.cards[1]).toMatchObject({ tableName: null, lines: [{ quantity: 1 }] });
    const bakery = await board([CAKES]);
    expect(bakery.cards.map((card) => [card.orderId, card.lines.map((line) => line.name)])).toEqual([
      [first.id, ["Bạc xỉu"]],
    ]);
    const everything = await board();
    expect(everything.cards.map((card) => card.lines.length)).toEqual([2, 1]);
    expect((await board([COFFEE, CAKES])).cards).toEqual(everything.cards);

    // One line done leaves the rest; the whole card done leaves the screen.
    const cake = first.lines[1]?.id ?? "";
    const afterCake = await ready(first.id, [cake]);
    expect(afterCake.status, JSON.stringify(afterCake.body)).toBe(200);
    expect(afterCake.body.lines[1]).toMatchObject({ id: cake, readyAt: expect.any(String) });
    expect((await board([CAKES])).cards).toEqual([]);
    expect((await board([COFFEE])).cards).toHaveLength(2);
    expect((await ready(first.id, [first.lines[0]?.id ?? ""])).status).toBe(200);
    expect((await board()).cards.map((card) => card.orderId)).toEqual([second.id]);

    // More of a line made already is still to make: it comes back, waiting since the raise.
    const raised = await station.call(cashier, "PATCH", `/api/orders/${first.id}/lines/${cake}`, {
      quantity: 3,
    });
    expect(raised.status).toBe(200);
    const again = await board([CAKES]);
    expect(again.cards.map((card) => [card.orderId, card.lines[0]?.quantity])).toEqual([[first.id, 3]]);
    expect(again.cards[0]?.waitingSince).toBe(raised.body.lines[1]?.orderedAt);
    expect((await ready(first.id, [cake])).status).toBe(200);

    // Paid at the counter, a take-away is still being made: "done" works, and it counts nothing.
    const paid = await station.call(cashier, "POST", `/api/orders/${second.id}/payments`, {
      method: "cash",
      amount: second.total,
    });
    expect(paid.body.status).toBe("paid");
    const done = await ready(second.id, [second.lines[0]?.id ?? ""]);
    expect([done.status, done.body.status, done.body.total, done.body.paid]).toEqual([
      200,
      "paid",
      second.total,
      second.total,
    ]);
    expect((await board()).cards).toEqual([]);
  });

  it("shows a phone's order once the station has it, and leaves out what was ordered over 12 hours ago", async () => {
    const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
    const phoneOrder = (orderId: string, lineId: string, msAgo: number, seq: number): Op[] => [
      {
        id: id(seq),
        orderId,
        deviceId: "phone",
        deviceSeq: seq,
        at: at(msAgo),
        userId: "0190a000-0000-7000-8000-0000000000b9",
        kind: "open",
        data: { number: `CH01-WEB-${seq}`, tableId: TABLE_ID, storeId: STORE_ID },
      },
      {
        id: id(seq + 1),
        orderId,
        deviceId: "phone",
        deviceSeq: seq + 1,
        at: at(msAgo),
        userId: "0190a000-0000-7000-8000-0000000000b9",
        kind: "addLine",
        data: {
          lineId,
          itemId: ITEM_ID,
          name: "Cà phê sữa đá",
          unitPrice: 29_000 as never,
          vatRate: 8,
          quantity: 4,
          note: null,
        },
      },
    ];
    server.addRemote([
      ...phoneOrder(id(100), id(101), 13 * 60 * 60 * 1000, 10),
      ...phoneOrder(id(200), id(201), 1_000, 20),
    ]);
    await waitFor(() => station.db.orders.getOrder(id(200)), 5_000, "the phone's order pulled");
    expect(station.db.orders.getOrder(id(100))).not.toBeNull();
    const cards = (await board([COFFEE])).cards;
    expect(cards.map((card) => [card.orderId, card.lines[0]?.quantity])).toEqual([[id(200), 4]]);
    expect((await ready(id(200), [id(201)])).status).toBe(200);
  });

  it("answers bad input with a clear error and changes nothing", async () => {
    const made = await order(TABLE_ID, [{ itemId: ITEM_ID, quantity: 1 }]);
    const lineId = made.lines[0]?.id ?? "";
    const opsBefore = station.db.orders.opsOf(made.id).length;
    const refusals: [object | string, number, string][] = [
      ["?categoryIds=coffee", 400, "VALIDATION_FAILED"],
      [{ orderId: made.id, lineIds: [] }, 400, "VALIDATION_FAILED"],
      [{ orderId: made.id, lineIds: Array.from({ length: 101 }, () => lineId) }, 400, "VALIDATION_FAILED"],
      [{ orderId: "x", lineIds: [lineId] }, 400, "VALIDATION_FAILED"],
      [{ orderId: id(999), lineIds: [lineId] }, 404, "NOT_FOUND"],
      [{ orderId: made.id, lineIds: [lineId, id(998)] }, 404, "NOT_FOUND"],
    ];
    for (const [input, status, code] of refusals) {
      const answer =
        typeof input === "string"
          ? await call("GET", `/api/kitchen${input}`, waiter)
          : await call("POST", "/api/kitchen/ready", waiter, input);
      expect([answer.status, answer.body.error?.code], JSON.stringify(input)).toEqual([status, code]);
    }
    expect(station.db.orders.opsOf(made.id)).toHaveLength(opsBefore);

    const voided = await station.call(cashier, "POST", `/api/orders/${made.id}/void`, {
      reason: "khách bỏ đi",
      managerPin: "9999",
    });
    expect(voided.body.status).toBe("void");
    const late = await ready(made.id, [lineId]);
    expect([late.status, late.body.error?.code]).toEqual([409, "ORDER_VOID"]);
  });
});
