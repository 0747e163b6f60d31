import type { Order } from "@quay/core";
import type { OrderView } from "@quay/protocol";

/**
 * The core's `Order` as the wire's `OrderView`. They differ only in `readonly` (the core never
 * mutates an order), so this is a type-level view, not a copy.
 */
export function orderView(order: Order): OrderView {
  return order as unknown as OrderView;
}
