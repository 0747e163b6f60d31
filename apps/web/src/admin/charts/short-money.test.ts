import { describe, expect, it } from "vitest";
import { shortMoney } from "./short-money.js";

describe("shortMoney", () => {
  it("says amounts the short Vietnamese way", () => {
    expect(shortMoney(0)).toBe("0");
    expect(shortMoney(500)).toBe("500");
    expect(shortMoney(58_000)).toBe("58k");
    expect(shortMoney(1_250_000)).toBe("1,25tr");
    expect(shortMoney(45_600_000)).toBe("45,6tr");
    expect(shortMoney(2_000_000_000)).toBe("2tỷ");
  });
});
