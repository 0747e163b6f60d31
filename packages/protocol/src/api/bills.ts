import { z } from "zod";
import { Id } from "../wire/common.js";
import { PaymentMethodSchema } from "../wire/op.js";
import { LocalDay } from "./local-day.js";
import { OrderSchema } from "./order-view.js";

/** The most bills one page of the bill history holds. */
export const MAX_BILLS_PAGE = 200;

/**
 * `GET /api/bills?from=&to=&q=&method=&limit=&offset=`: the paid bills of the days `from` to
 * `to` (the store's local days, both included; today by default), newest first. `q` finds a
 * bill by its number (any part), its table's name, or its total (digits: "58000", "58.000");
 * `method` keeps the bills paid, at least in part, that way.
 */
export const BillsQuerySchema = z.object({
  from: LocalDay.optional(),
  to: LocalDay.optional(),
  // No control characters: PostgreSQL refuses a NUL in text, and no one types them.
  q: z
    .string()
    .trim()
    .max(64)
    .refine((text) => !/\p{Cc}/u.test(text), "no control characters")
    .optional(),
  method: PaymentMethodSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_BILLS_PAGE).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type BillsQuery = z.infer<typeof BillsQuerySchema>;

/** The server's `GET /api/bills`: the same query, for one of the caller's stores (all by default). */
export const StoreBillsQuerySchema = BillsQuerySchema.extend({ storeId: Id.optional() });

/** What a bill search `q` looks for: `text` (lower case) in a number or table name, or a `total`. */
export interface BillSearch {
  readonly text: string;
  /** The total typed as digits ("58000", "58.000 ₫"); null when `q` is not a sum. */
  readonly total: number | null;
}

/** Reads `q` the same way on both services; null when there is nothing to look for. */
export function parseBillSearch(q: string | undefined): BillSearch | null {
  const text = q?.trim().toLocaleLowerCase("vi") ?? "";
  if (text === "") return null;
  const total = /^[\d.,\s₫đ]+$/u.test(text) ? Number(text.replace(/\D/g, "")) : null;
  return { text, total: total !== null && total > 0 ? total : null };
}

export const BillListSchema = z.object({
  orders: z.array(OrderSchema),
  /** The `offset` of the next page, or null on the last. */
  next: z.number().int().min(0).nullable(),
});
export type BillList = z.infer<typeof BillListSchema>;
