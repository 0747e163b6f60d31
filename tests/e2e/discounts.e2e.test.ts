/**
 * Discounts at the counter (issue 13, item 2) in real headless Chromium against real quay-server
 * and quay-station processes: 10 % off a line within the cashier's limit, then half the bill, which
 * needs a manager's PIN (a wrong one refused, changing nothing); the receipt shows each discount
 * with its reason, and the back office reports them by reason and by who approved them.
 */
import { expect, it } from "vitest";
import { login, ok } from "../support/http.mjs";
import { amountOf, signIn } from "./admin-support.js";
import { describeWithBrowser, screenshot } from "./browser.js";
import { counterWithStation, signInAsCashier } from "./counter-with-station.js";

describeWithBrowser("discounts at the counter", () => {
  const counter = counterWithStation("discounts");

  it("takes 10 % off a line alone, half the bill on a manager's PIN, prints both and reports them", async () => {
    const { page, station, server } = counter;
    await signInAsCashier(page, station.url);
    await page.getByTestId("table-tile").first().click();
    const tiles = page.getByTestId("menu-item");
    await tiles.nth(0).click();
    await tiles.nth(1).click();
    const lines = page.getByTestId("order-line");
    await expect.poll(() => lines.count()).toBe(2);

    // The first line, 10 % off: within the cashier's limit, no PIN asked.
    await lines.first().click();
    await page.getByTestId("discount-button").click();
    const dialog = page.getByTestId("discount-dialog");
    await dialog.getByTestId("discount-percent-10").click();
    await dialog.getByRole("button", { name: "Khách quen" }).click();
    expect(await dialog.getByTestId("manager-pin").count()).toBe(0);
    await screenshot(page, "discount-dialog");
    await dialog.getByRole("button", { name: "Áp dụng" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => lines.first().getByTestId("line-discount").textContent()).toContain("10%");

    const token = await login(station.url, "thungan", "1234", "online");
    const { orders } = await ok(station.url, "GET", "/api/orders?status=open", { token });
    const [order] = orders;
    const [first] = order.lines;
    const gross = first.unitPrice * first.quantity;
    expect(first.discount).toMatchObject({ amount: Math.round(gross / 10), percent: 10, reason: "regular" });

    // Half the bill is beyond the cashier's 10 %: the manager's PIN, a wrong one first.
    await page.getByTestId("discount-button").click();
    await dialog.getByText("Cả hóa đơn").click();
    await dialog.getByTestId("discount-percent-50").click();
    await dialog.getByRole("button", { name: "Khuyến mãi" }).click();
    await dialog.getByTestId("manager-pin").fill("0000");
    await dialog.getByRole("button", { name: "Áp dụng" }).click();
    await dialog.getByRole("alert").waitFor();
    const unchanged = await ok(station.url, "GET", `/api/orders/${order.id}`, { token });
    expect(unchanged.discount).toBe(0);
    await dialog.getByTestId("manager-pin").fill("9999");
    await dialog.getByRole("button", { name: "Áp dụng" }).click();
    await dialog.waitFor({ state: "detached" });
    const discounted = await ok(station.url, "GET", `/api/orders/${order.id}`, { token });
    expect(discounted.discount).toBe(Math.round(discounted.subtotal / 2));
    expect(discounted.billDiscount).toMatchObject({ percent: 50, reason: "promotion" });
    expect(discounted.billDiscount.approvedBy).not.toBeNull();
    expect(await amountOf(page, "[data-testid=order-total] .money")).toBe(discounted.total);

    // Paid in cash, exactly: the receipt lists both discounts with their reasons.
    await page.getByTestId("pay-button").click();
    await page.getByTestId("payment-dialog").waitFor();
    await page.getByTestId("quick-exact").click();
    await page.getByTestId("confirm-cash").click();
    const receipt = page.getByTestId("receipt-dialog");
    await receipt.waitFor();
    expect(await receipt.getByTestId("receipt-line-discount").textContent()).toContain(
      "Giảm 10% · Khách quen",
    );
    expect(await receipt.textContent()).toContain("Giảm 50% · Khuyến mãi");
    await screenshot(page, "discount-receipt");
    await page.getByTestId("receipt-done").click();

    // The back office, once the sale reached the server: discounts by reason and by approver.
    await expect
      .poll(
        async () =>
          (
            await ok(server.url, "GET", `/api/orders/${order.id}`, {
              token: await login(server.url, "quanly", "1234"),
            })
          ).status,
        {
          timeout: 15_000,
        },
      )
      .toBe("paid");
    await signIn(page, `${server.url}/admin/`, "quanly", "1234");
    await page.getByRole("link", { name: "Báo cáo" }).click();
    await page.getByTestId("view-discountReason").click();
    const rows = page.getByTestId("report-row");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    const reasons = await rows.allTextContents();
    expect(reasons.join("\n")).toContain("Khuyến mãi");
    expect(reasons.join("\n")).toContain("Khách quen");
    expect(await amountOf(page, "[data-testid=report-total] .money")).toBe(
      discounted.discount + first.discount.amount,
    );
    await page.getByTestId("view-discountApprover").click();
    await expect.poll(async () => (await rows.allTextContents()).join("\n")).toContain("Trần Thị Lan");
    await screenshot(page, "admin-discounts");
  });
});
