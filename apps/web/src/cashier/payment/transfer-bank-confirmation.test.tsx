// @vitest-environment happy-dom
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderCashier } from "../test-support/render-cashier.js";
import { TransferPanel } from "./transfer-panel.js";

const bank = { bin: "970436", account: "0071000888999", accountName: "QUAN CA PHE DEMO" };
const confirmation = (amount: number) => ({
  id: "0190a000-0000-7000-8000-000000000001",
  orderId: "0190a000-0000-7000-8000-000000000002",
  orderNumber: "CH01-Q1-20261128-0007",
  amount,
  bankRef: "FT24338123456",
  at: "2026-11-28T03:00:00.000Z",
});
const NUMBER = "CH01-Q1-20261128-0007";

/** The panel of a 58.000 ₫ transfer, the bank having confirmed `amount`; answers its `onPay`. */
function renderConfirmed(amount: number) {
  const onPay = vi.fn();
  renderCashier(
    <TransferPanel
      due={58_000}
      bank={bank}
      purpose={NUMBER}
      busy={false}
      onPay={onPay}
      confirmation={confirmation(amount)}
    />,
  );
  return onPay;
}

describe("a transfer the bank confirmed", () => {
  it("shows Đã nhận tiền and records the payment by itself", () => {
    const onPay = renderConfirmed(58_000);
    expect(screen.getByTestId("bank-confirmed").textContent).toContain("Đã nhận tiền");
    expect(screen.getByTestId("bank-confirmed").textContent).toContain("FT24338123456");
    expect(screen.queryByTestId("transfer-unconfirmed")).toBeNull();
    expect(onPay).toHaveBeenCalledTimes(1);
    expect(onPay).toHaveBeenCalledWith(58_000, confirmation(58_000));
  });

  it("never records another amount than the QR asks for: it says so and waits for the cashier", () => {
    const onPay = renderConfirmed(50_000);
    expect(screen.getByTestId("bank-other-amount").textContent).toContain("50.000");
    expect(screen.getByTestId("transfer-unconfirmed").textContent).toBe("Chưa xác nhận");
    expect(onPay).not.toHaveBeenCalled();
  });
});
