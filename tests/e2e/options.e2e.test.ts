/**
 * Options at the counter (issue 13, item 1): a tea with size L and two toppings, chosen in the
 * chooser, priced on the line, with real quay-server and quay-station processes and headless
 * Chromium. The demo's "Trà sữa trân châu" is 39.000 ₫; L adds 6.000 ₫, each topping 5.000 ₫.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

describeWithBrowser("options at the counter", () => {
  const serverData = tempDir("e2e-options-server");
  const stationData = tempDir("e2e-options-station");
  let server: RunningProcess;
  let station: RunningProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ dataDir: serverData });
    station = await startStation({ serverUrl: server.url, dataDir: stationData });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    page = await context.newPage();
  });
  screenshotOnFailure("options", () => page);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await station?.stop();
    await server?.stop();
    removeDir(serverData);
    removeDir(stationData);
  });

  it("chooses size L and two toppings, the third topping stopped at the maximum", async () => {
    await page.goto(station.url);
    await page.getByLabel("Tên đăng nhập").fill("thungan");
    await page.getByLabel("Mật khẩu").fill("1234");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
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
