/**
 * Options at the counter (issue 13, item 1): a tea with size L and two toppings, chosen in the
 * chooser, priced on the line, with real quay-server and quay-station processes and headless
 * Chromium. The demo's "Trà sữa trân châu" is 39.000 ₫; L adds 6.000 ₫, each topping 5.000 ₫.
 * Then the line is edited before the kitchen has it: size M and a quick note of its category.
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
    await screenshot(page, "option-chooser", { forDocs: true });
    await chooser.getByRole("button", { name: "Thêm vào đơn" }).click();

    const line = page.getByTestId("order-line").first();
    await expect.poll(() => line.textContent()).toContain("Trà sữa trân châu (L, Trân châu, Thạch)");
    await expect
      .poll(() => page.getByTestId("order-total").locator(".money").getAttribute("data-amount"))
      .toBe("55000");
  }, 60_000);

  it("edits the line before the kitchen has it: size M, a topping less, a quick note", async () => {
    const { page } = counter;
    const line = page.getByTestId("order-line").first();
    await line.getByTestId("edit-line").click();
    const dialog = page.getByTestId("line-edit-dialog");
    // It opens with the line's own choice.
    expect(
      await dialog.locator(".option-group").getByRole("button", { name: /^L/ }).getAttribute("aria-pressed"),
    ).toBe("true");
    await dialog.getByRole("button", { name: /^M/ }).click();
    await dialog.getByRole("button", { name: /^Thạch/ }).click();
    // The tea category's own quick notes (back office), not the common ones.
    await dialog.getByRole("button", { name: "Đá riêng" }).click();
    await expect
      .poll(() => dialog.getByTestId("option-price").locator(".money").getAttribute("data-amount"))
      .toBe("44000");
    await screenshot(page, "line-edit", { forDocs: true });
    await dialog.getByRole("button", { name: "Lưu" }).click();

    await expect.poll(() => line.textContent()).toContain("Trà sữa trân châu (M, Trân châu)");
    await expect.poll(() => line.textContent()).toContain("Đá riêng");
    await expect
      .poll(() => page.getByTestId("order-total").locator(".money").getAttribute("data-amount"))
      .toBe("44000");
  }, 60_000);
});
