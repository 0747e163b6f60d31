/**
 * The kitchen and bar screen a station serves at `/kitchen/`, in real headless Chromium, with the
 * internet cut (the shop's LAN alone): a waiter's phone sends an order through the station, the
 * bar's tablet shows it, a tap on "Xong" marks it made, and the phone shows "Đã xong".
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type CounterBehindInternet,
  startCounterBehindInternet,
} from "../support/counter-behind-internet.js";
import { login, ok, waitFor } from "../support/http.mjs";
import { expectTouchTargets, newPhone, signIn } from "./admin-support.js";
import {
  describeWithBrowser,
  docScreenshot,
  launchChromium,
  screenshot,
  screenshotOnFailure,
} from "./browser.js";

interface Catalog {
  readonly categories: { id: string; name: string }[];
  readonly items: { id: string; name: string }[];
  readonly tables: { id: string; name: string }[];
}

/** A generous bound for the phone's order to reach the screen; the delay itself is logged, not asserted. */
const APPEARS_WITHIN_MS = 15_000;

describeWithBrowser("the kitchen and bar screen", () => {
  let shop: CounterBehindInternet;
  let browser: Browser;
  let tablet: BrowserContext;
  let phone: BrowserContext;
  let screen: Page;
  let waiter: Page;
  let cashierToken = "";
  let catalog: Catalog;

  const idOf = (list: readonly { id: string; name: string }[], name: string) => {
    const found = list.find((entry) => entry.name === name);
    if (!found) throw new Error(`no ${name} in the demo catalog`);
    return found.id;
  };
  /** An order taken at the counter: what the bar is already making when the phone's comes in. */
  const counterOrder = async (table: string | null, lines: [string, number, string?][]) => {
    const tableId = table === null ? null : idOf(catalog.tables, table);
    const order = await ok(shop.station.url, "POST", "/api/orders", {
      token: cashierToken,
      body: { tableId },
    });
    for (const [item, quantity, note] of lines) {
      const body = { itemId: idOf(catalog.items, item), quantity, ...(note ? { note } : {}) };
      await ok(shop.station.url, "POST", `/api/orders/${order.id}/lines`, { token: cashierToken, body });
    }
  };

  beforeAll(async () => {
    shop = await startCounterBehindInternet("e2e-kitchen");
    cashierToken = await login(shop.station.url, "thungan", "1234", "online");
    catalog = await ok(shop.station.url, "GET", "/api/catalog", { token: cashierToken });
    await shop.internet.setMode("refuse");
    await waitFor(async () => (await ok(shop.station.url, "GET", "/api/status")).mode === "offline", {
      timeoutMs: 5_000,
      what: "the station offline",
    });
    browser = await launchChromium();
    tablet = await browser.newContext({
      viewport: { width: 1180, height: 820 },
      hasTouch: true,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    phone = await newPhone(browser);
    screen = await tablet.newPage();
    waiter = await phone.newPage();
  });

  screenshotOnFailure("kitchen-", () => screen);

  afterAll(async () => {
    await tablet?.close();
    await phone?.close();
    await browser?.close();
    await shop?.stop();
  });

  it("shows the bar's categories only, a phone's order as it arrives, and the phone sees 'Đã xong'", async () => {
    await counterOrder("Bàn 2", [
      ["Cà phê sữa đá", 2, "ít đá"],
      ["Bánh mì thịt", 1],
    ]);
    await counterOrder(null, [["Trà đào cam sả", 1]]);

    // The bar's tablet: signed in by a waiter, "Cà phê" and "Trà" chosen (remembered on the device).
    await signIn(screen, `${shop.station.url}/kitchen/`, "phucvu", "1234");
    await screen.getByTestId("kitchen-grid").waitFor();
    await screen.getByRole("button", { name: "Cà phê", exact: true }).click();
    await screen.getByRole("button", { name: "Trà", exact: true }).click();
    const cards = screen.getByTestId("kitchen-card");
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);
    expect(await cards.nth(0).textContent()).toContain("Bàn 2");
    expect(await cards.nth(0).textContent()).not.toContain("Bánh mì"); // the kitchen's, not the bar's
    expect(await cards.nth(1).getAttribute("aria-label")).toBe("Mang về");
    expect(await screen.getByTestId("internet-down").isVisible()).toBe(true);
    await screen.reload();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);
    expect(await screen.getByRole("button", { name: "Trà", exact: true }).getAttribute("aria-pressed")).toBe(
      "true",
    );

    // The waiter's phone, through the station: Bàn 4, one Bạc xỉu.
    await signIn(waiter, `${shop.station.url}/m/`, "phucvu", "1234");
    await waiter.locator('[data-testid=table-tile][data-table="Bàn 4"]').click();
    await waiter.getByTestId("order-title").waitFor();
    await waiter.getByTestId("menu-search").fill("bac xiu");
    await waiter.locator('[data-testid=menu-item][data-item="Bạc xỉu"]').click();
    const sentAt = Date.now();
    await waiter.getByTestId("send-draft").click();
    const phoneCard = screen.locator("[data-testid=kitchen-card][aria-label='Bàn 4']");
    await phoneCard.waitFor({ timeout: APPEARS_WITHIN_MS });
    const delayMs = Date.now() - sentAt;
    process.stdout.write(`kitchen screen: the phone's order appeared ${delayMs} ms after "Gửi"\n`);
    expect(await cards.count()).toBe(3);
    expect(await cards.nth(2).getAttribute("aria-label")).toBe("Bàn 4"); // the newest waits least: last
    expect(await phoneCard.getByTestId("kitchen-line").textContent()).toContain("Bạc xỉu");
    expect(await phoneCard.textContent()).toMatch(/Gửi: \p{L}/u); // the waiter's name

    await docScreenshot(screen, "kitchen-screen");
    await expectTouchTargets(screen);

    // "Xong": the card leaves the screen, and the phone shows the line made.
    await phoneCard.getByTestId("kitchen-done").click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);
    const sent = waiter.locator('[data-testid=sent-line][data-item="Bạc xỉu"]');
    await expect.poll(() => sent.getAttribute("data-ready"), { timeout: 10_000 }).toBe("true");
    expect(await waiter.getByTestId("ready-badge").textContent()).toBe("Đã xong");
    await screenshot(waiter, "waiter-ready");

    // One line tapped on the counter's card: the rest of it stays.
    const counterCard = cards.nth(0);
    await counterCard.getByTestId("kitchen-line").first().click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(1);
    expect(await cards.nth(0).getAttribute("aria-label")).toBe("Mang về");
  });

  it("sends the kitchen's marks to the cloud once the internet is back, like every other change", async () => {
    await shop.internet.setMode("pass");
    await waitFor(async () => (await ok(shop.station.url, "GET", "/api/status")).sync.state === "offered", {
      timeoutMs: 10_000,
      what: "the sync offer",
    });
    await ok(shop.station.url, "POST", "/api/sync", { token: cashierToken });
    await waitFor(async () => (await ok(shop.station.url, "GET", "/api/status")).mode === "online", {
      timeoutMs: 20_000,
      what: "the station synced",
    });
    const owner = await login(shop.server.url, "admin", "admin123");
    type CloudOrder = { tableId: string | null; lines: { name: string; readyAt?: string | null }[] };
    const atCloud: CloudOrder[] = (
      await ok(shop.server.url, "GET", "/api/orders?status=open", { token: owner })
    ).orders;
    const table4 = idOf(catalog.tables, "Bàn 4");
    const phoneOrder = atCloud.find((order) => order.tableId === table4);
    expect(phoneOrder?.lines.map((line) => [line.name, typeof line.readyAt])).toEqual([
      ["Bạc xỉu", "string"],
    ]);
  });
});
