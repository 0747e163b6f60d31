import { assertSafeInteger, divideRounded } from "./rounding.js";

/** An amount of money in whole Vietnamese đồng (VND has no minor unit). */
export type Dong = number & { readonly __brand: "Dong" };

/** The largest amount a single price, payment or total may hold (10^12 đồng). */
export const MAX_AMOUNT = 1_000_000_000_000;

/** Brands an integer as đồng; throws on fractions, NaN or beyond the safe-integer range. */
export function dong(value: number): Dong {
  return assertSafeInteger(value, "amount") as Dong;
}

export const ZERO = dong(0);

export function addDong(a: Dong, b: Dong): Dong {
  return dong(a + b);
}

export function subtractDong(a: Dong, b: Dong): Dong {
  return dong(a - b);
}

export function multiplyDong(amount: Dong, quantity: number): Dong {
  assertSafeInteger(quantity, "quantity");
  return dong(amount * quantity);
}

export function sumDong(amounts: Iterable<Dong>): Dong {
  let total = ZERO;
  for (const amount of amounts) total = addDong(total, amount);
  return total;
}

export function minDong(a: Dong, b: Dong): Dong {
  return (a < b ? a : b) as Dong;
}

export function maxDong(a: Dong, b: Dong): Dong {
  return (a > b ? a : b) as Dong;
}

/** The VAT contained in a VAT-inclusive amount at `ratePercent` (rounded once, here). */
export function vatIncluded(amount: Dong, ratePercent: number): Dong {
  return dong(divideRounded(amount * ratePercent, 100 + ratePercent));
}

const vndFormat = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });

/** Formats for display the Vietnamese way: `58.000 ₫` (with a no-break space before ₫). */
export function formatVnd(amount: Dong | number): string {
  return vndFormat.format(amount);
}
