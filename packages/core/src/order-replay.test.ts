import { describe, expect, it } from "vitest";
import { type Dong, dong } from "./money.js";
import { foldOrder } from "./order-fold.js";
import { device, lineData, ORDER_ID, openData, paymentData } from "./order-op-builder.test-support.js";
import { replayChecked } from "./order-replay.js";

const station = device("station-1");
const phone = device("phone-1");

describe("replayChecked", () => {
  // A cashier's slip, taken before the counter checked sums: 1,000 + 10^12 đ on a 32,000 đ bill.
  const opening = station("open", openData(), 0);
  const line = station("addLine", lineData("l1", 32_000), 1);
  const fair = station("addPayment", paymentData("p1", 1_000), 2);
  const slip = station("addPayment", { ...paymentData("p2", 0), amount: 1_000_000_000_000 as Dong }, 3);
  const close = station("close", { total: dong(32_000) }, 4);
  const laterLine = station("addLine", lineData("l2", 25_000), 5);

  it("leaves out the refused op and what only stood on it, and keeps the rest", () => {
    const { kept, refused } = replayChecked(ORDER_ID, [opening, line, fair, slip, close], () => true);
    expect(refused.map(({ op, code }) => [op.id, code])).toEqual([
      [slip.id, "INVALID_AMOUNT"],
      [close.id, "NOT_FULLY_PAID"],
    ]);
    expect(foldOrder(ORDER_ID, kept)).toMatchObject({ status: "open", paid: 1_000, total: 32_000 });
  });

  it("keeps ops it may not check, whatever they are", () => {
    const { kept, refused } = replayChecked(ORDER_ID, [opening, line, slip], (op) => op.id !== slip.id);
    expect(refused).toEqual([]);
    expect(kept).toHaveLength(3);
  });

  it("replays in the order ops apply, not the order given, once per id", () => {
    const remote = phone("addLine", lineData("l3", 10_000), 6);
    const { kept, refused } = replayChecked(
      ORDER_ID,
      [laterLine, remote, line, opening, line, remote],
      () => true,
    );
    expect(refused).toEqual([]);
    expect(kept.map((op) => op.id)).toEqual([opening.id, line.id, laterLine.id, remote.id]);
  });
});
