import { z } from "zod";
import { Id, IsoTime, Money } from "../wire/common.js";
import { PaymentMethodSchema } from "../wire/op.js";
import { LocalDay } from "./local-day.js";

export const SalesReportQuerySchema = z.object({
  from: LocalDay,
  to: LocalDay,
  storeId: z.uuid().optional(),
});

const Count = z.number().int().min(0);
const Hour = z.number().int().min(0).max(23);

export const SalesByItemSchema = z.object({
  itemId: z.uuid(),
  name: z.string(),
  quantity: z.number().int(),
  revenue: Money,
});
export const SalesByHourSchema = z.object({ hour: Hour, revenue: Money, orders: Count });

/** Money net of refunds: below zero on a day whose refunds outweigh its sales. */
const NetMoney = z.number().int();

/**
 * `GET /api/reports/sales`: each sale counted on the local day it was paid at the counter, each
 * refund on the local day it was made. `revenue` and `byDay` are order totals (after discounts)
 * less that day's refunds; the groups by hour, station and cashier are order totals; by item and
 * category they are line amounts (before the order discount); by method, the money taken (cash
 * net of change) less the refunds given back that way. `refunds` and `discounts` are the sums of
 * the refunds made and of the discounts of the sales in the range.
 */
export const SalesReportSchema = z.object({
  revenue: NetMoney,
  orders: Count,
  refunds: Money,
  discounts: Money,
  byDay: z.array(z.object({ date: LocalDay, revenue: NetMoney, orders: Count })),
  byMethod: z.array(z.object({ method: PaymentMethodSchema, amount: NetMoney })),
  byItem: z.array(SalesByItemSchema),
  /**
   * The items sold with options, one row per item and choice ("Trà sữa (L, Trân châu)": `name`
   * carries the options), within their item's row of `byItem`. Absent from an older server.
   */
  byItemOptions: z
    .array(z.object({ itemId: Id, name: z.string(), quantity: z.number().int(), revenue: Money }))
    .optional(),
  /** Local hour of payment, 0–23; hours without sales are left out. */
  byHour: z.array(SalesByHourSchema),
  /** `categoryId` null: items no longer in the catalog. */
  byCategory: z.array(
    z.object({
      categoryId: Id.nullable(),
      name: z.string().nullable(),
      quantity: z.number().int(),
      revenue: Money,
    }),
  ),
  /** Where the order was checked out; `stationId` null: on the server (phones, back office). */
  byStation: z.array(
    z.object({
      stationId: z.string().nullable(),
      code: z.string().nullable(),
      name: z.string().nullable(),
      orders: Count,
      revenue: Money,
    }),
  ),
  /**
   * The discounts of the sales (on lines and on bills, `discounts` of them): by day of the sale, by
   * reason (null: none given) and by the manager who approved them (`userId` null: given alone).
   */
  discountsByDay: z.array(z.object({ date: LocalDay, discounts: Count, amount: Money })),
  discountsByReason: z.array(z.object({ reason: z.string().nullable(), discounts: Count, amount: Money })),
  discountsByApprover: z.array(
    z.object({ userId: z.string().nullable(), name: z.string().nullable(), discounts: Count, amount: Money }),
  ),
  /** Who checked the order out; `name` null when the user is not known to the server. */
  byCashier: z.array(
    z.object({ userId: z.string().nullable(), name: z.string().nullable(), orders: Count, revenue: Money }),
  ),
});
export type SalesReport = z.infer<typeof SalesReportSchema>;

export const DashboardQuerySchema = z.object({ storeId: z.uuid().optional() });

/** `GET /api/reports/dashboard`: one store's day so far, in its time zone. */
export const DashboardSchema = z.object({
  storeId: Id,
  /** Today in the store's time zone. */
  date: LocalDay,
  timeZone: z.string(),
  generatedAt: IsoTime,
  revenue: Money,
  orders: Count,
  /** Orders open now, the tables they occupy and what they add up to so far. */
  openOrders: Count,
  openTables: Count,
  openTotal: Money,
  byHour: z.array(SalesByHourSchema),
  byMethod: z.array(z.object({ method: PaymentMethodSchema, amount: Money })),
  /** The best sellers of the day by revenue, at most 5. */
  topItems: z.array(SalesByItemSchema),
  /** The whole previous day, to compare with. */
  previous: z.object({ date: LocalDay, revenue: Money, orders: Count }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
