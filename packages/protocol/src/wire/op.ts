import {
  type Op as CoreOp,
  MAX_DISCOUNT_PERCENT,
  MAX_LINE_OPTIONS,
  MAX_OPTION_PRICE,
  MAX_PARTS,
  MAX_READY_LINES,
  MIN_PARTS,
  OP_KINDS,
  PAYMENT_METHODS,
} from "@quay/core";
import { z } from "zod";
import { asDong, Id, IsoTime, Money, PositiveMoney, Quantity, Text, VatRateSchema } from "./common.js";

export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export const OpKindSchema = z.enum(OP_KINDS);

const envelope = {
  id: Id,
  orderId: Id,
  deviceId: Text(64),
  deviceSeq: z.number().int().min(0),
  at: IsoTime,
  userId: Text(64),
};

const Reason = Text(200);
/** The most lines one refund names: far more than a bill holds. */
export const MAX_REFUND_LINES = 500;
/** The manager who approved a change the user may not make alone (see core's `planChange`). */
const ApprovedBy = { approvedBy: Text(64).optional() };
/** A void made by a merge names the order the lines went to (see core's `planMerge`). */
const MergedInto = { mergedInto: Id.optional() };
/** A discount in percent of what it is taken off (core's `discountOff`); absent: its amount. */
const DiscountPercent = { percent: z.number().int().min(1).max(MAX_DISCOUNT_PERCENT).optional() };
/** Money in an op is the core's `Dong`, so a parsed op is the core's `Op` as it is. */
const Amount = asDong(Money);
const PositiveAmount = asDong(PositiveMoney);

/** A line's note, as an `addLine` or `editLine` carries it. */
const LineNote = z.string().trim().max(200);
/** An option's price difference: may be 0 or negative (a small size), within core's bound. */
export const OptionPrice = asDong(z.number().int().min(-MAX_OPTION_PRICE).max(MAX_OPTION_PRICE));
/** An option chosen on a line, with its name and price at the time (core's `LineOption`). */
export const LineOptionSchema = z.object({
  groupId: Id,
  optionId: Id,
  name: Text(60),
  price: OptionPrice,
});
const LineOptions = z.array(LineOptionSchema).max(MAX_LINE_OPTIONS);

/** One order operation (docs/architecture.md, "Orders are op logs"), exactly as the core's `Op` type. */
export const OpSchema = z.discriminatedUnion("kind", [
  z.object({
    ...envelope,
    kind: z.literal("open"),
    data: z.object({ number: Text(64), tableId: Id.nullable(), storeId: Id }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("addLine"),
    data: z.object({
      lineId: Id,
      itemId: Id,
      name: Text(120),
      unitPrice: Amount,
      vatRate: VatRateSchema,
      quantity: Quantity,
      note: LineNote.nullable(),
      /** Since version 14; absent: no options (an older station's push reads the same). */
      options: LineOptions.optional(),
    }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("editLine"),
    data: z.object({ lineId: Id, note: LineNote.nullable().optional(), options: LineOptions.optional() }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("setQuantity"),
    data: z.object({ lineId: Id, quantity: Quantity, reason: Reason.optional(), ...ApprovedBy }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("voidLine"),
    data: z.object({ lineId: Id, reason: Reason, ...ApprovedBy, ...MergedInto }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("discount"),
    data: z.object({ amount: Amount, ...DiscountPercent, reason: Reason.nullable(), ...ApprovedBy }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("discountLine"),
    data: z.object({
      lineId: Id,
      amount: Amount,
      ...DiscountPercent,
      reason: Reason.nullable(),
      ...ApprovedBy,
    }),
  }),
  z.object({ ...envelope, kind: z.literal("moveTable"), data: z.object({ tableId: Id.nullable() }) }),
  z.object({
    ...envelope,
    kind: z.literal("addPayment"),
    data: z.object({
      paymentId: Id,
      method: PaymentMethodSchema,
      amount: PositiveAmount,
      /** One equal part of the bill ("Chia đều", core's `order-parts.ts`); absent: a plain payment. */
      part: z
        .object({
          index: z.number().int().min(1).max(MAX_PARTS),
          count: z.number().int().min(MIN_PARTS).max(MAX_PARTS),
        })
        .optional(),
    }),
  }),
  z.object({ ...envelope, kind: z.literal("close"), data: z.object({ total: Amount }) }),
  z.object({
    ...envelope,
    kind: z.literal("voidOrder"),
    data: z.object({ reason: Reason, ...ApprovedBy, ...MergedInto }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("refund"),
    data: z.object({
      refundId: Id,
      amount: PositiveAmount,
      method: PaymentMethodSchema,
      reason: Reason,
      lineIds: z.array(Id).min(1).max(MAX_REFUND_LINES).optional(),
      ...ApprovedBy,
    }),
  }),
  z.object({
    ...envelope,
    kind: z.literal("markReady"),
    data: z.object({ lineIds: z.array(Id).min(1).max(MAX_READY_LINES) }),
  }),
  /** Units of a line moved to another order by a split (core's `planSplit`); since protocol 13. */
  z.object({
    ...envelope,
    kind: z.literal("splitLine"),
    data: z.object({ lineId: Id, quantity: Quantity, intoOrderId: Id, intoLineId: Id }),
  }),
]);

/** The parsed op: the core's `Op` (money fields carry the `Dong` brand). */
export function parseOp(input: unknown): CoreOp {
  return OpSchema.parse(input);
}
