import type { Order as CoreOrder } from "@quay/core";
import type { Order } from "../api/station-types.js";

/**
 * The station's order as the core's own type, for the core's refund rules: the station answers
 * the fold's `Order` as JSON (`orderView`), so only the đồng brand is missing from the parsed view.
 */
export function asCoreOrder(order: Order): CoreOrder {
  return order as unknown as CoreOrder;
}
