import { addDong, type Dong, dong, multiplyDong, subtractDong, sumDong, ZERO } from "./money.js";
import type { Order } from "./order.js";
import { PAYMENT_METHODS, type PaymentMethod } from "./order-op.js";
import type { ShiftState } from "./shift-fold.js";
import { type CashCount, DENOMINATIONS, type ShiftFigures } from "./shift-op.js";

/** The `Shift` of the contract (API.md): every figure in đồng, computed at the counter. */
export interface Shift {
  readonly id: string;
  readonly stationId: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly openedByUserId: string | null;
  readonly closedByUserId: string | null;
  readonly openingCash: Dong;
  readonly cashSales: Dong;
  readonly cashRefunds: Dong;
  readonly cashIn: Dong;
  readonly cashOut: Dong;
  /** openingCash + cashSales − cashRefunds + cashIn − cashOut (negative if more left than came). */
  readonly expectedCash: Dong;
  /** Null while the shift is open. */
  readonly countedCash: Dong | null;
  /** countedCash − expectedCash; null while the shift is open. */
  readonly difference: Dong | null;
  readonly revenue: Dong;
  readonly orders: number;
  readonly byMethod: ShiftFigures["byMethod"];
  readonly counted: CashCount | null;
  readonly movements: ShiftState["movements"];
}

/** The time span a shift's sales fall in: opened at `from`, closed at `to` (null: still open). */
export interface ShiftWindow {
  readonly stationId: string;
  readonly from: string;
  readonly to: string | null;
}

/** Whether `at` falls while the shift was open. */
export const duringShift = (at: string | null, window: ShiftWindow): at is string =>
  at !== null && at >= window.from && (window.to === null || at <= window.to);

/** The bills a shift sold: paid (not void), checked out at its counter while it was open. */
export function shiftBills(orders: readonly Order[], window: ShiftWindow): Order[] {
  return orders.filter(
    (order) =>
      order.status === "paid" &&
      order.closedOnDeviceId === window.stationId &&
      duringShift(order.paidAt, window),
  );
}

/** What one bill brought in by method: cash less the change given back (as the sales report). */
export function billTakings(order: Order): Map<PaymentMethod, Dong> {
  const byMethod = new Map<PaymentMethod, Dong>();
  for (const payment of order.payments)
    byMethod.set(payment.method, addDong(byMethod.get(payment.method) ?? ZERO, payment.amount));
  const cash = byMethod.get("cash");
  if (cash !== undefined) byMethod.set("cash", subtractDong(cash, order.changeDue));
  return byMethod;
}

/** The cash refunds made at the shift's counter while it was open, whatever day their bill was sold on. */
export function cashRefundsInShift(orders: readonly Order[], window: ShiftWindow): Dong {
  const refunds = orders.flatMap((order) => order.refunds);
  const here = refunds.filter(
    (refund) =>
      refund.method === "cash" && refund.deviceId === window.stationId && duringShift(refund.at, window),
  );
  return sumDong(here.map((refund) => refund.amount));
}

/** What `bills` brought in by method, in the methods' order, leaving out the methods that took nothing. */
export function takingsByMethod(bills: readonly Order[]): { method: PaymentMethod; amount: Dong }[] {
  const byMethod = new Map<PaymentMethod, Dong>();
  for (const bill of bills)
    for (const [method, amount] of billTakings(bill))
      byMethod.set(method, addDong(byMethod.get(method) ?? ZERO, amount));
  return PAYMENT_METHODS.flatMap((method) => {
    const amount = byMethod.get(method) ?? ZERO;
    return amount === 0 ? [] : [{ method, amount }];
  });
}

/** The sales figures of a shift from the orders the counter holds. */
export function shiftFigures(orders: readonly Order[], window: ShiftWindow): ShiftFigures {
  const bills = shiftBills(orders, window);
  const byMethod = takingsByMethod(bills);
  return {
    cashSales: byMethod.find((entry) => entry.method === "cash")?.amount ?? ZERO,
    cashRefunds: cashRefundsInShift(orders, window),
    revenue: sumDong(bills.map((bill) => bill.total)),
    orders: bills.length,
    byMethod,
  };
}

/** The cash a count holds: the sum of notes × denomination. */
export function countedCash(counted: CashCount): Dong {
  return sumDong(DENOMINATIONS.map((value) => multiplyDong(dong(value), counted[`${value}`] ?? 0)));
}

/** openingCash + cashSales − cashRefunds + cashIn − cashOut. */
export function expectedCash(
  state: Pick<ShiftState, "openingCash" | "cashIn" | "cashOut">,
  figures: Pick<ShiftFigures, "cashSales" | "cashRefunds">,
): Dong {
  const taken = addDong(addDong(state.openingCash, figures.cashSales), state.cashIn);
  return subtractDong(subtractDong(taken, figures.cashRefunds), state.cashOut);
}

/**
 * The shift as the contract shows it. A closed shift keeps the figures its counter computed when
 * it closed (a bill that arrives later never rewrites a counted drawer); an open one is computed
 * from `orders` now.
 */
export function shiftReport(state: ShiftState, orders: readonly Order[]): Shift {
  const window: ShiftWindow = {
    stationId: state.stationId ?? "",
    from: state.openedAt ?? "",
    to: state.closedAt,
  };
  const figures = state.closedFigures ?? shiftFigures(orders, window);
  const expected = expectedCash(state, figures);
  const counted = state.counted === null ? null : countedCash(state.counted);
  return {
    id: state.id,
    stationId: state.stationId,
    openedAt: state.openedAt,
    closedAt: state.closedAt,
    openedByUserId: state.openedByUserId,
    closedByUserId: state.closedByUserId,
    openingCash: state.openingCash,
    cashSales: figures.cashSales,
    cashRefunds: figures.cashRefunds,
    cashIn: state.cashIn,
    cashOut: state.cashOut,
    expectedCash: expected,
    countedCash: counted,
    difference: counted === null ? null : subtractDong(counted, expected),
    revenue: figures.revenue,
    orders: figures.orders,
    byMethod: figures.byMethod,
    counted: state.counted,
    movements: state.movements,
  };
}
