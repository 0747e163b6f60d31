import { z } from "zod";
import { Id, IsoTime, PositiveMoney, Quantity, Role, Text } from "./common.js";
import { PaymentMethodSchema } from "./op.js";

/** The calls both services offer to their browser apps and phones (docs/api.md). */

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  /** Station only: `online` checks with the server, `offline` with the cached credentials. */
  mode: z.enum(["online", "offline"]).default("online"),
});

export const SessionUserSchema = z.object({ id: Id, username: z.string(), name: z.string(), role: Role });
export const LoginResponseSchema = z.object({
  token: z.string(),
  user: SessionUserSchema,
  expiresAt: IsoTime,
  /** Station only: the mode the session was opened in. */
  mode: z.enum(["online", "offline"]).optional(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

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
