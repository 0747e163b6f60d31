import { localDate } from "./local-time.js";
import { type Dong, subtractDong, sumDong } from "./money.js";
import type { Order } from "./order.js";
import type { PaymentMethod } from "./order-op.js";
import { takingsByMethod } from "./shift-figures.js";

/** What a counter can tell of one day of the store from the orders it holds (`GET /api/day`). */
export interface DayFigures {
  /** The store's local day, YYYY-MM-DD. */
  readonly day: string;
  /** The totals of the bills checked out that day (not void), and how many. */
  readonly sales: Dong;
  readonly bills: number;
  /** Money given back that day, whatever day its bill was sold. */
  readonly refunds: Dong;
  /** sales − refunds, as the server's sales report counts the day (negative on a day of refunds only). */
  readonly revenue: Dong;
  /** What those bills brought in by method, cash less the change given. */
  readonly byMethod: readonly { readonly method: PaymentMethod; readonly amount: Dong }[];
  /** The share of the day's bills checked out at this counter. */
  readonly here: { readonly sales: Dong; readonly bills: number };
  /** Orders still open, whatever day they were opened, and what they come to so far. */
  readonly open: { readonly orders: number; readonly amount: Dong };
}

export interface DayWindow {
  readonly day: string;
  readonly timeZone: string | undefined;
  /** The counter asking, for `here`. */
  readonly stationId: string;
}

/**
 * The day's figures from `orders`: every order paid, refunded or still open on that day (a bill
 * checked out, refunded or open elsewhere counts once it has reached this counter).
 */
export function dayFigures(orders: readonly Order[], window: DayWindow): DayFigures {
  const onDay = (at: string | null): boolean =>
    at !== null && localDate(Date.parse(at), window.timeZone) === window.day;
  const bills = orders.filter((order) => order.status === "paid" && onDay(order.paidAt));
  const open = orders.filter((order) => order.status === "open");
  const refunds = orders.flatMap((order) => order.refunds).filter((refund) => onDay(refund.at));
  const sales = sumDong(bills.map((bill) => bill.total));
  const refunded = sumDong(refunds.map((refund) => refund.amount));
  const hereBills = bills.filter((bill) => bill.closedOnDeviceId === window.stationId);
  return {
    day: window.day,
    sales,
    bills: bills.length,
    refunds: refunded,
    revenue: subtractDong(sales, refunded),
    byMethod: takingsByMethod(bills),
    here: { sales: sumDong(hereBills.map((bill) => bill.total)), bills: hereBills.length },
    open: { orders: open.length, amount: sumDong(open.map((order) => order.total)) },
  };
}
