/**
 * The waiter's phone app served by a station (the shop's hub) in real headless Chromium, with the
 * internet cut: the same app as on the cloud, with no setting changed, logs in against the
 * station's cached credentials, says it works through the shop's network, and shows items sent
 * only once the station holds them; a tea with a size and a topping, and a discount a manager
 * approves with a PIN, go through the station the same way.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type CounterBehindInternet,
  startCounterBehindInternet,
} from "../support/counter-behind-internet.js";
import { login, ok, waitFor } from "../support/http.mjs";
import { expectTouchTargets, newPhone, signIn } from "./admin-support.js";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

interface StationOrder {
  readonly id: string;
  readonly tableId: string | null;
  readonly total: number;
  readonly lines: {
    name: string;
    quantity: number;
    options?: { name: string }[];
    discount?: { amount: number; approvedBy: string | null } | null;
  }[];
}

describeWithBrowser("the waiter's phone app through the shop's hub", () => {
  let shop: CounterBehindInternet;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let cashierToken = "";

  beforeAll(async () => {
    shop = await startCounterBehindInternet("e2e-hub");
    cashierToken = await login(shop.station.url, "thungan", "1234", "online");
    await shop.internet.setMode("refuse");
    await waitFor(async () => (await ok(shop.station.url, "GET", "/api/status")).mode === "offline", {
      timeoutMs: 5_000,
      what: "the station offline",
    });
    browser = await launchChromium();
    phone = await newPhone(browser);
    page = await phone.newPage();
  });

  screenshotOnFailure("waiter-hub-", () => page);

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await shop?.stop();
  });

  it("logs in, opens a table and sends items through the station while the internet is down", async () => {
    await signIn(page, `${shop.station.url}/m/`, "phucvu", "1234");
    const table = page.locator('[data-testid=table-tile][data-table="Bàn 4"]');
    await table.waitFor();
    const network = page.getByTestId("network");
    expect(await network.getAttribute("data-network")).toBe("shop");
    expect(await network.textContent()).toBe("Đang dùng: mạng của quán");
    expect(await page.getByTestId("connection-state").getAttribute("data-online")).toBe("true");

    await table.click();
    await page.getByTestId("order-title").waitFor();
    await page.getByTestId("menu-search").fill("bac xiu");
    await page.locator('[data-testid=menu-item][data-item="Bạc xỉu"]').click();
    expect(await page.getByTestId("draft-line").getAttribute("data-state")).toBe("draft");
    expect(await page.getByTestId("sent-line").count()).toBe(0);
    await page.getByTestId("send-draft").click();
    await expect.poll(() => page.getByTestId("sent-line").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId("draft-line").count()).toBe(0);
    await page.getByTestId("menu-search").fill("");
    await screenshot(page, "waiter-hub-order");
    await expectTouchTargets(page);

    // The counter holds it: the station answered with it, nothing reached the cloud.
    const open: StationOrder[] = (
      await ok(shop.station.url, "GET", "/api/orders?status=open", { token: cashierToken })
    ).orders;
    const atCounter = open.find((order) => order.tableId !== null);
    expect(atCounter?.lines.map((line) => [line.name, line.quantity])).toEqual([["Bạc xỉu", 1]]);
  });

  it("takes a size, a topping and a manager-approved discount through the station", async () => {
    await page.getByTestId("menu-search").fill("tra sua");
    await page.locator('[data-testid=menu-item][data-item="Trà sữa trân châu"]').click();
    const options = page.getByTestId("line-dialog").locator(".option-group");
    await options.getByRole("button", { name: /^L/ }).click();
    await options.getByRole("button", { name: /^Thạch/ }).click();
    await page.getByTestId("line-save").click();
    await page.getByTestId("send-draft").click();
    await expect.poll(() => page.getByTestId("sent-line").count(), { timeout: 10_000 }).toBe(2);

    await page.getByTestId("discount-button").click();
    await page.getByTestId("discount-dialog").getByTestId("discount-line").nth(1).click();
    await page.getByTestId("discount-percent-10").click();
    await page.getByRole("button", { name: "Khách quen" }).click();
    await page.getByTestId("manager-pin").fill("9999");
    await page.getByTestId("discount-confirm").click();
    await expect.poll(() => page.getByTestId("line-discount").count(), { timeout: 10_000 }).toBe(1);

    const open: StationOrder[] = (
      await ok(shop.station.url, "GET", "/api/orders?status=open", { token: cashierToken })
    ).orders;
    const tea = open.flatMap((order) => order.lines).find((line) => line.name === "Trà sữa trân châu");
    expect(tea?.options?.map((option) => option.name)).toEqual(["L", "Thạch"]);
    // 39.000 + 6.000 + 5.000 = 50.000 ₫, 10 % off.
    expect(tea?.discount).toMatchObject({ amount: 5_000, approvedBy: expect.any(String) });
  });
});
