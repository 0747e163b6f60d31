// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { formatThousands, formatVnd, parseDong } from "./format-money.js";
import { Money } from "./money.js";

afterEach(cleanup);

const NBSP = "\u00a0";

describe("money display", () => {
  it("shows đồng the Vietnamese way: dots between thousands, ₫ after a no-break space", () => {
    expect(formatVnd(58_000)).toBe(`58.000${NBSP}₫`);
    expect(formatVnd(0)).toBe(`0${NBSP}₫`);
    expect(formatVnd(1_234_567)).toBe(`1.234.567${NBSP}₫`);
    expect(formatVnd(1_000_000_000_000)).toBe(`1.000.000.000.000${NBSP}₫`);
  });

  it("renders <Money> as one unbreakable amount carrying its value", () => {
    const { container } = render(<Money amount={58_000} className="total" />);
    const money = container.querySelector<HTMLElement>(".money");
    if (money === null) throw new Error("no money element");
    expect(money.textContent).toBe(`58.000${NBSP}₫`);
    expect(money.className).toBe("money total");
    expect(money.dataset.amount).toBe("58000");
  });

  it("writes quick amounts without the currency sign", () => {
    expect(formatThousands(50_000)).toBe("50.000");
    expect(formatThousands(500_000)).toBe("500.000");
  });

  it("reads what a cashier types as whole đồng", () => {
    expect(parseDong("58.000")).toBe(58_000);
    expect(parseDong("58000")).toBe(58_000);
    expect(parseDong(`58 000${NBSP}₫`)).toBe(58_000);
    expect(parseDong("100,000đ")).toBe(100_000);
    expect(parseDong("")).toBeNull();
    expect(parseDong("năm mươi")).toBeNull();
    expect(parseDong("-5")).toBeNull();
  });
});
