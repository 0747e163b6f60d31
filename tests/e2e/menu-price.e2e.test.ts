/**
 * A price changed in the back office shows on the cashier's menu before it is charged (issue 13,
 * item 7: the tile said 49.000 ₫ while the line charged 52.000 ₫), with real quay-server and
 * quay-station processes and headless Chromium.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { login, ok } from "../support/http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { describeWithBrowser, launchChromium, screenshotOnFailure } from "./browser.js";

describeWithBrowser("the cashier's menu prices", () => {
  const serverData = tempDir("e2e-price-server");
  const stationData = tempDir("e2e-price-station");
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
  screenshotOnFailure("menu-price", () => page);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await station?.stop();
    await server?.stop();
    removeDir(serverData);
    removeDir(stationData);
  });

  it("shows the back office's new price on the tile, and charges it", async () => {
    await page.goto(station.url);
    await page.getByLabel("Tên đăng nhập").fill("thungan");
    await page.getByLabel("Mật khẩu").fill("1234");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("table-tile").first().click();
    const tile = page.getByTestId("menu-item").first();
    const name = (await tile.getAttribute("data-item")) ?? "";
    const price = () => tile.locator(".money").getAttribute("data-amount");
    const before = Number(await price());

    const owner = await login(server.url, "admin", "admin123");
    const { items } = await ok(server.url, "GET", "/api/catalog", { token: owner });
    const item = items.find((candidate: { name: string }) => candidate.name === name);
    await ok(server.url, "PATCH", `/api/catalog/items/${item.id}`, {
      token: owner,
      body: { price: before + 3_000 },
    });

    // The station pulls the new menu and tells the screen; the tile changes without a reload.
    await expect.poll(price, { timeout: 15_000 }).toBe(String(before + 3_000));
    await tile.click();
    await expect
      .poll(() => page.getByTestId("order-total").locator(".money").getAttribute("data-amount"))
      .toBe(String(before + 3_000));
  }, 60_000);
});
