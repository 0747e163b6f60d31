import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";
import { ITEM_ID } from "../sync/fake-server.test-support.js";

/**
 * The counter refuses, before it saves, every amount the server would refuse: a sale the server
 * cannot take must never be recorded at the counter, where it would wait forever.
 */
describe("amounts the station refuses before it saves", () => {
  let station: StationAtFakeCloud;
  let token: string;
  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    station.call(token, method, url, payload);
  const orderWith = async (quantity: number) => {
    const created = await call("POST", "/api/orders", {});
    return (await call("POST", `/api/orders/${created.body.id}/lines`, { itemId: ITEM_ID, quantity })).body;
  };

  beforeAll(async () => {
    station = await startStationAtFakeCloud({ startSync: false });
    token = await station.login();
  });
  afterAll(() => station.close());

  it("refuses a payment that takes the order's payments past 10^12 đ, and saves nothing", async () => {
    const order = await orderWith(9_999);
    expect(
      (await call("POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: 1_000 })).status,
    ).toBe(200);
    const opsBefore = station.db.orders.opsOf(order.id).length;
    const slip = await call("POST", `/api/orders/${order.id}/payments`, {
      method: "cash",
      amount: 1_000_000_000_000,
    });
    expect(slip.status).toBe(400);
    expect(slip.body.error.code).toBe("INVALID_AMOUNT");
    expect(station.db.orders.opsOf(order.id)).toHaveLength(opsBefore);
    expect((await call("GET", "/api/orders")).status).toBe(200);
    expect((await call("GET", `/api/orders/${order.id}`)).body).toMatchObject({
      status: "open",
      paid: 1_000,
    });
  });

  it("refuses cash that would leave an unbelievable change, and a card above what is due", async () => {
    const order = await orderWith(1);
    const zeroTooMany = await call("POST", `/api/orders/${order.id}/payments`, {
      method: "cash",
      amount: order.total * 1_000,
    });
    expect(zeroTooMany.status).toBe(409);
    expect(zeroTooMany.body.error.code).toBe("CHANGE_TOO_LARGE");
    const card = await call("POST", `/api/orders/${order.id}/payments`, {
      method: "card",
      amount: order.total + 1,
    });
    expect(card.body.error.code).toBe("PAYMENT_EXCEEDS_DUE");
    const note = await call("POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: 500_000 });
    expect(note.body).toMatchObject({ status: "paid", changeDue: 500_000 - order.total });
  });

  it("has nothing to resolve on an order the server did not refuse", async () => {
    const order = await orderWith(1);
    const answer = await call("POST", `/api/orders/${order.id}/resolve`, { managerPin: "9999" });
    expect(answer).toMatchObject({ status: 409, body: { error: { code: "ORDER_NOT_REFUSED" } } });
  });
});
