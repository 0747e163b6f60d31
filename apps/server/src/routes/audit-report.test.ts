import { lineOf } from "@quay/core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TEST_START, TestServer } from "../test-support/test-server.test-support.js";

const at = (minutes: number) => new Date(TEST_START + minutes * 60_000).toISOString();
const DAY = "2026-11-28"; // TEST_START's day in Hồ Chí Minh City
const DAY_BEFORE = "2026-11-27";

const tally = (count: number, amount: number) => ({ count, amount });

describe.each(testEngines())("the audit on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const audit = (token: string, query: string) =>
    server.call<OrError<{ rows: Record<string, unknown>[] }>>("GET", `/api/reports/audit?${query}`, {
      token,
    });

  /** A cashier's day at a counter, and a manager's void on a phone. */
  async function day() {
    const { a1 } = server.world.stores;
    const { cashierA, managerA } = server.world.users;
    const station = await server.registerStation("cashierA", a1);
    const ops = new OpFactory(a1, station.stationId, cashierA.id);
    const [milk, bacXiu] = a1.items; // 29.000 and 35.000 ₫
    if (!milk || !bacXiu) throw new Error("the world's menu has changed");
    const approved = { approvedBy: managerA.id };

    // Three milk coffees cut to one (−58.000), a bạc xỉu voided (−35.000), 5.000 off: 24.000 paid.
    const sale = ops.invoice({ at: at(-60), lines: 0 });
    const milkLine = newTestId();
    const bacXiuLine = newTestId();
    const saleOps = [
      ...sale.ops,
      ops.op(sale.orderId, at(-59), "addLine", lineOf(milk, milkLine, 3)),
      ops.op(sale.orderId, at(-58), "setQuantity", {
        lineId: milkLine,
        quantity: 1,
        reason: "khách đổi ý",
        ...approved,
      }),
      ops.op(sale.orderId, at(-57), "addLine", lineOf(bacXiu, bacXiuLine, 1)),
      ops.op(sale.orderId, at(-56), "voidLine", { lineId: bacXiuLine, reason: "hết món", ...approved }),
      ops.op(sale.orderId, at(-55), "discount", { amount: 5_000, reason: "khách quen", ...approved }),
      ...ops.checkout(sale.orderId, at(-54), 24_000),
    ];
    // Paid the day before, 25.000 ₫ of it refunded today.
    const yesterday = ops.invoice({ at: at(-24 * 60), paid: true });
    const refund = ops.refund(yesterday.orderId, at(-30), 25_000, approved);
    // Paid today, then voided whole: 99.000 ₫.
    const voided = ops.invoice({ at: at(-40), paid: true });
    const voidAll = ops.op(voided.orderId, at(-20), "voidOrder", { reason: "nhập nhầm", ...approved });

    const shiftId = newTestId();
    let seq = 100;
    const shiftOp = (minutes: number, kind: string, data: unknown) => ({
      id: newTestId(),
      shiftId,
      deviceId: station.stationId,
      deviceSeq: ++seq,
      at: at(minutes),
      userId: cashierA.id,
      kind,
      data,
    });
    const figures = { cashSales: 58_000, cashRefunds: 0, revenue: 58_000, orders: 1, byMethod: [] };
    const shift = [
      shiftOp(-50, "shiftOpen", { openingCash: 500_000, storeId: a1.id }),
      shiftOp(-45, "shiftCash", { amount: 50_000, direction: "in", reason: "tiền lẻ" }),
      shiftOp(-44, "shiftCash", { amount: 200_000, direction: "out", reason: "nộp ngân hàng" }),
      // Expected 500.000 + 58.000 + 50.000 − 200.000 = 408.000 ₫; counted 405.000 ₫.
      shiftOp(-10, "shiftClose", { counted: { "200000": 2, "5000": 1 }, figures }),
    ];
    const pushed = await server.push(
      station.deviceToken,
      [...saleOps, ...yesterday.ops, refund, ...voided.ops, voidAll],
      { shiftOps: shift },
    );
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);

    const manager = await server.login("managerA");
    const call = (method: string, url: string, body: unknown) =>
      server.call<OrError<{ id: string; lines: { id: string }[] }>>(method, url, { token: manager, body });
    const phone = await call("POST", "/api/orders", {});
    const added = await call("POST", `/api/orders/${phone.body.id}/lines`, {
      itemId: a1.items[2]?.id,
      quantity: 1,
    });
    const line = added.body.lines[0]?.id;
    expect(
      (await call("POST", `/api/orders/${phone.body.id}/lines/${line}/void`, { reason: "gọi nhầm" })).status,
    ).toBe(200);
  }

  it("counts each cashier's voids, reductions, discounts, refunds, cash in and out and shift differences by day", async () => {
    await day();
    const { cashierA, managerA } = server.world.users;
    const manager = await server.login("managerA");
    const cashierDay = {
      date: DAY,
      userId: cashierA.id,
      name: "cashierA",
      voids: tally(2, 35_000 + 99_000),
      reductions: tally(1, 58_000),
      discounts: tally(1, 5_000),
      refunds: tally(1, 25_000),
      cashIn: 50_000,
      cashOut: 200_000,
      shifts: 1,
      shiftDifference: -3_000,
    };
    const managerDay = {
      ...cashierDay,
      userId: managerA.id,
      name: "managerA",
      voids: tally(1, 25_000),
      reductions: tally(0, 0),
      discounts: tally(0, 0),
      refunds: tally(0, 0),
      cashIn: 0,
      cashOut: 0,
      shifts: 0,
      shiftDifference: 0,
    };
    const today = await audit(manager, `from=${DAY}&to=${DAY}`);
    expect(today.status, JSON.stringify(today.body)).toBe(200);
    expect(today.body.rows).toEqual([cashierDay, managerDay]);
    // The day before had a sale and nothing taken off it; the refund counts on its own day.
    expect((await audit(manager, `from=${DAY_BEFORE}&to=${DAY}`)).body.rows).toEqual([
      cashierDay,
      managerDay,
    ]);
    expect((await audit(manager, `from=${DAY_BEFORE}&to=${DAY_BEFORE}`)).body.rows).toEqual([]);

    // The day's discounts are the sales report's.
    const sales = await server.call<{ discounts: number }>(
      "GET",
      `/api/reports/sales?from=${DAY}&to=${DAY}`,
      {
        token: manager,
      },
    );
    expect(sales.body.discounts).toBe(cashierDay.discounts.amount);
  });

  it("keeps the audit to owners and managers of the store", async () => {
    await day();
    const { a1 } = server.world.stores;
    expect((await audit(await server.login("cashierA"), `from=${DAY}&to=${DAY}`)).status).toBe(403);
    const otherStore = await server.login("managerA2");
    expect((await audit(otherStore, `from=${DAY}&to=${DAY}`)).body.rows).toEqual([]);
    expect((await audit(otherStore, `from=${DAY}&to=${DAY}&storeId=${a1.id}`)).status).toBe(404);
    expect((await audit(await server.login("ownerB"), `from=${DAY}&to=${DAY}`)).body.rows).toEqual([]);
    expect((await audit(await server.login("ownerA"), `from=${DAY}&to=${DAY}`)).body.rows).toHaveLength(2);
    const bad = await audit(otherStore, `from=${DAY}&to=${DAY_BEFORE}`);
    expect(bad.body.error?.code).toBe("VALIDATION_FAILED");
  });
});
