import { MAX_AMOUNT } from "@quay/core";
import { z } from "zod";
import { Money } from "../wire/common.js";
import { LocalDay } from "./local-day.js";

// `GET /api/reports/audit` takes the sales report's query (`SalesReportQuerySchema`).

const Count = z.number().int().min(0);
/** How many, and what they came to. */
const TallySchema = z.object({ count: Count, amount: z.number().int().min(0) });

/**
 * One cashier's day (`GET /api/reports/audit`): what they took off bills and moved in the drawer.
 * `voids`: lines and whole orders voided (worth what they took off; a merge's voids move lines and
 * are left out); `reductions`: quantities lowered (the units taken off at the line's price);
 * `discounts`: the discounts of the day's paid sales, for whoever set them; `refunds`: money
 * given back that day; `cashIn`/`cashOut`: drawer movements; `shifts`/`shiftDifference`: the
 * shifts they closed that day and the sum of their differences (counted − expected).
 */
export const AuditRowSchema = z.object({
  date: LocalDay,
  userId: z.string(),
  /** Null when the user is not known to the server. */
  name: z.string().nullable(),
  voids: TallySchema,
  reductions: TallySchema,
  discounts: TallySchema,
  refunds: TallySchema,
  cashIn: Money,
  cashOut: Money,
  shifts: Count,
  shiftDifference: z.number().int().min(-MAX_AMOUNT).max(MAX_AMOUNT),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

/** The rows by day, then by cashier's name; a cashier with nothing to show that day has none. */
export const AuditReportSchema = z.object({ rows: z.array(AuditRowSchema) });
export type AuditReport = z.infer<typeof AuditReportSchema>;
