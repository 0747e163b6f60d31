import type { Order } from "@quay/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation } from "../station.test-support.js";
import { fakeCloudForSuite } from "../station-at-fake-cloud.test-support.js";
import { ITEM_ID, ITEM2_ID } from "../sync/fake-server.test-support.js";

/** The day at the counter (docs/cashier-app.md, "The day") through the real HTTP stack. */
describe("day route", () => {
  const cloud = fakeCloudForSuite();
  let station: TestStation;
  let token = "";
  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    station.call(token, method, url, payload);

  /** An order of `quantity` × the 29.000 ₫ item (or the 35.000 ₫ one), paid in `payments` (none: left open). */
  const sell = async (itemId: string, quantity: number, payments: { method: string; amount: number }[]) => {
    const order = (await call("POST", "/api/orders", {})).body as Order;
    await call("POST", `/api/orders/${order.id}/lines`, { itemId, quantity });
    for (const payment of payments) await call("POST", `/api/orders/${order.id}/payments`, payment);
    return order;
  };

  beforeEach(async () => {
    station = await startTestStation(cloud().url, { startSync: false });
    token = await station.login();
  });
  afterEach(async () => {
    await station.close();
  });

  it("counts today's bills, refunds, open orders and the open shift from the station's own file", async () => {
    await call("POST", "/api/shift/open", { openingCash: 200_000 });
    // 58.000 ₫ paid with a 100.000 ₫ note; 35.000 ₫ by transfer, then 10.000 ₫ of it given back; one still open.
    await sell(ITEM_ID, 2, [{ method: "cash", amount: 100_000 }]);
    const second = await sell(ITEM2_ID, 1, [{ method: "transfer", amount: 35_000 }]);
    await sell(ITEM_ID, 1, []);
    const refund = { amount: 10_000, method: "transfer", reason: "tính nhầm", managerPin: "9999" };
    expect((await call("POST", `/api/orders/${second.id}/refunds`, refund)).status).toBe(201);

    const { status, body } = await call("GET", "/api/day");
    expect(status).toBe(200);
    expect(body.figures).toMatchObject({
      sales: 93_000,
      bills: 2,
      refunds: 10_000,
      revenue: 83_000,
      here: { sales: 93_000, bills: 2 },
      open: { orders: 1, amount: 29_000 },
    });
    expect(body.shift).toMatchObject({ openingCash: 200_000, cashSales: 58_000, orders: 2 });
    const mode = (await call("GET", "/api/status")).body.mode;
    expect(body.partial).toBe(mode === "offline");

    const yesterday = new Date(Date.parse(`${body.figures.day}T12:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const before = await call("GET", `/api/day?day=${yesterday}`);
    expect(before.body.figures).toMatchObject({ day: yesterday, sales: 0, bills: 0, refunds: 0 });
  });

  it("refuses a waiter and a day that is not a date", async () => {
    expect((await call("GET", "/api/day?day=hôm-nay")).body).toMatchObject({
      error: { code: "VALIDATION_FAILED" },
    });
    token = await station.login("phucvu", "5678");
    expect((await call("GET", "/api/day")).status).toBe(403);
  });
});
