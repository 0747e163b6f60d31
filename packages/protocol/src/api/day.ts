import { z } from "zod";
import { IsoTime } from "../wire/common.js";
import { PaymentMethodSchema } from "../wire/op.js";
import { LocalDay } from "./local-day.js";
import { ShiftSchema, SignedMoney, Total } from "./shift.js";

/** `GET /api/day?day=`: one of the store's local days, today by default. */
export const DayQuerySchema = z.object({ day: LocalDay.optional() });

const Count = z.number().int().min(0);

/**
 * The day at the counter (docs/cashier-app.md, "The day"), from the station's own file: online
 * or not, it counts what has reached this counter. `revenue = sales − refunds` as the server's
 * sales report counts the day, so it goes below zero on a day of refunds only.
 */
export const DayFiguresSchema = z.object({
  day: LocalDay,
  sales: Total,
  bills: Count,
  refunds: Total,
  revenue: SignedMoney,
  byMethod: z.array(z.object({ method: PaymentMethodSchema, amount: Total })),
  here: z.object({ sales: Total, bills: Count }),
  open: z.object({ orders: Count, amount: Total }),
});

export const DayAnswerSchema = z.object({
  figures: DayFiguresSchema,
  /** The counter's open shift with its figures so far, or null. */
  shift: ShiftSchema.nullable(),
  /**
   * Whether the figures may lack what other counters and phones did: while the station is
   * offline, what they sold after `lastSyncAt` (the last time it heard from the cloud) reaches
   * it only when the link returns, or through the shop's hub.
   */
  partial: z.boolean(),
  lastSyncAt: IsoTime.nullable(),
});
export type DayAnswer = z.infer<typeof DayAnswerSchema>;
