// @vitest-environment happy-dom
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderCashier } from "../test-support/render-cashier.js";
import { CashTender } from "./cash-tender.js";
import { TransferPanel } from "./transfer-panel.js";

const NBSP = "\u00a0";
const bank = { bin: "970436", account: "0071000888999", accountName: "QUAN CA PHE DEMO" };

describe("cash payment", () => {
  it("offers exact and the usual notes, and shows the change due", () => {
    const onPay = vi.fn();
    renderCashier(<CashTender due={58_000} busy={false} onPay={onPay} />);
    const labels = screen.getAllByRole("button").map((button) => button.textContent);
    expect(labels.slice(0, 5)).toEqual(["Đúng tiền", "50.000", "100.000", "200.000", "500.000"]);

    fireEvent.click(screen.getByTestId("quick-100000"));
    expect(screen.getByText("Tiền thối lại")).toBeTruthy();
    expect(document.querySelector(".change-amount")?.textContent).toBe(`42.000${NBSP}₫`);
    fireEvent.click(screen.getByTestId("confirm-cash"));
    expect(onPay).toHaveBeenCalledWith(100_000);
  });

  it("shows what is still owed when the customer hands over less (a split payment)", () => {
    renderCashier(<CashTender due={58_000} busy={false} onPay={vi.fn()} />);
    fireEvent.click(screen.getByTestId("quick-50000"));
    expect(screen.getByText("Còn thiếu")).toBeTruthy();
    expect(document.querySelector(".change-amount")?.textContent).toBe(`8.000${NBSP}₫`);
  });
});

describe("bank transfer", () => {
  it("draws a VietQR of the exact amount, unconfirmed until the cashier confirms", () => {
    const onPay = vi.fn();
    renderCashier(
      <TransferPanel due={58_000} bank={bank} purpose="CH01-Q1-20261128-0007" busy={false} onPay={onPay} />,
    );
    const payload = screen.getByRole("img").getAttribute("data-payload") ?? "";
    expect(payload).toContain("0010A000000727");
    expect(payload).toContain("5405580005802VN");
    expect(payload).toContain("0821CH01-Q1-20261128-0007");
    expect(screen.getByTestId("transfer-unconfirmed").textContent).toBe("Chưa xác nhận");
    expect(onPay).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("confirm-transfer"));
    expect(onPay).toHaveBeenCalledWith(58_000);
  });

  it("says so when the store takes no transfers", () => {
    renderCashier(<TransferPanel due={58_000} bank={null} purpose={null} busy={false} onPay={vi.fn()} />);
    expect(screen.getByText("Cửa hàng chưa khai báo tài khoản ngân hàng nhận chuyển khoản.")).toBeTruthy();
  });
});
