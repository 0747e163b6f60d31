/**
 * The counter's bill history in real headless Chromium against real quay-server and
 * quay-station processes (issue 12, item 3): find a bill by its number, print it again marked
 * "IN LẠI", refund one line as a cashier on the manager's PIN (a wrong PIN refused, changing
 * nothing), and see the refund on the bill and in the day's figures.
 */

import { expect, it } from "vitest";
import { login, ok } from "../support/http.mjs";
import { describeWithBrowser, screenshot } from "./browser.js";
import { counterWithStation, signInAsCashier } from "./counter-with-station.js";

describeWithBrowser("the counter's bill history", () => {
  const counter = counterWithStation("bills");

  it("finds a bill, prints it again, and refunds a line on the manager's PIN", async () => {
    const { page, station } = counter;
    // Two bills at the counter, through its API as the cashier: two lines, then one line.
    const token = await login(station.url, "thungan", "1234", "online");
    const { items } = await ok(station.url, "GET", "/api/catalog", { token });
    const sell = async (itemIndexes: number[]) => {
      const order = await ok(station.url, "POST", "/api/orders", { token, body: {} });
      let current = order;
      for (const index of itemIndexes)
        current = await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
          token,
          body: { itemId: items[index].id, quantity: 1 },
        });
      return ok(station.url, "POST", `/api/orders/${order.id}/payments`, {
        token,
        body: { method: "cash", amount: current.total },
      });
    };
    const first = await sell([0, 1]);
    await sell([2]);

    await signInAsCashier(page, station.url);
    await page.getByTestId("bills-open").click();
    const history = page.getByTestId("bill-history");
    await expect.poll(() => history.getByTestId("bill-list").locator(".bill-row").count()).toBe(2);
    await history.getByTestId("bill-search").fill(first.number.slice(-4));
    await expect.poll(() => history.getByTestId("bill-list").locator(".bill-row").count()).toBe(1);
    await history.getByTestId("bill-list").locator(".bill-row").click();
    await screenshot(page, "bill-history");

    await history.getByTestId("bill-reprint").click();
    await expect.poll(() => page.getByTestId("receipt-reprint").first().textContent()).toBe("IN LẠI");
    await page.getByTestId("receipt-done").click();

    await history.getByTestId("bill-refund").click();
    const refund = page.getByTestId("refund-dialog");
    await refund.getByRole("checkbox").first().check();
    const lineAmount = first.lines[0].amount;
    expect(await refund.getByTestId("refund-amount").inputValue()).toBe(String(lineAmount));
    await refund.getByRole("button", { name: "Khách trả lại món" }).click();
    await refund.getByTestId("manager-pin").fill("0000");
    await refund.getByRole("button", { name: "Xác nhận hoàn tiền" }).click();
    await refund.locator(".form-error").waitFor();
    const unchanged = await ok(station.url, "GET", `/api/orders/${first.id}`, { token });
    expect(unchanged.refunds).toEqual([]);

    await refund.getByTestId("manager-pin").fill("9999");
    await refund.getByRole("button", { name: "Xác nhận hoàn tiền" }).click();
    await refund.waitFor({ state: "detached" });
    const refunds = history.getByTestId("bill-refunds");
    await expect
      .poll(() => refunds.locator(".money").first().getAttribute("data-amount"))
      .toBe(String(lineAmount));
    await screenshot(page, "bill-refunded");
    const refunded = await ok(station.url, "GET", `/api/orders/${first.id}`, { token });
    expect(refunded.refunds).toMatchObject([
      { amount: lineAmount, method: "cash", reason: "Khách trả lại món" },
    ]);
    expect(refunded.refunds[0].approvedBy).not.toBeNull();

    // The day's figures at the counter count the refund today.
    const day = await ok(station.url, "GET", "/api/day", { token });
    expect(day.figures.refunds).toBe(lineAmount);
  }, 60_000);
});
