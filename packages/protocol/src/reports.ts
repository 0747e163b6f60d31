import { z } from "zod";
import { LocalDay, Money } from "./common.js";
import { PaymentMethodSchema } from "./op.js";

export const SalesReportQuerySchema = z.object({
  from: LocalDay,
  to: LocalDay,
  storeId: z.uuid().optional(),
});

/** `GET /api/reports/sales`: each sale counted on the local day it was paid at the counter. */
export const SalesReportSchema = z.object({
  revenue: Money,
  orders: z.number().int().min(0),
  byDay: z.array(z.object({ date: LocalDay, revenue: Money, orders: z.number().int().min(0) })),
  byMethod: z.array(z.object({ method: PaymentMethodSchema, amount: Money })),
  byItem: z.array(
    z.object({ itemId: z.uuid(), name: z.string(), quantity: z.number().int(), revenue: Money }),
  ),
});
export type SalesReport = z.infer<typeof SalesReportSchema>;
