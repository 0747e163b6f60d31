import {
  CASH_DIRECTIONS,
  type ShiftOp as CoreShiftOp,
  DENOMINATIONS,
  MAX_NOTES_PER_DENOMINATION,
  PAYMENT_METHODS,
} from "@quay/core";
import { z } from "zod";
import { asDong, Id, IsoTime, Money, PositiveMoney, Text } from "./common.js";

export const CashDirectionSchema = z.enum(CASH_DIRECTIONS);

/** Notes of one denomination in a drawer count. */
const NoteCount = z.number().int().min(0).max(MAX_NOTES_PER_DENOMINATION);

/** A drawer counted by denomination: `{"500000": 2, "1000": 3}`; a denomination left out is none. */
export const CashCountSchema = z.partialRecord(
  z.enum(DENOMINATIONS.map((value) => `${value}` as const)),
  NoteCount,
);

/** What the counter computed when it closed the shift: the report it printed. */
export const ShiftFiguresSchema = z.object({
  cashSales: asDong(Money),
  cashRefunds: asDong(Money),
  revenue: asDong(Money),
  orders: z.number().int().min(0),
  byMethod: z.array(z.object({ method: z.enum(PAYMENT_METHODS), amount: asDong(Money) })).max(10),
});

const envelope = {
  id: Id,
  shiftId: Id,
  deviceId: z.string().trim().min(1).max(64),
  deviceSeq: z.number().int().min(0),
  at: IsoTime,
  userId: z.string().trim().min(1).max(64),
};

/**
 * One op of a cashier's shift (docs/sync-protocol.md, "Shifts"): a sibling of the order ops,
 * in its own stream keyed by `shiftId`, exactly as the core's `ShiftOp`.
 */
export const ShiftOpSchema = z.discriminatedUnion("kind", [
  z.object({
    ...envelope,
    kind: z.literal("shiftOpen"),
    data: z.object({ openingCash: asDong(Money), storeId: Id }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("shiftCash"),
    data: z.object({ amount: asDong(PositiveMoney), direction: CashDirectionSchema, reason: Text(200) }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("shiftClose"),
    data: z.object({ counted: CashCountSchema, figures: ShiftFiguresSchema }),
  }),
]);

/** The parsed shift op: the core's `ShiftOp`. */
export function parseShiftOp(input: unknown): CoreShiftOp {
  return ShiftOpSchema.parse(input);
}
