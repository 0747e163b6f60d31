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
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  // `sign * 0` would be −0, which prints as "-0 ₫": a zero result is always +0.
  return rounded === 0 ? 0 : sign * rounded;
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder method):
 * the parts always add up to exactly `total`. Used to spread an order discount over VAT rates.
 * Weights are non-negative safe integers (amounts of money); when they are all zero every part is 0.
 * The shares are computed exactly (`total × weight` can pass 2^53 for large orders, where a
 * floating-point share would misjudge the remainders and so who gets the last đồng).
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  assertSafeInteger(total, "total");
  let weightSum = 0n;
  for (const weight of weights) {
    if (assertSafeInteger(weight, "weight") < 0) throw new RangeError(`weight must be ≥ 0, got ${weight}`);
    weightSum += BigInt(weight);
  }
  if (weightSum === 0n) return weights.map(() => 0);
  const shares = weights.map((weight, index) => {
    const product = BigInt(total) * BigInt(weight);
    let quotient = product / weightSum; // BigInt division truncates toward zero: floor it
    let remainder = product % weightSum;
    if (remainder < 0n) {
      quotient -= 1n;
      remainder += weightSum;
    }
    return { index, quotient, remainder };
  });
  const parts = shares.map((share) => Number(share.quotient));
  let left = total - parts.reduce((sum, p) => sum + p, 0);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
