import { AUDIT_KINDS } from "@quay/core";
import { z } from "zod";
import { Id, IsoTime, Money, PositiveMoney, Text } from "../wire/common.js";
import { PaymentMethodSchema } from "../wire/op.js";
import { CashCountSchema, CashDirectionSchema } from "../wire/shift-op.js";
import { LocalDay } from "./local-day.js";

/**
 * Sums of many amounts (a shift's or a day's figures): each amount is at most MAX_AMOUNT, their
 * sum only a safe integer.
 */
export const Total = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Sums that may go below zero (more cash left the drawer than came in, a short count). */
export const SignedMoney = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const CashMovementSchema = z.object({
  id: Id,
  amount: Money,
  direction: CashDirectionSchema,
  reason: z.string(),
  at: IsoTime,
  userId: z.string(),
});

/** Voids, reductions, discounts and refunds at the counter during the shift: who, who approved, what it took off. */
export const ShiftControlSchema = z.object({
  kind: z.enum(AUDIT_KINDS),
  orderId: Id,
  orderNumber: z.string().nullable(),
  at: IsoTime,
  userName: z.string(),
  /** The manager whose PIN allowed it; null when the user had the right. */
  approverName: z.string().nullable(),
  amount: Money,
  reason: z.string().nullable(),
  itemName: z.string().nullable(),
  quantity: z.number().int().min(1).nullable(),
});

/** The end-of-shift report's sections beyond the cash, as the counter finds them in its own file. */
export const ShiftDetailsSchema = z.object({
  /** The bills' lines by category, before the order discounts; `name` null: an item no longer on the menu. */
  byCategory: z.array(
    z.object({ name: z.string().nullable(), quantity: z.number().int().min(0), amount: Total }),
  ),
  discounts: z.object({ bills: z.number().int().min(0), amount: Total }),
  controls: z.array(ShiftControlSchema),
});
export type ShiftDetailsView = z.infer<typeof ShiftDetailsSchema>;

/**
 * A cashier's shift at a counter (API.md): `expectedCash = openingCash + cashSales − cashRefunds
 * + cashIn − cashOut`, `difference = countedCash − expectedCash`, every figure computed at the
 * counter from its own data; a closed shift keeps the figures it closed with.
 */
export const ShiftSchema = z.object({
  id: Id,
  stationId: z.string().nullable(),
  openedAt: IsoTime.nullable(),
  closedAt: IsoTime.nullable(),
  openedByUserId: z.string().nullable(),
  closedByUserId: z.string().nullable(),
  openingCash: Money,
  /** Cash taken on the bills closed at this counter during the shift, less the change given. */
  cashSales: Total,
  cashRefunds: Total,
  cashIn: Total,
  cashOut: Total,
  expectedCash: SignedMoney,
  /** Null while the shift is open. */
  countedCash: Total.nullable(),
  difference: SignedMoney.nullable(),
  /** The totals of those bills, and how many. */
  revenue: Total,
  orders: z.number().int().min(0),
  byMethod: z.array(z.object({ method: PaymentMethodSchema, amount: Total })),
  /** The count the shift closed with, notes per denomination. */
  counted: CashCountSchema.nullable(),
  /** Cash taken in or out of the drawer, with its reason. */
  movements: z.array(CashMovementSchema),
  /** The station's end-of-shift report (closing a shift, `GET /api/shift/last`): its other sections. */
  details: ShiftDetailsSchema.optional(),
});
export type ShiftView = z.infer<typeof ShiftSchema>;

export const ShiftAnswerSchema = z.object({ shift: ShiftSchema.nullable() });
export const ShiftResultSchema = z.object({ shift: ShiftSchema });

export const OpenShiftRequestSchema = z.object({
  /** The cash in the drawer as the shift starts (tiền đầu ca), 0 or more. */
  openingCash: Money,
});
export const ShiftCashRequestSchema = z.object({
  amount: PositiveMoney,
  direction: CashDirectionSchema,
  /** Why: trả nhà cung cấp, nộp ngân hàng, tiền lẻ, … */
  reason: Text(200),
});
export const CloseShiftRequestSchema = z.object({ counted: CashCountSchema });

/** `GET /api/shifts?from=&to=` on the server: local days (YYYY-MM-DD) of the store, both included. */
export const ShiftListQuerySchema = z.object({
  from: LocalDay,
  to: LocalDay,
  storeId: Id.optional(),
});
export const ShiftListSchema = z.object({ shifts: z.array(ShiftSchema) });
