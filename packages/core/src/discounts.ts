import { type Dong, dong, minDong, ZERO } from "./money.js";
import type { Role } from "./permissions.js";

/**
 * Why a discount is given: a short list the apps offer (labels in their message files), so the
 * reports can group by it. Ops made before it carry free text or null.
 */
export const DISCOUNT_REASONS = ["regular", "promotion", "staff", "fault", "other"] as const;
export type DiscountReason = (typeof DISCOUNT_REASONS)[number];

/** The most a percentage discount takes off: all of it. */
export const MAX_DISCOUNT_PERCENT = 100;

/**
 * How big a discount each role may give alone, in percent of what it is taken off (the line, or
 * the bill); above it a manager's PIN approves. Owners and managers have no limit.
 */
export const DISCOUNT_LIMITED_ROLES = ["cashier", "waiter"] as const satisfies readonly Role[];
export type DiscountLimits = Readonly<Record<(typeof DISCOUNT_LIMITED_ROLES)[number], number>>;
export const DEFAULT_DISCOUNT_LIMITS: DiscountLimits = { cashier: 10, waiter: 0 };

/** A discount as an op asks it: `percent` (1–100) of what it applies to, else `amount` in đồng. */
export interface DiscountTerms {
  readonly amount: Dong;
  readonly percent?: number | undefined;
}

/** What a discount takes off `base`: its percent of it (rounded to the đồng), or its amount, never more than `base`. */
export function discountOff(terms: DiscountTerms, base: Dong): Dong {
  if (terms.percent !== undefined) return dong(Math.round((base * terms.percent) / 100));
  return minDong(terms.amount < 0 ? ZERO : terms.amount, base);
}

export function isDiscountPercent(percent: number): boolean {
  return Number.isInteger(percent) && percent >= 1 && percent <= MAX_DISCOUNT_PERCENT;
}

/**
 * Whether `role` may give this discount on `base` without a manager: owners and managers always;
 * others when it takes off at most their limit's share of `base`. Removing a discount (nothing
 * off) is always within.
 */
export function withinDiscountLimit(
  role: Role,
  terms: DiscountTerms,
  base: Dong,
  limits: DiscountLimits,
): boolean {
  if (role === "owner" || role === "manager") return true;
  if (terms.percent !== undefined) return terms.percent <= limits[role];
  const off = discountOff(terms, base);
  return off === 0 || off * 100 <= base * limits[role];
}
