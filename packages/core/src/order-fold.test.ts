import { describe, expect, it } from "vitest";
import { dong } from "./money.js";
import { foldOrder } from "./order-fold.js";
import type { Op } from "./order-op.js";
import { atMs, device, lineData, ORDER_ID, openData, paymentData } from "./order-op-builder.test-support.js";

const at = (seconds: number) => atMs(seconds * 1000);

describe("foldOrder: totals", () => {
  const station = device("station-1");
  const ops = [
    station("open", openData("table-1"), 0),
    station("addLine", lineData("l1", 29_000, 2), 10),
    station("addLine", lineData("l2", 35_000, 1, 10), 20),
  ];

  it("adds up the lines and carries the open op's facts", () => {
    const order = foldOrder(ORDER_ID, ops);
    expect(order).toMatchObject({
      id: ORDER_ID,
      number: "S1-20261128-0001",
      storeId: "store-1",
      tableId: "table-1",
      status: "open",
      subtotal: 93_000,
      discount: 0,
      total: 93_000,
      paid: 0,
      changeDue: 0,
      openedAt: at(0),
      stationId: "station-1",
      updatedAt: at(20),
      flags: [],
    });
    expect(order.lines.map((line) => [line.id, line.quantity, line.amount])).toEqual([
      ["l1", 2, 58_000],
      ["l2", 1, 35_000],
    ]);
  });

  it("shows the VAT per rate, rates in ascending order", () => {
    const order = foldOrder(ORDER_ID, ops);
    expect(order.vat).toEqual([
      { rate: 8, taxable: 58_000, vat: 4_296 }, // 58000 × 8 / 108 = 4296.3
      { rate: 10, taxable: 35_000, vat: 3_182 }, // 35000 × 10 / 110 = 3181.8
    ]);
    expect(order.vatAmount).toBe(7_478);
  });

  it("ignores ops of other orders and has no number before its open op arrives", () => {
    const stray = { ...station("addLine", lineData("l9", 1_000), 30), orderId: "order-2" };
    expect(foldOrder(ORDER_ID, [...ops, stray]).subtotal).toBe(93_000);
    const unopened = foldOrder(ORDER_ID, ops.slice(1));
    expect(unopened).toMatchObject({ number: null, storeId: null, stationId: null, openedAt: null });
    expect(unopened.total).toBe(93_000);
  });

  it("folds an empty log to an empty open order", () => {
    expect(foldOrder(ORDER_ID, [])).toMatchObject({ status: "open", total: 0, lines: [], updatedAt: null });
  });
});

describe("foldOrder: discount", () => {
  const station = device("station-1");
  const base = [
    station("open", openData(), 0),
    station("addLine", lineData("food", 110_000, 1, 10), 1),
    station("addLine", lineData("drink", 54_000, 2, 8), 2),
  ];

  it("spreads a discount over two VAT rates in proportion, to the đồng", () => {
    const order = foldOrder(ORDER_ID, [
      ...base,
      station("discount", { amount: dong(10_000), reason: "khách quen" }, 3),
    ]);
    expect(order).toMatchObject({ subtotal: 218_000, discount: 10_000, total: 208_000 });
    // Exact shares 10000 × 110/218 = 5045.87 and 10000 × 108/218 = 4954.13: the last đồng goes to
    // the larger remainder, so the 10 % food carries 5046 and the 8 % drinks 4954.
    expect(order.vat).toEqual([
      { rate: 8, taxable: 103_046, vat: 7_633 }, // 108000 − 4954; 103046 × 8 / 108 = 7633.03
      { rate: 10, taxable: 104_954, vat: 9_541 }, // 110000 − 5046; 104954 × 10 / 110 = 9541.27
    ]);
    expect(order.vatAmount).toBe(17_174);
    expect(order.vat.reduce((sum, entry) => sum + entry.taxable, 0)).toBe(order.total);
  });

  it("keeps the latest discount, removes it with 0 and never discounts below zero", () => {
    const discount = (amount: number, seconds: number) =>
      station("discount", { amount: dong(amount), reason: null }, seconds);
    expect(foldOrder(ORDER_ID, [...base, discount(20_000, 5), discount(8_000, 4)]).discount).toBe(20_000);
    expect(foldOrder(ORDER_ID, [...base, discount(20_000, 5), discount(0, 6)]).discount).toBe(0);
    expect(foldOrder(ORDER_ID, [...base, discount(999_999, 5)])).toMatchObject({
      discount: 218_000,
      total: 0,
    });
  });
});

describe("foldOrder: payment and status", () => {
  const station = device("station-1");
  const opened = [station("open", openData(), 0), station("addLine", lineData("l1", 29_000, 2), 1)];

  it("gives change for cash tendered above the total", () => {
    const order = foldOrder(ORDER_ID, [
      ...opened,
      station("addPayment", paymentData("p1", 100_000, "cash"), 2),
      station("close", { total: dong(58_000) }, 3),
    ]);
    expect(order).toMatchObject({
      status: "paid",
      paid: 100_000,
      changeDue: 42_000,
      paidAt: at(3),
      flags: [],
    });
  });

  it("gives change only out of the cash in a split payment", () => {
    const order = foldOrder(ORDER_ID, [
      ...opened,
      station("addPayment", paymentData("p1", 30_000, "transfer"), 2),
      station("addPayment", paymentData("p2", 50_000, "cash"), 3),
    ]);
    expect(order).toMatchObject({ paid: 80_000, changeDue: 22_000, flags: [] });
  });

  it("flags a transfer above the total as overpaid: that money cannot be handed back as change", () => {
    const order = foldOrder(ORDER_ID, [
      ...opened,
      station("addPayment", paymentData("p1", 100_000, "transfer"), 2),
    ]);
    expect(order).toMatchObject({ paid: 100_000, changeDue: 0, flags: ["overpaid"] });
  });

  it("stays open while partly paid", () => {
    const order = foldOrder(ORDER_ID, [...opened, station("addPayment", paymentData("p1", 20_000), 2)]);
    expect(order).toMatchObject({ status: "open", paid: 20_000, changeDue: 0, paidAt: null, flags: [] });
  });

  it("goes open → paid on close, and paid → void on a void (a refund), keeping the first reason", () => {
    const paid = [
      ...opened,
      station("addPayment", paymentData("p1", 58_000, "card"), 2),
      station("close", { total: dong(58_000) }, 3),
    ];
    expect(foldOrder(ORDER_ID, opened).status).toBe("open");
    expect(foldOrder(ORDER_ID, paid).status).toBe("paid");
    const voided = foldOrder(ORDER_ID, [
      ...paid,
      station("voidOrder", { reason: "trả lại" }, 4),
      station("voidOrder", { reason: "lần hai" }, 5),
    ]);
    expect(voided).toMatchObject({ status: "void", voidedAt: at(4), voidReason: "trả lại", paidAt: at(3) });
  });

  it("keeps a void order void whatever comes after", () => {
    const order = foldOrder(ORDER_ID, [
      ...opened,
      station("voidOrder", { reason: "khách bỏ đi" }, 2),
      station("addPayment", paymentData("p1", 58_000), 3),
      station("close", { total: dong(58_000) }, 4),
    ]);
    expect(order.status).toBe("void");
  });
});

describe("foldOrder: lines", () => {
  const station = device("station-1");
  const phone = device("phone-a");

  it("moves a voided line to voidedLines, out of the totals", () => {
    const order = foldOrder(ORDER_ID, [
      station("open", openData(), 0),
      station("addLine", lineData("l1", 29_000, 2), 1),
      station("addLine", lineData("l2", 35_000), 2),
      station("voidLine", { lineId: "l1", reason: "nhầm món" }, 3),
      station("setQuantity", { lineId: "l1", quantity: 5 }, 4),
    ]);
    expect(order.lines.map((line) => line.id)).toEqual(["l2"]);
    expect(order.voidedLines).toHaveLength(1);
    expect(order.voidedLines[0]).toMatchObject({
      id: "l1",
      quantity: 5,
      amount: 145_000,
      voidReason: "nhầm món",
    });
    expect(order.subtotal).toBe(35_000);
  });

  it("resolves concurrent quantity changes last-writer-wins by (at, deviceId, deviceSeq)", () => {
    const added = station("addLine", lineData("l1", 29_000, 1), 1);
    const quantityOf = (...ops: Op[]) => foldOrder(ORDER_ID, [added, ...ops]).lines[0]?.quantity;
    const set = (write: typeof station, quantity: number, seconds: number, seq?: number) =>
      write("setQuantity", { lineId: "l1", quantity }, seconds, seq);
    // Later device time wins, whichever device and whatever the arrival order.
    expect(quantityOf(set(phone, 3, 10), set(station, 2, 9))).toBe(3);
    expect(quantityOf(set(station, 2, 9), set(phone, 3, 10))).toBe(3);
    // Same millisecond: the greater deviceId wins ("station-1" > "phone-a").
    expect(quantityOf(set(station, 4, 20), set(phone, 5, 20))).toBe(4);
    expect(quantityOf(set(phone, 5, 20), set(station, 4, 20))).toBe(4);
    // Same millisecond on one device: the greater deviceSeq wins.
    expect(quantityOf(set(station, 7, 30, 101), set(station, 6, 30, 100))).toBe(7);
  });

  it("holds ops for a line that has not arrived yet, invisibly, until its addLine arrives", () => {
    const early = [
      phone("setQuantity", { lineId: "l1", quantity: 4 }, 20),
      phone("voidLine", { lineId: "l2", reason: "hết hàng" }, 21),
    ];
    const waiting = foldOrder(ORDER_ID, [station("open", openData(), 0), ...early]);
    expect(waiting).toMatchObject({ lines: [], voidedLines: [], subtotal: 0, total: 0 });

    const arrived = foldOrder(ORDER_ID, [
      station("open", openData(), 0),
      ...early,
      station("addLine", lineData("l1", 29_000, 1), 10),
      station("addLine", lineData("l2", 35_000, 1), 11),
    ]);
    expect(arrived.lines.map((line) => [line.id, line.quantity])).toEqual([["l1", 4]]);
    expect(arrived.voidedLines.map((line) => line.id)).toEqual(["l2"]);
    expect(arrived.total).toBe(116_000);
  });

  it("applies the same op once however often it arrives", () => {
    const add = station("addLine", lineData("l1", 29_000, 1), 1);
    const pay = station("addPayment", paymentData("p1", 29_000), 2);
    const order = foldOrder(ORDER_ID, [add, pay, { ...add }, { ...pay }, add]);
    expect(order).toMatchObject({ subtotal: 29_000, paid: 29_000 });
    expect(order.payments).toHaveLength(1);
  });
});

describe("foldOrder: merging devices", () => {
  it("moves the table last-writer-wins, whatever the arrival order", () => {
    const station = device("station-1");
    const phone = device("phone-a");
    const ops = [
      station("open", openData("table-1"), 0),
      phone("moveTable", { tableId: "table-3" }, 50),
      station("moveTable", { tableId: "table-2" }, 40),
    ];
    expect(foldOrder(ORDER_ID, ops).tableId).toBe("table-3");
    expect(foldOrder(ORDER_ID, [...ops].reverse()).tableId).toBe("table-3");
    const takeaway = station("moveTable", { tableId: null }, 60);
    expect(foldOrder(ORDER_ID, [takeaway, ...ops]).tableId).toBeNull();
  });

  it("keeps both payments and flags overpaid when two devices each pay and close", () => {
    const station = device("station-1");
    const phone = device("phone-a");
    const order = foldOrder(ORDER_ID, [
      station("open", openData(), 0),
      station("addLine", lineData("l1", 58_000), 1),
      station("addPayment", paymentData("p-station", 58_000, "cash"), 10),
      station("close", { total: dong(58_000) }, 11),
      phone("addPayment", paymentData("p-phone", 58_000, "transfer"), 10),
      phone("close", { total: dong(58_000) }, 12),
    ]);
    expect(order.payments.map((payment) => payment.id).sort()).toEqual(["p-phone", "p-station"]);
    expect(order).toMatchObject({ status: "paid", paid: 116_000, paidAt: at(11), flags: ["overpaid"] });
  });

  it("flags underpaid when a line merges in after the order was closed", () => {
    const station = device("station-1");
    const phone = device("phone-a");
    const order = foldOrder(ORDER_ID, [
      station("open", openData(), 0),
      station("addLine", lineData("l1", 58_000), 1),
      station("addPayment", paymentData("p1", 58_000, "cash"), 10),
      station("close", { total: dong(58_000) }, 11),
      phone("addLine", lineData("l2", 35_000), 9), // taken offline on a phone, synced later
    ]);
    expect(order).toMatchObject({
      status: "paid",
      total: 93_000,
      paid: 58_000,
      changeDue: 0,
      flags: ["underpaid"],
    });
  });
});
