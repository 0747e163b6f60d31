/**
 * The order screen's layout as a cashier meets it on a busy table (issue 13, item 7): the newest
 * line scrolled into view past five lines, and a short search result leaving the order panel as
 * it was, with real quay-server and quay-station processes and headless Chromium.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { describeWithBrowser, launchChromium, screenshotOnFailure } from "./browser.js";

describeWithBrowser("the counter's order screen", () => {
  const serverData = tempDir("e2e-layout-server");
  const stationData = tempDir("e2e-layout-station");
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
  screenshotOnFailure("layout", () => page);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await station?.stop();
    await server?.stop();
    removeDir(serverData);
    removeDir(stationData);
  });

  it("keeps the newest line in view, and the order panel's size whatever the menu shows", async () => {
    await page.goto(station.url);
    await page.getByLabel("Tên đăng nhập").fill("thungan");
    await page.getByLabel("Mật khẩu").fill("1234");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("table-tile").first().click();
    const tiles = page.getByTestId("menu-item");
    await tiles.first().waitFor();
    const lines = page.getByTestId("order-line");
    // Past five or so lines the list scrolls: each new line is brought into view as it comes.
    for (let added = 1; added <= 9; added++) {
      await tiles.nth(added - 1).click();
      await expect.poll(() => lines.count()).toBe(added);
      await expect.poll(() => inView(lines.last())).toBe(true);
    }
    expect(await page.evaluate('document.querySelector(".order-lines").scrollTop')).toBeGreaterThan(0);
    // ↑ selects the last line, then walks up the list to the first, the selection kept in view.
    for (let step = 0; step < 9; step++) await page.keyboard.press("ArrowUp");
    await expect.poll(() => inView(lines.first())).toBe(true);

    const panel = page.getByTestId("order-panel");
    const full = await panel.boundingBox();
    for (const query of ["bac xiu", "zzz"]) {
      await page.getByTestId("menu-search").fill(query);
      await expect.poll(() => tiles.count()).toBeLessThan(3);
      expect(await panel.boundingBox()).toEqual(full);
    }
  }, 60_000);
});

/** Whether the line lies wholly inside the visible part of its scrolled list. */
async function inView(line: Locator): Promise<boolean> {
  const box = await line.boundingBox();
  const list = await line.page().locator(".order-lines").boundingBox();
  if (box === null || list === null) return false;
  return box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1;
}
