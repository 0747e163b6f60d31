import { MAX_DISCOUNT_PERCENT, MAX_LINE_OPTIONS, MAX_PARTS, MIN_PARTS } from "@quay/core";
import { z } from "zod";
import { Id, IsoTime, Money, PositiveMoney, Quantity, Text } from "../wire/common.js";
import { PaymentMethodSchema } from "../wire/op.js";

/** The order calls both services offer to their browser apps and phones (docs/api.md). */

/** A manager's PIN, typed at the caller's device when the caller may not do something by role. */
export const ManagerPin = z.string().regex(/^\d{4,8}$/);

export const CreateOrderRequestSchema = z.object({
  tableId: Id.nullable().optional(),
  /** The client's own id for the order: retrying an open it could not confirm opens it once. */
  id: Id.optional(),
  /** The store to open it in (a phone names it; a station takes only its own). */
  storeId: Id.optional(),
});
/** The options chosen for a line, by id: checked against the item's groups (core's `chooseOptions`). */
const OptionIds = z.array(Id).max(MAX_LINE_OPTIONS);
export const AddLineRequestSchema = z.object({
  itemId: Id,
  quantity: Quantity,
  note: z.string().trim().max(200).optional(),
  /** The client's own id for the line: a retried add adds it once. */
  lineId: Id.optional(),
  /** The options chosen (absent: none; an item with a required group needs them). */
  optionIds: OptionIds.optional(),
});
/**
 * `POST /api/orders/:id/lines/:lineId/edit`: a line's note (null clears it) or options, changed
 * before the kitchen has the line; a field left out is kept.
 */
export const EditLineRequestSchema = z
  .object({ note: z.string().trim().max(200).nullable().optional(), optionIds: OptionIds.optional() })
  .refine((body) => body.note !== undefined || body.optionIds !== undefined, "note or optionIds");
export const PatchLineRequestSchema = z.object({
  quantity: Quantity,
  /** Why, when the quantity goes down: a reduction needs a manager, like a void. */
  reason: Text(200).optional(),
  managerPin: ManagerPin.optional(),
});
export const VoidLineRequestSchema = z.object({ reason: Text(200), managerPin: ManagerPin.optional() });
export const AddPaymentRequestSchema = z.object({
  method: PaymentMethodSchema,
  amount: PositiveMoney,
  /** The client's own id for the payment: a retried payment is taken once. */
  paymentId: Id.optional(),
});
/**
 * A discount on the bill (`POST /api/orders/:id/discount`) or on one line (at a station,
 * `POST /api/orders/:id/lines/:lineId/discount`): `percent` of it (1–100), else `amount` in đồng;
 * 0 removes it. `reason`: one of core's `DISCOUNT_REASONS` in the apps. Above the caller's role's
 * limit (the store's `discountLimits`) a manager's PIN.
 */
export const DiscountRequestSchema = z.object({
  amount: Money.default(0),
  percent: z.number().int().min(1).max(MAX_DISCOUNT_PERCENT).optional(),
  reason: Text(200).nullable().optional(),
  managerPin: ManagerPin.optional(),
});
export const VoidOrderRequestSchema = z.object({ reason: Text(200), managerPin: ManagerPin.optional() });
/**
 * `POST /api/orders/:id/refunds`: money given back on a paid bill, in whole or for `lineIds`
 * (a manager, or a manager's PIN); `refundId`, the client's own id, makes a retry refund once.
 */
export const RefundRequestSchema = z.object({
  amount: PositiveMoney,
  method: PaymentMethodSchema,
  reason: Text(200),
  lineIds: z.array(Id).min(1).max(500).optional(),
  managerPin: ManagerPin.optional(),
  refundId: Id.optional(),
});
export const MoveOrderRequestSchema = z.object({ tableId: Id.nullable() });
/** `POST /api/orders/:id/merge`: this open order's lines move onto `intoOrderId` (core's `planMerge`). */
export const MergeOrderRequestSchema = z.object({ intoOrderId: Id });
/**
 * `POST /api/orders/:id/split` ("Tách hóa đơn"): the chosen lines, or units of a line, move to a
 * new order (core's `planSplit`) on `tableId` (absent: this order's table; null: none); `orderId`,
 * the client's own id for the new order, makes a retry split once.
 */
export const SplitOrderRequestSchema = z.object({
  lines: z
    .array(z.object({ lineId: Id, quantity: Quantity }))
    .min(1)
    .max(500),
  tableId: Id.nullable().optional(),
  orderId: Id.optional(),
});
/**
 * `POST /api/orders/:id/parts/:index/payment` ("Chia đều"): pays part `index` of `count` equal
 * parts; the amount is the core's (`partDue`), the last part takes the rounding remainder.
 */
export const PayPartRequestSchema = z.object({
  method: PaymentMethodSchema,
  count: z.number().int().min(MIN_PARTS).max(MAX_PARTS),
  paymentId: Id.optional(),
});
export const PartParamsSchema = z.object({ id: Id, index: z.coerce.number().int().min(1).max(MAX_PARTS) });
export const ListOrdersQuerySchema = z.object({
  status: z.enum(["open", "paid", "void"]).optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
});
export const OrderParamsSchema = z.object({ id: Id });
export const LineParamsSchema = z.object({ id: Id, lineId: Id });
