import { rebuildRollup } from "./scripts/sales-rollup.js";
import { exec, type Script } from "./sql-script.js";

/**
 * Migration 18: how big a discount, in percent of the line or the bill, a cashier and a waiter
 * may give without a manager's PIN (core's `DEFAULT_DISCOUNT_LIMITS`: 10 and 0); the rollup
 * counts each discount by day, reason and approver, rebuilt for the sales already held.
 */
export function* discountLimitsMigration(): Script<void> {
  yield* exec(`
ALTER TABLE stores ADD COLUMN discount_limit_cashier INTEGER NOT NULL DEFAULT 10;
ALTER TABLE stores ADD COLUMN discount_limit_waiter INTEGER NOT NULL DEFAULT 0;
`);
  yield* rebuildRollup();
}
