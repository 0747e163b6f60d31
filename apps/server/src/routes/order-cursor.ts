import { z } from "zod";
import type { OrderPosition } from "../storage/scripts/orders.js";

const PositionSchema = z.strictObject({
  by: z.enum(["paidAt", "openedAt"]),
  at: z.string().max(64).nullable(),
  id: z.string().min(1).max(64),
});

function decode(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The `after` of an order listing: opaque to clients, who only hand back the `next` they were
 * given. Inside it is the position of the previous page's last order, as base64url JSON.
 */
export const OrderCursorSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,400}$/)
  .transform((text, context): OrderPosition => {
    const position = PositionSchema.safeParse(decode(text));
    if (position.success) return position.data;
    context.addIssue({ code: "custom", message: "not a cursor this server gave out" });
    return z.NEVER;
  });

export function encodeOrderCursor(position: OrderPosition): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}
