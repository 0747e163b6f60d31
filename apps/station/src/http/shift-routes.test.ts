import type { Order } from "@quay/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation } from "../station.test-support.js";
import { fakeCloudForSuite } from "../station-at-fake-cloud.test-support.js";
import { ITEM_ID, ITEM2_ID } from "../sync/fake-server.test-support.js";

/** The counter's cash shift through the real HTTP stack, on a real SQLite file. */
describe("shift routes", () => {
  const cloud = fakeCloudForSuite();
  let station: TestStation;
  let token = "";
  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    station.call(token, method, url, payload);
  const shiftOpsStored = () =>
    (station.db.db.prepare("SELECT count(*) AS n FROM shift_ops").get() as { n: number }).n;

  /** A bill of `quantity` × the 29.000 ₫ item (or the 35.000 ₫ one), paid in `payments`. */
  const sell = async (itemId: string, quantity: number, payments: { method: string; amount: number }[]) => {
    const order = (await call("POST", "/api/orders", {})).body as Order;
    await call("POST", `/api/orders/${order.id}/lines`, { itemId, quantity });
    let last: { status: number; body: Order } = { status: 0, body: order };
    for (const payment of payments) last = await call("POST", `/api/orders/${order.id}/payments`, payment);
    return last;
  };

  beforeEach(async () => {
    station = await startTestStation(cloud().url, { startSync: false });
    token = await station.login();
  });
  afterEach(async () => {
    await station.close();
  });

  it("opens a shift, takes cash in and out, and closes it with the drawer counted", async () => {
    expect(await call("GET", "/api/shift")).toEqual({ status: 200, body: { shift: null } });
    const opened = await call("POST", "/api/shift/open", { openingCash: 500_000 });
    expect(opened.status).toBe(201);
    expect(opened.body.shift).toMatchObject({ openingCash: 500_000, closedAt: null, countedCash: null });

    // 58.000 ₫ paid with a 100.000 ₫ note (42.000 ₫ change); 35.000 ₫ by transfer.
    expect((await sell(ITEM_ID, 2, [{ method: "cash", amount: 100_000 }])).body.status).toBe("paid");
    expect((await sell(ITEM2_ID, 1, [{ method: "transfer", amount: 35_000 }])).body.status).toBe("paid");
    const out = await call("POST", "/api/shift/cash", {
      amount: 200_000,
      direction: "out",
      reason: "trả nhà cung cấp",
    });
    expect(out.status).toBe(200);
    await call("POST", "/api/shift/cash", { amount: 20_000, direction: "in", reason: "tiền lẻ" });
    expect((await call("GET", "/api/shift")).body.shift).toMatchObject({
      cashSales: 58_000,
      cashIn: 20_000,
      cashOut: 200_000,
      expectedCash: 378_000,
      revenue: 93_000,
      orders: 2,
      byMethod: [
        { method: "cash", amount: 58_000 },
        { method: "transfer", amount: 35_000 },
      ],
    });

    const closed = await call("POST", "/api/shift/close", {
      counted: { "200000": 1, "100000": 1, "50000": 1, "20000": 1, "5000": 1, "1000": 2 },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.shift).toMatchObject({
      expectedCash: 378_000,
      countedCash: 377_000,
      difference: -1_000,
      cashRefunds: 0,
      revenue: 93_000,
      orders: 2,
    });
    expect(closed.body.shift.closedAt).toEqual(expect.any(String));
    expect(closed.body.shift.movements.map((m: { reason: string }) => m.reason)).toEqual([
      "trả nhà cung cấp",
      "tiền lẻ",
    ]);
    expect(await call("GET", "/api/shift")).toEqual({ status: 200, body: { shift: null } });
    // A bill after the close is not the closed shift's: its report stays as it was counted.
    await sell(ITEM_ID, 1, [{ method: "cash", amount: 29_000 }]);
    expect((await call("GET", "/api/shift/last")).body.shift).toEqual(closed.body.shift);
  });

  it("keeps one open shift per counter, and refuses bad input changing nothing", async () => {
    const refused = async (url: string, payload: object, status: number, code: string) => {
      const before = shiftOpsStored();
      const answer = await call("POST", url, payload);
      expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
      expect(shiftOpsStored()).toBe(before);
    };
    await refused("/api/shift/cash", { amount: 1_000, direction: "in", reason: "x" }, 409, "SHIFT_NOT_OPEN");
    await refused("/api/shift/close", { counted: {} }, 409, "SHIFT_NOT_OPEN");
    await refused("/api/shift/open", { openingCash: -1 }, 400, "VALIDATION_FAILED");
    await refused("/api/shift/open", { openingCash: 1.5 }, 400, "VALIDATION_FAILED");
    await refused("/api/shift/open", { openingCash: 1e12 + 1 }, 400, "VALIDATION_FAILED");
    expect((await call("POST", "/api/shift/open", { openingCash: 100_000 })).status).toBe(201);
    await refused("/api/shift/open", { openingCash: 0 }, 409, "SHIFT_ALREADY_OPEN");
    await refused("/api/shift/cash", { amount: 0, direction: "in", reason: "x" }, 400, "VALIDATION_FAILED");
    await refused(
      "/api/shift/cash",
      { amount: 1_000, direction: "up", reason: "x" },
      400,
      "VALIDATION_FAILED",
    );
    await refused(
      "/api/shift/cash",
      { amount: 1_000, direction: "in", reason: " " },
      400,
      "VALIDATION_FAILED",
    );
    await refused(
      "/api/shift/cash",
      { amount: 100_001, direction: "out", reason: "nộp ngân hàng" },
      409,
      "CASH_OUT_EXCEEDS_DRAWER",
    );
    await refused("/api/shift/close", { counted: { "500": 1 } }, 400, "VALIDATION_FAILED");
    await refused("/api/shift/close", { counted: { "1000": -1 } }, 400, "VALIDATION_FAILED");
    await refused("/api/shift/close", { counted: { "1000": 100_001 } }, 400, "VALIDATION_FAILED");
    expect(shiftOpsStored()).toBe(1);
  });

  it("reports the closed shift's sales by category and its voids with who approved them", async () => {
    await call("POST", "/api/shift/open", { openingCash: 0 });
    const order = (await call("POST", "/api/orders", {})).body as Order;
    const kept = (await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 2 }))
      .body as Order;
    const voided = (await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM2_ID, quantity: 1 }))
      .body as Order;
    const lineId = voided.lines.find((line) => line.itemId === ITEM2_ID)?.id;
    await call("POST", `/api/orders/${order.id}/lines/${lineId}/void`, {
      reason: "hết món",
      managerPin: "9999",
    });
    await call("POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: 58_000 });
    expect(kept.lines).toHaveLength(1);

    const closed = (
      await call("POST", "/api/shift/close", { counted: { "50000": 1, "5000": 1, "2000": 1, "1000": 1 } })
    ).body.shift;
    expect(closed.details.byCategory).toEqual([{ name: expect.any(String), quantity: 2, amount: 58_000 }]);
    expect(closed.details.discounts).toEqual({ bills: 0, amount: 0 });
    expect(closed.details.controls).toMatchObject([
      {
        kind: "void",
        amount: 35_000,
        quantity: 1,
        itemName: "Bạc xỉu",
        reason: "hết món",
        approverName: expect.any(String),
      },
    ]);
    expect((await call("GET", "/api/shift/last")).body.shift.details).toEqual(closed.details);
  });

  it("lets a cashier run the shift, not a waiter", async () => {
    token = await station.login("phucvu", "5678");
    expect((await call("GET", "/api/shift")).status).toBe(403);
    expect((await call("POST", "/api/shift/open", { openingCash: 0 })).status).toBe(403);
    expect(shiftOpsStored()).toBe(0);
  });

  it("takes payments without a shift unless the store asks for one", async () => {
    expect((await sell(ITEM_ID, 1, [{ method: "cash", amount: 29_000 }])).status).toBe(200);
    const store = station.db.settings.get("store");
    if (!store) throw new Error("provisioned stations know their store");
    station.db.settings.set("store", { ...store, shiftRequired: true });
    const refused = await sell(ITEM_ID, 1, [{ method: "cash", amount: 29_000 }]);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: "SHIFT_REQUIRED" } });
    const order = (await call("GET", "/api/orders?status=open")).body.orders[0] as Order;
    expect(order.payments).toEqual([]);
    await call("POST", "/api/shift/open", { openingCash: 0 });
    const paid = await call("POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: 29_000 });
    expect(paid.body.status).toBe("paid");
  });

  it("keeps the open shift across a restart", async () => {
    const opened = (await call("POST", "/api/shift/open", { openingCash: 300_000 })).body.shift;
    await station.close(true);
    station = await startTestStation(cloud().url, { startSync: false, dataDir: station.dataDir });
    token = await station.login();
    expect((await call("GET", "/api/shift")).body.shift).toMatchObject({
      id: opened.id,
      openingCash: 300_000,
    });
  });
});
