import { rebuildRollup } from "./scripts/sales-rollup.js";
import type { Script } from "./sql-script.js";

/**
 * Migration 15: the rollup counts the day's order discounts (`discount`) and the refunds made
 * each day (`refundDay`, `refundMethod`, on the day of the refund, not of its sale). No table
 * changes; the rollup is rebuilt so the discounts of the sales already held are counted too.
 */
export function* refundsInRollup(): Script<void> {
  yield* rebuildRollup();
}
