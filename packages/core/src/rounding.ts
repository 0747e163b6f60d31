/**
 * The one place where Quầy rounds. Money is whole đồng, so every division of money goes
 * through here and rounds half away from zero (the way a Vietnamese receipt rounds).
 */

/** Throws unless `value` is an integer within ±(2^53 − 1). */
export function assertSafeInteger(value: number, what = "value"): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${value}`);
  }
  return value;
}

/** `numerator / denominator` rounded half away from zero; both integers, denominator > 0. */
export function divideRounded(numerator: number, denominator: number): number {
  assertSafeInteger(numerator, "numerator");
  assertSafeInteger(denominator, "denominator");
  if (denominator <= 0) throw new RangeError("denominator must be positive");
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / denominator);
  const remainder = magnitude - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder method):
 * the parts always add up to exactly `total`. Used to spread an order discount over VAT rates.
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  assertSafeInteger(total, "total");
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (weightSum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((sum, p) => sum + p, 0);
  const byRemainder = exact
    .map((x, index) => ({ index, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
