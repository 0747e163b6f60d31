import { describe, expect, it } from "vitest";
import { type Dong, dong } from "./money.js";
import type { Order } from "./order.js";
import type { Op, OpData } from "./order-op.js";
import { checkout, device, fold, lineData, openData, paymentData } from "./order-op-builder.test-support.js";
import { ORDER_RULE_CODES, type OrderRuleCode, OrderRuleError, validateOp } from "./order-validate.js";

const station = device("station-1");

// Orders in each state, as the device making the next op sees them.
const opening = station("open", openData(), 0);
const line = station("addLine", lineData("l1", 29_000, 2), 1);
const voidedLine = station("addLine", lineData("l2", 35_000), 2);
const voidIt = station("voidLine", { lineId: "l2", reason: "nhầm món" }, 3);
const open = fold(opening, line, voidedLine, voidIt); // total 58 000
const partlyPaid = fold(opening, line, station("addPayment", paymentData("p1", 20_000), 4));
const paid = fold(opening, line, ...checkout(station, 4));
const voided = fold(opening, line, station("voidOrder", { reason: "khách bỏ đi" }, 4));
const notYetOpened = fold(line); // its open op has not arrived

// Bad amounts cannot be made with dong(): they are cast, the way unchecked input would arrive.
const addLine = (unitPrice: number, quantity: number, lineId = "new") =>
  station("addLine", { ...lineData(lineId, 0, 1), unitPrice: unitPrice as Dong, quantity }, 10);
const setQuantity = (lineId: string, quantity: number) => station("setQuantity", { lineId, quantity }, 10);
const voidLine = (lineId: string, reason = "hết hàng") => station("voidLine", { lineId, reason }, 10);
const discount = (amount: number) => station("discount", { amount: amount as Dong, reason: null }, 10);
const pay = (amount: number, paymentId = "p-new", method: "cash" | "card" | "transfer" = "cash") =>
  station("addPayment", { paymentId, method, amount: amount as Dong }, 10);
const dearLine = addLine(100_000_000, 9_999, "dear"); // 999,900,000,000 đ
const close = station("close", { total: dong(58_000) }, 10);
const voidOrder = (reason: string) => station("voidOrder", { reason }, 10);

// A paid bill with a discount and cash change: 58 000 + 20 000 − 7 800 = 70 200 kept of 100 000.
const billOps = [
  opening,
  line,
  station("addLine", lineData("l3", 20_000), 2),
  station("discount", { amount: dong(7_800), reason: null }, 3),
  station("addPayment", paymentData("p1", 100_000), 4),
  station("close", { total: dong(70_200) }, 5),
];
const bill = fold(...billOps);
const refund = (amount: number, lineIds?: string[], refundId = "r-new", reason = "khách trả món") =>
  station(
    "refund",
    { refundId, amount: amount as Dong, method: "cash", reason, ...(lineIds ? { lineIds } : {}) },
    10,
  );
const refundedOnce = fold(...billOps, refund(30_000, undefined, "r1")); // 40 200 left

const splitLine = (lineId: string, quantity: number, intoOrderId = "order-2") =>
  station("splitLine", { lineId, quantity, intoOrderId, intoLineId: "copy" }, 10);
const payPart = (index: number, count: number, paymentId = "p-part") =>
  station("addPayment", { ...paymentData(paymentId, 10_000), part: { index, count } }, 10);
const partPaid = fold(opening, line, { ...payPart(1, 3, "p-part-1"), deviceSeq: 90 });
const opt = (name: string, price: number) => ({
  groupId: "g",
  optionId: `o-${name}`,
  name,
  price: price as Dong,
});
const withOptions = (op: Op, options: ReturnType<typeof opt>[]): Op =>
  op.kind === "addLine" ? { ...op, data: { ...op.data, options } } : op;
const editLine = (change: Omit<OpData["editLine"], "lineId">, lineId = "l1") =>
  station("editLine", { lineId, ...change }, 10);
const madeLine = fold(opening, line, station("markReady", { lineIds: ["l1"] }, 5));

type Case = [name: string, order: Order | null, op: Op, expected: OrderRuleCode | "ok"];

const cases: Case[] = [
  ["open a new order", null, opening, "ok"],
  ["open an order whose other ops arrived first", notYetOpened, opening, "ok"],
  ["open an order twice", open, opening, "ORDER_ALREADY_OPEN"],
  ["add a line to no order", null, addLine(29_000, 1), "ORDER_NOT_OPEN"],
  ["pay an order not opened yet", notYetOpened, pay(1_000), "ORDER_NOT_OPEN"],

  ["add a line", open, addLine(29_000, 1), "ok"],
  ["add a free line (price 0)", open, addLine(0, 1), "ok"],
  ["add the most of a line", open, addLine(1_000, 9_999), "ok"],
  ["add a line of quantity 0", open, addLine(29_000, 0), "INVALID_QUANTITY"],
  ["add a line of quantity 10000", open, addLine(29_000, 10_000), "INVALID_QUANTITY"],
  ["add a line of quantity 1.5", open, addLine(29_000, 1.5), "INVALID_QUANTITY"],
  ["add a line of quantity −1", open, addLine(29_000, -1), "INVALID_QUANTITY"],
  ["add a line of quantity NaN", open, addLine(29_000, Number.NaN), "INVALID_QUANTITY"],
  ["add a line at a negative price", open, addLine(-1, 1), "INVALID_AMOUNT"],
  ["add a line at a fractional price", open, addLine(1_000.5, 1), "INVALID_AMOUNT"],
  ["add a line worth more than 10^12", open, addLine(200_000_001, 5_000), "INVALID_AMOUNT"],
  [
    "add a line that takes the order past 10^12",
    fold(opening, line, dearLine),
    addLine(100_000_000, 1_000),
    "INVALID_AMOUNT",
  ],
  ["add a line whose id is taken", open, addLine(29_000, 1, "l1"), "LINE_EXISTS"],
  ["add a line whose id was voided", open, addLine(29_000, 1, "l2"), "LINE_EXISTS"],
  ["add a line to a paid order", paid, addLine(29_000, 1), "ORDER_PAID"],
  ["add a line to a void order", voided, addLine(29_000, 1), "ORDER_VOID"],
  ["add a line with options", open, withOptions(addLine(29_000, 1), [opt("L", 6_000)]), "ok"],
  ["add a small size below 0", open, withOptions(addLine(5_000, 1), [opt("S", -6_000)]), "INVALID_AMOUNT"],
  [
    "add an option priced past its bound",
    open,
    withOptions(addLine(29_000, 1), [opt("X", 1_000_001)]),
    "INVALID_OPTIONS",
  ],
  [
    "add the same option twice",
    open,
    withOptions(addLine(29_000, 1), [opt("L", 6_000), opt("L", 6_000)]),
    "INVALID_OPTIONS",
  ],
  ["edit a line's options", open, editLine({ options: [opt("L", 6_000)] }), "ok"],
  ["edit a line's note", open, editLine({ note: "ít đá" }), "ok"],
  ["edit a line with nothing to change", open, editLine({}), "INVALID_OPTIONS"],
  ["edit a line the kitchen made", madeLine, editLine({ note: "ít đá" }), "LINE_SENT"],
  ["edit a line not on the order", open, editLine({ note: "x" }, "nope"), "LINE_NOT_FOUND"],
  ["edit a line of a paid order", paid, editLine({ note: "x" }), "ORDER_PAID"],
  ["edit a line to below 0", open, editLine({ options: [opt("S", -30_000)] }), "INVALID_AMOUNT"],

  ["change a quantity", open, setQuantity("l1", 3), "ok"],
  ["change the quantity of an unknown line", open, setQuantity("nope", 3), "LINE_NOT_FOUND"],
  ["change the quantity of a voided line", open, setQuantity("l2", 3), "LINE_NOT_FOUND"],
  ["change a quantity to 0", open, setQuantity("l1", 0), "INVALID_QUANTITY"],
  ["change a quantity to 1.5", open, setQuantity("l1", 1.5), "INVALID_QUANTITY"],
  [
    "change a quantity past 10^12 đồng",
    fold(opening, addLine(500_000_000, 1, "dear")),
    setQuantity("dear", 2_001),
    "INVALID_AMOUNT",
  ],
  [
    "change a quantity so that the order passes 10^12 đồng",
    fold(opening, line, dearLine),
    setQuantity("l1", 9_999),
    "INVALID_AMOUNT",
  ],
  ["change a quantity on a paid order", paid, setQuantity("l1", 3), "ORDER_PAID"],

  ["void a line", open, voidLine("l1"), "ok"],
  ["void an unknown line", open, voidLine("nope"), "LINE_NOT_FOUND"],
  ["void a line twice", open, voidLine("l2"), "LINE_NOT_FOUND"],
  ["void a line without a reason", open, voidLine("l1", "   "), "REASON_REQUIRED"],
  ["void a line on a paid order", paid, voidLine("l1"), "ORDER_PAID"],

  ["discount", open, discount(8_000), "ok"],
  ["discount everything", open, discount(58_000), "ok"],
  ["discount more than the subtotal", open, discount(58_001), "INVALID_AMOUNT"],
  ["discount a negative amount", open, discount(-1), "INVALID_AMOUNT"],
  ["discount a fractional amount", open, discount(0.5), "INVALID_AMOUNT"],
  ["discount a paid order", paid, discount(1_000), "ORDER_PAID"],

  ["move the table", open, station("moveTable", { tableId: "table-2" }, 10), "ok"],
  ["move a paid order's table", paid, station("moveTable", { tableId: "table-2" }, 10), "ORDER_PAID"],

  ["pay", open, pay(58_000), "ok"],
  ["pay 0", open, pay(0), "INVALID_AMOUNT"],
  ["pay a negative amount", open, pay(-5_000), "INVALID_AMOUNT"],
  ["pay a fractional amount", open, pay(5_000.5), "INVALID_AMOUNT"],
  ["pay more than 10^12", open, pay(1_000_000_000_001), "INVALID_AMOUNT"],
  [
    "pay so that payments pass 10^12",
    fold(opening, dearLine, station("addPayment", paymentData("p1", 1_000), 4)),
    pay(1_000_000_000_000),
    "INVALID_AMOUNT",
  ],
  ["pay cash with believable change", open, pay(500_000), "ok"],
  ["pay cash with the most change", open, pay(58_000 + 2_000_000), "ok"],
  ["pay cash with a zero too many", open, pay(5_000_000), "CHANGE_TOO_LARGE"],
  ["pay 10^12 in cash on a small bill", open, pay(1_000_000_000_000), "CHANGE_TOO_LARGE"],
  ["pay what is left by card", partlyPaid, pay(38_000, "p2", "card"), "ok"],
  ["pay more than is due by card", partlyPaid, pay(38_001, "p2", "card"), "PAYMENT_EXCEEDS_DUE"],
  ["pay more than is due by transfer", open, pay(60_000, "p2", "transfer"), "PAYMENT_EXCEEDS_DUE"],
  ["pay with a payment id already used", partlyPaid, pay(38_000, "p1"), "PAYMENT_EXISTS"],
  ["pay a paid order", paid, pay(1_000), "ORDER_PAID"],
  ["pay a void order", voided, pay(58_000), "ORDER_VOID"],
  ["pay an order with no lines", fold(opening), pay(1_000), "ORDER_EMPTY"],

  [
    "close a fully paid order",
    fold(opening, line, station("addPayment", paymentData("p1", 58_000), 4)),
    close,
    "ok",
  ],
  ["close an unpaid order", open, close, "NOT_FULLY_PAID"],
  ["close a partly paid order", partlyPaid, close, "NOT_FULLY_PAID"],
  ["close an order twice", paid, close, "ORDER_PAID"],
  ["close a void order", voided, close, "ORDER_VOID"],

  ["void an open order", open, voidOrder("khách đổi ý"), "ok"],
  ["void a paid order (a refund)", paid, voidOrder("trả hàng"), "ok"],
  ["void an order without a reason", open, voidOrder(""), "REASON_REQUIRED"],
  ["void an order twice", voided, voidOrder("lần nữa"), "ORDER_VOID"],

  ["refund a whole bill: what was kept, not the cash tendered", bill, refund(70_200), "ok"],
  ["refund more than was kept", bill, refund(70_201), "REFUND_EXCEEDS_PAID"],
  ["refund part of a bill", bill, refund(10_000), "ok"],
  ["refund what is left after a refund", refundedOnce, refund(40_200), "ok"],
  ["refund more than is left after a refund", refundedOnce, refund(40_201), "REFUND_EXCEEDS_PAID"],
  ["refund with a refund id used", refundedOnce, refund(1_000, undefined, "r1"), "REFUND_EXISTS"],
  ["refund 0", bill, refund(0), "INVALID_AMOUNT"],
  ["refund a fractional amount", bill, refund(100.5), "INVALID_AMOUNT"],
  ["refund without a reason", bill, refund(1_000, undefined, "r-x", "  "), "REASON_REQUIRED"],
  ["refund an open order", open, refund(1_000), "ORDER_NOT_PAID"],
  ["refund a void order", voided, refund(1_000), "ORDER_VOID"],
  ["refund a line: its share after the discount", bill, refund(52_200, ["l1"]), "ok"],
  ["refund a line above its share", bill, refund(52_201, ["l1"]), "REFUND_EXCEEDS_LINES"],
  ["refund every line: the total", bill, refund(70_200, ["l1", "l3"]), "ok"],
  ["refund a line less than its share", bill, refund(5_000, ["l3"]), "ok"],
  ["refund an unknown line", bill, refund(1_000, ["nope"]), "LINE_NOT_FOUND"],
  ["refund a voided line", fold(...billOps, voidedLine, voidIt), refund(1_000, ["l2"]), "LINE_NOT_FOUND"],
  ["refund one line named twice", bill, refund(1_000, ["l1", "l1"]), "LINE_NOT_FOUND"],
  ["refund no lines", bill, refund(1_000, []), "LINE_NOT_FOUND"],
  ["split 1 of 2 units of a line", open, splitLine("l1", 1), "ok"],
  ["split a line onto its own order", open, splitLine("l1", 1, "order-1"), "SPLIT_INVALID"],
  ["split more units than the line has", open, splitLine("l1", 3), "INVALID_QUANTITY"],
  ["split a voided line", open, splitLine("l2", 1), "LINE_NOT_FOUND"],
  ["split a paid bill", paid, splitLine("l1", 1), "ORDER_PAID"],
  ["pay part 1 of 3", open, payPart(1, 3), "ok"],
  ["pay part 4 of 3", open, payPart(4, 3), "PART_INVALID"],
  ["pay part 2 of 2 on a bill paid in 3 parts", partPaid, payPart(2, 2), "PART_INVALID"],
  ["pay part 1 of 3 twice", partPaid, payPart(1, 3), "PART_PAID"],
];

describe("validateOp", () => {
  it.each(cases)("%s", (_name, order, op, expected) => {
    expect(validateOp(order, op)).toEqual(expected === "ok" ? { ok: true } : { ok: false, code: expected });
  });

  it("has a case producing every rule code", () => {
    const produced = new Set(cases.map(([, , , expected]) => expected));
    for (const code of ORDER_RULE_CODES) expect(produced, code).toContain(code);
  });
});

describe("OrderRuleError", () => {
  it("carries its code as a typed reason", () => {
    const error = new OrderRuleError("ORDER_PAID");
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "OrderRuleError", reason: "ORDER_PAID" });
    expect(error.message).toContain("ORDER_PAID");
  });
});
