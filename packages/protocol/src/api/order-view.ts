import { ORDER_FLAGS, ORDER_STATUSES } from "@quay/core";
import { z } from "zod";
import { Id, IsoTime, Money, Quantity, VatRateSchema } from "../wire/common.js";
import { PaymentMethodSchema } from "../wire/op.js";

export const OrderLineSchema = z.object({
  id: Id,
  itemId: Id,
  name: z.string(),
  quantity: Quantity,
  unitPrice: Money,
  amount: Money,
  vatRate: VatRateSchema,
  note: z.string().nullable(),
});

/** An order as both services return it (API.md "Order"); the fold of its ops. */
export const OrderSchema = z.object({
  id: Id,
  number: z.string().nullable(),
  storeId: Id.nullable(),
  tableId: Id.nullable(),
  status: z.enum(ORDER_STATUSES),
  lines: z.array(OrderLineSchema),
  voidedLines: z.array(OrderLineSchema.extend({ voidReason: z.string() })),
  subtotal: Money,
  discount: Money,
  total: Money,
  vat: z.array(z.object({ rate: VatRateSchema, taxable: Money, vat: Money })),
  vatAmount: Money,
  paid: Money,
  changeDue: Money,
  payments: z.array(z.object({ id: Id, method: PaymentMethodSchema, amount: Money, at: IsoTime })),
  openedAt: IsoTime.nullable(),
  paidAt: IsoTime.nullable(),
  voidedAt: IsoTime.nullable(),
  voidReason: z.string().nullable(),
  stationId: z.string().nullable(),
  flags: z.array(z.enum(ORDER_FLAGS)),
  updatedAt: IsoTime.nullable(),
  /** Server only: when the order first reached the server. */
  receivedAt: IsoTime.nullable().optional(),
});
export type OrderView = z.infer<typeof OrderSchema>;

export const OrderListSchema = z.object({ orders: z.array(OrderSchema) });
