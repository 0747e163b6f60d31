/**
 * A price changed in the back office shows on the cashier's menu before it is charged (issue 13,
 * item 7: the tile said 49.000 ₫ while the line charged 52.000 ₫), with real quay-server and
 * quay-station processes and headless Chromium.
 */

import { expect, it } from "vitest";
import { login, ok } from "../support/http.mjs";
import { describeWithBrowser } from "./browser.js";
import { counterWithStation, signInAsCashier } from "./counter-with-station.js";

describeWithBrowser("the cashier's menu prices", () => {
  const counter = counterWithStation("menu-price");

  it("shows the back office's new price on the tile, and charges it", async () => {
    const { page, station, server } = counter;
    await signInAsCashier(page, station.url);
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
