/**
 * The station's printers on the cashier's screen, in real headless Chromium against real server
 * and station processes: a bar printer that is off shows a warning with its queue; tickets too
 * old by their turn wait in a list with "In" and "Bỏ qua".
 */

import { getRandomValues } from "node:crypto";
import { createServer } from "node:net";
import { uuidV7Generator } from "@quay/core";
import { OrderService, StationDb } from "@quay/station";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type FakePrinter,
  startFakePrinter,
} from "../../apps/station/src/printing/fake-printer.test-support.js";
import { catalogWithPrinters } from "../../apps/station/src/printing/printing-catalog.test-support.js";
import { login } from "../support/http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { expectTouchTargets } from "./admin-support.js";
import { describeWithBrowser, launchChromium, screenshot } from "./browser.js";

/** A loopback port nothing listens on: a printer that is off. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address !== "object") throw new Error("no port");
  return address.port;
}

/** Two cakes sold (two orders) half an hour ago straight into the stopped station's file: their tickets are old. */
function sellCakesHalfAnHourAgo(dataDir: string): void {
  const db = StationDb.open(dataDir);
  try {
    const clock = { now: () => Date.now() - 30 * 60_000 };
    const newId = uuidV7Generator(clock, (length) => getRandomValues(new Uint8Array(length)));
    const orders = new OrderService({ db, clock, newId, onOrderChanged: () => {} });
    const actor = {
      userId: db.credentials.findByUsername("thungan")?.userId ?? "",
      role: "cashier" as const,
    };
    const cakes = db.catalog()?.items.filter((item) => item.name.startsWith("Bánh")) ?? [];
    // One order each: two taps on one order within a moment would make one ticket.
    for (const cake of cakes.slice(0, 2)) {
      const order = orders.create(actor, null);
      orders.addLine(actor, order.id, { itemId: cake.id, quantity: 1 });
    }
  } finally {
    db.close();
  }
}

describeWithBrowser("the cashier's printer warnings", () => {
  const serverData = tempDir("e2e-print-server");
  const stationData = tempDir("e2e-print-station");
  let server: RunningProcess;
  let station: RunningProcess;
  let kitchen: FakePrinter;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    kitchen = await startFakePrinter();
    server = await startServer({ dataDir: serverData });
    const provisioning = await startStation({ serverUrl: server.url, dataDir: stationData });
    await login(provisioning.url, "thungan", "1234", "online");
    await provisioning.stop();
    // The printers go into the station's copy of the catalog; the server sends the catalog again
    // only when it changes, so it stays.
    const db = StationDb.open(stationData);
    try {
      const catalog = db.catalog();
      if (!catalog) throw new Error("the station holds no catalog");
      const cakes = catalog.categories.filter((category) => category.name === "Bánh").map((c) => c.id);
      const bar = `tcp://127.0.0.1:${await closedPort()}`;
      db.replaceCatalog(
        catalogWithPrinters(catalog, { bar, kitchen: kitchen.address }, { kitchenCategoryIds: cakes }),
      );
    } finally {
      db.close();
    }
    sellCakesHalfAnHourAgo(stationData);
    station = await startStation({ serverUrl: server.url, dataDir: stationData });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    await server?.stop();
    await kitchen?.stop();
    removeDir(serverData);
    removeDir(stationData);
  });

  it("warns of the bar printer that is off, and lets the cashier print or dismiss old tickets", async () => {
    await page.goto(station.url);
    await page.getByLabel("Tên đăng nhập").fill("thungan");
    await page.getByLabel("Mật khẩu").fill("1234");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("table-tile").first().waitFor();

    // Two drinks for the bar, whose printer is off: tapped one after the other, one ticket.
    await page.getByTestId("table-tile").first().click();
    await page.getByTestId("menu-search").fill("ca phe sua da");
    await page.getByTestId("menu-search").press("Enter");
    await page.getByTestId("menu-search").fill("tra dao");
    await page.getByTestId("menu-search").press("Enter");
    await expect
      .poll(() => page.getByTestId("printer-down").textContent(), { timeout: 10_000 })
      .toBe("Máy in Bar không phản hồi — 1 phiếu đang chờ");
    await expect.poll(() => page.getByTestId("held-tickets-button").textContent()).toBe("2 phiếu chờ in");
    await screenshot(page, "printer-warning");

    await page.getByTestId("held-tickets-button").click();
    const held = page.getByTestId("held-ticket");
    await expect.poll(() => held.count(), { timeout: 10_000 }).toBe(2);
    await screenshot(page, "held-tickets");
    await expectTouchTargets(page);
    await held.first().getByRole("button", { name: "In", exact: true }).click();
    await expect.poll(() => held.count(), { timeout: 10_000 }).toBe(1);
    const [printed] = await kitchen.waitForJobs(1);
    expect(printed?.text).toContain("1 x Bánh");
    await held.first().getByRole("button", { name: "Bỏ qua" }).click();
    await page.getByText("Không còn phiếu nào chờ.").waitFor();
    expect(kitchen.jobs).toHaveLength(1);
  }, 60_000);
});
