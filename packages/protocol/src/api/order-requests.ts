import { z } from "zod";
import { Id, IsoTime, PositiveMoney, Quantity, Text } from "../wire/common.js";
import { PaymentMethodSchema } from "../wire/op.js";

/** The order calls both services offer to their browser apps and phones (API.md). */

export const CreateOrderRequestSchema = z.object({ tableId: Id.nullable().optional() });
export const AddLineRequestSchema = z.object({
  itemId: Id,
  quantity: Quantity,
  note: z.string().trim().max(200).optional(),
});
export const PatchLineRequestSchema = z.object({ quantity: Quantity });
export const VoidLineRequestSchema = z.object({
  reason: Text(200),
  /** A manager's PIN when the caller may not void lines by role. */
  managerPin: z
    .string()
    .regex(/^\d{4,8}$/)
    .optional(),
});
export const AddPaymentRequestSchema = z.object({ method: PaymentMethodSchema, amount: PositiveMoney });
export const MoveOrderRequestSchema = z.object({ tableId: Id.nullable() });
export const ListOrdersQuerySchema = z.object({
  status: z.enum(["open", "paid", "void"]).optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
});
export const OrderParamsSchema = z.object({ id: Id });
export const LineParamsSchema = z.object({ id: Id, lineId: Id });
