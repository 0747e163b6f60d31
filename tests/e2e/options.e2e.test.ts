/**
 * Options at the counter (issue 13, item 1): a tea with size L and two toppings, chosen in the
 * chooser, priced on the line, with real quay-server and quay-station processes and headless
 * Chromium. The demo's "Trà sữa trân châu" is 39.000 ₫; L adds 6.000 ₫, each topping 5.000 ₫.
 */
import { expect, it } from "vitest";
import { describeWithBrowser, screenshot } from "./browser.js";
import { counterWithStation, signInAsCashier } from "./counter-with-station.js";

describeWithBrowser("options at the counter", () => {
  const counter = counterWithStation("options");

  it("chooses size L and two toppings, the third topping stopped at the maximum", async () => {
    const { page, station } = counter;
    await signInAsCashier(page, station.url);
    await page.getByTestId("table-tile").first().click();
    await page.locator('[data-testid="menu-item"][data-item="Trà sữa trân châu"]').click();

    const chooser = page.getByTestId("option-chooser");
    await chooser.getByRole("button", { name: /^L/ }).click();
    await chooser.getByRole("button", { name: /^Trân châu/ }).click();
    await chooser.getByRole("button", { name: /^Thạch/ }).click();
    expect(await chooser.getByRole("button", { name: /^Kem cheese/ }).isDisabled()).toBe(true);
    await expect
      .poll(() => chooser.getByTestId("option-price").locator(".money").getAttribute("data-amount"))
      .toBe("55000");
    await screenshot(page, "option-chooser");
    await chooser.getByRole("button", { name: "Thêm vào đơn" }).click();

    const line = page.getByTestId("order-line").first();
    await expect.poll(() => line.textContent()).toContain("Trà sữa trân châu (L, Trân châu, Thạch)");
    await expect
      .poll(() => page.getByTestId("order-total").locator(".money").getAttribute("data-amount"))
      .toBe("55000");
  }, 60_000);
});
