import { describe, expect, it } from "vitest";
import { dong, MAX_AMOUNT, vatIncluded } from "./money.js";

/** The VAT a price holds, as receipts, e-invoices and reports print it. */
describe("vatIncluded", () => {
  it("extracts the VAT contained in a VAT-inclusive amount", () => {
    expect(vatIncluded(dong(110_000), 10)).toBe(10_000);
    expect(vatIncluded(dong(108_000), 8)).toBe(8_000);
    expect(vatIncluded(dong(105_000), 5)).toBe(5_000);
    expect(vatIncluded(dong(58_000), 0)).toBe(0);
  });

  it("rounds once, half away from zero", () => {
    expect(vatIncluded(dong(29_000), 8)).toBe(2_148); // 232000 / 108 = 2148.148…
    expect(vatIncluded(dong(35_000), 10)).toBe(3_182); // 350000 / 110 = 3181.818…
    expect(vatIncluded(dong(11), 10)).toBe(1); // 110 / 110 = 1
    expect(vatIncluded(dong(5), 10)).toBe(0); // 50 / 110 = 0.45…
    expect(vatIncluded(dong(6), 10)).toBe(1); // 60 / 110 = 0.54…
  });

  it("handles the largest amount without leaving the safe range", () => {
    expect(vatIncluded(dong(MAX_AMOUNT), 10)).toBe(90_909_090_909);
  });
});
