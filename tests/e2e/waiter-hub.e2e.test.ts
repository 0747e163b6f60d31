/**
 * The waiter's phone app served by a station (the shop's hub) in real headless Chromium, with the
 * internet cut: the same app as on the cloud, with no setting changed, logs in against the
 * station's cached credentials, says it works through the shop's network, and shows items sent
 * only once the station holds them.
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
  readonly lines: { name: string; quantity: number }[];
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
});
