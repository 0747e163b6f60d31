import { OP_KINDS } from "@quay/core";
import { z } from "zod";
import { Id, IsoTime, Money } from "../wire/common.js";
import { PaymentMethodSchema } from "../wire/op.js";

/** A person as a listing shows them; `name` null when the user is not known to the server. */
export const PersonSchema = z.object({ id: z.string(), name: z.string().nullable() });

/**
 * What an op changed, resolved for display (every field optional: each kind fills its own).
 * `line`: the item's name; `quantity`/`previousQuantity`: a line's quantity after/before;
 * `amount`: money (a payment, a discount, a refund, a void's worth, the close's total);
 * `table`: the table's name (null: no table); `lines`: the names of the lines marked or refunded;
 * `mergedInto`: the number of the order a merge moved the lines to.
 */
export const OpSummarySchema = z.object({
  number: z.string().optional(),
  table: z.string().nullable().optional(),
  line: z.string().optional(),
  quantity: z.number().int().optional(),
  previousQuantity: z.number().int().optional(),
  amount: Money.optional(),
  method: PaymentMethodSchema.optional(),
  reason: z.string().optional(),
  lines: z.array(z.string()).optional(),
  mergedInto: z.string().optional(),
  /** A split's: the number of the new order the units went to. */
  splitInto: z.string().optional(),
  /** The note an `editLine` gave its line. */
  note: z.string().optional(),
});
export type OpSummary = z.infer<typeof OpSummarySchema>;

/** One op of an order's history: who did what, when, on which device, who approved it. */
export const HistoryEntrySchema = z.object({
  id: Id,
  kind: z.enum(OP_KINDS),
  at: IsoTime,
  actor: PersonSchema,
  /** The manager who approved a change the actor could not make alone. */
  approver: PersonSchema.nullable(),
  /** A station (its name), or `web`: a phone or the back office, through the server. */
  device: z.object({ id: z.string(), kind: z.enum(["station", "web"]), name: z.string().nullable() }),
  summary: OpSummarySchema,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `GET /api/orders/:id/history`: every op of the order, in the order they apply. */
export const OrderHistorySchema = z.object({
  orderId: Id,
  number: z.string().nullable(),
  entries: z.array(HistoryEntrySchema),
});
export type OrderHistory = z.infer<typeof OrderHistorySchema>;
