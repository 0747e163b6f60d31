import { ORDER_FLAGS, ORDER_STATUSES } from "@quay/core";
import { z } from "zod";
import { Id, IsoTime, Money, Quantity, VatRateSchema } from "../wire/common.js";
import { LineOptionSchema, PaymentMethodSchema } from "../wire/op.js";

/**
 * A sum of money the fold computed: not capped at 10^12 like an amount typed in, so that an
 * order whose sums went out of range (before the counter refused them) can still be shown and resolved.
 */
const Sum = z.number().int().min(0);

/** A discount given (core's `GivenDiscount`): what it took off, its percent (null: an amount), why, who approved. */
const GivenDiscountSchema = z.object({
  amount: Sum,
  percent: z.number().int().nullable(),
  reason: z.string().nullable(),
  approvedBy: z.string().nullable(),
});

export const OrderLineSchema = z.object({
  id: Id,
  itemId: Id,
  name: z.string(),
  quantity: Quantity,
  unitPrice: Money,
  /** After the line's own discount. */
  amount: Sum,
  /** The line's own discount; absent from an order folded before there were any. */
  discount: GivenDiscountSchema.nullable().optional(),
  vatRate: VatRateSchema,
  note: z.string().nullable(),
  // When what is left to make was ordered, and when the kitchen screen marked it made (core's
  // `OrderLine`). Absent only from an order folded before they existed, until its next change.
  orderedAt: IsoTime.optional(),
  readyAt: IsoTime.nullable().optional(),
  /** The options chosen, with their names and prices then, and the item's price before them. */
  options: z.array(LineOptionSchema).optional(),
  basePrice: Money.optional(),
});

/** An order as both services return it (docs/api.md, "Orders"); the fold of its ops. */
export const OrderSchema = z.object({
  id: Id,
  number: z.string().nullable(),
  storeId: Id.nullable(),
  tableId: Id.nullable(),
  status: z.enum(ORDER_STATUSES),
  lines: z.array(OrderLineSchema),
  voidedLines: z.array(OrderLineSchema.extend({ voidReason: z.string() })),
  subtotal: Sum,
  discount: Money,
  // The bill's discount as given, and the lines' own discounts together (core's `Order`). Absent
  // only from an order folded before they existed, until its next change.
  billDiscount: GivenDiscountSchema.nullable().optional(),
  lineDiscounts: Sum.optional(),
  total: Sum,
  vat: z.array(z.object({ rate: VatRateSchema, taxable: Sum, vat: Sum })),
  vatAmount: Sum,
  paid: Sum,
  changeDue: Sum,
  payments: z.array(
    z.object({
      id: Id,
      method: PaymentMethodSchema,
      amount: Money,
      at: IsoTime,
      /** The equal part of the bill it paid ("Chia đều"), when it paid one. */
      part: z.object({ index: z.number().int(), count: z.number().int() }).optional(),
    }),
  ),
  /** Money given back, each counted on the day it was made (`at`); the order stays paid. */
  refunds: z.array(
    z.object({
      id: Id,
      amount: Money,
      method: PaymentMethodSchema,
      reason: z.string(),
      lineIds: z.array(Id),
      at: IsoTime,
      userId: z.string(),
      deviceId: z.string(),
      approvedBy: z.string().nullable(),
    }),
  ),
  refunded: Sum,
  openedAt: IsoTime.nullable(),
  paidAt: IsoTime.nullable(),
  voidedAt: IsoTime.nullable(),
  voidReason: z.string().nullable(),
  stationId: z.string().nullable(),
  // Who opened the order, who checked it out on which device (core's `Order`). Absent only from
  // an order a station folded before they existed, until its next change refolds it.
  openedByUserId: z.string().nullable().optional(),
  closedByUserId: z.string().nullable().optional(),
  closedOnDeviceId: z.string().nullable().optional(),
  flags: z.array(z.enum(ORDER_FLAGS)),
  updatedAt: IsoTime.nullable(),
  /** Station only: the server refused the order's changes for good; it waits for a manager. */
  refusal: z.object({ code: z.string(), message: z.string().nullable(), at: IsoTime }).optional(),
  /** Server only: when the order first reached the server. */
  receivedAt: IsoTime.nullable().optional(),
});
export type OrderView = z.infer<typeof OrderSchema>;

export const OrderListSchema = z.object({ orders: z.array(OrderSchema) });
