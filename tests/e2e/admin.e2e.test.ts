/**
 * The back office in real headless Chromium against real quay-server and quay-station processes
 * (issue 6): a price change reaches the counter; the report counts each sale on the local day it
 * was paid, sales synced later from offline stations included; the CSV and the Excel file hold the screen's numbers.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { lineOf, type SoldItem } from "@quay/core";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { login, ok, waitFor } from "../support/http.mjs";
import { type OrderView, QuayWorld, sell } from "../support/quay-world.js";
import {
  amountOf,
  expectTouchTargets,
  localDay,
  newDesktop,
  newPhone,
  parseCsv,
  signIn,
} from "./admin-support.js";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

/** An item as the catalog call answers it (JSON: the money is plain đồng). */
type CatalogItem = SoldItem;

/** A paid invoice as a station that was offline since yesterday evening pushes it today. */
function yesterdaysInvoice(
  stationId: string,
  storeId: string,
  userId: string,
  items: CatalogItem[],
  index: number,
) {
  const orderId = randomUUID();
  // 21:30 yesterday in Ho Chi Minh City (UTC+7): 14:30 UTC.
  const at = `${localDay(1)}T14:3${index}:00.000Z`;
  let seq = 0;
  const op = (kind: string, data: unknown) => ({
    id: randomUUID(),
    orderId,
    deviceId: stationId,
    deviceSeq: ++seq + index * 10,
    at,
    userId,
    kind,
    data,
  });
  const lines = items.slice(index, index + 2).map((item, line) => ({ item, quantity: line + 1 }));
  const total = lines.reduce((sum, { item, quantity }) => sum + item.price * quantity, 0);
  const ops = [
    op("open", {
      number: `CH01-Q2-${localDay(1).replaceAll("-", "")}-000${index + 1}`,
      tableId: null,
      storeId,
    }),
    ...lines.map(({ item, quantity }) => op("addLine", lineOf(item, randomUUID(), quantity))),
    op("addPayment", { paymentId: randomUUID(), method: "transfer", amount: total }),
    op("close", { total }),
  ];
  return { total, ops };
}

describeWithBrowser("the back office", () => {
  let world: QuayWorld;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const today = localDay(0);
  const yesterday = localDay(1);
  let todayRevenue = 0;
  let yesterdayRevenue = 0;

  beforeAll(async () => {
    world = await QuayWorld.start();
    browser = await launchChromium();
    desktop = await newDesktop(browser);
    page = await desktop.newPage();
  });

  screenshotOnFailure("admin-", () => page);

  afterAll(async () => {
    await desktop?.close();
    await browser?.close();
    await world?.stop();
  });

  it("keeps out staff who are not owners or managers", async () => {
    await signIn(page, `${world.server.url}/admin/`, "phucvu", "1234");
    expect(await page.getByRole("alert").textContent()).toBe(
      "Trang quản lý chỉ dành cho chủ quán và quản lý.",
    );
    await page.getByLabel("Tên đăng nhập").waitFor();
  });

  it("changes a price, and the station's next line uses it", async () => {
    await signIn(page, `${world.server.url}/admin/`, "quanly", "1234");
    await page.getByTestId("dashboard").waitFor();
    await page.getByRole("link", { name: "Thực đơn" }).click();
    const row = page.locator('[data-testid=catalog-item][data-item="Cà phê sữa đá"]');
    await row.getByTestId("item-edit").click();
    await page.getByTestId("item-price").fill("31000");
    await page.getByTestId("item-save").click();
    await page.getByTestId("item-dialog").waitFor({ state: "detached" });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/31\.000\s₫/);
    await screenshot(page, "admin-catalog");

    const stationItem = async () =>
      (
        (await ok(world.station.url, "GET", "/api/catalog", { token: world.stationToken }))
          .items as CatalogItem[]
      ).find((item) => item.name === "Cà phê sữa đá");
    await waitFor(async () => (await stationItem())?.price === 31_000, {
      timeoutMs: 10_000,
      what: "the new price at the station",
    });
    const item = await stationItem();
    const order = await ok(world.station.url, "POST", "/api/orders", { token: world.stationToken, body: {} });
    const withLine = await ok(world.station.url, "POST", `/api/orders/${order.id}/lines`, {
      token: world.stationToken,
      body: { itemId: item?.id, quantity: 2 },
    });
    expect(withLine.lines[0]).toMatchObject({ name: "Cà phê sữa đá", unitPrice: 31_000, amount: 62_000 });
    await ok(world.station.url, "POST", `/api/orders/${order.id}/payments`, {
      token: world.stationToken,
      body: { method: "cash", amount: 62_000 },
    });
    todayRevenue += 62_000;
  });

  it("reports each sale on the day it was paid, sales synced later from offline stations included", async () => {
    // Online, then offline: the counter keeps selling.
    const online = await sell(world, { lines: 2, pay: true, seed: 1 });
    await world.proxy.setMode("refuse");
    await world.waitForStatus((status) => status.mode === "offline", 10_000, "the station offline");
    const offline: OrderView[] = [
      await sell(world, { lines: 3, pay: true, seed: 4 }),
      await sell(world, { lines: 1, pay: true, seed: 9 }),
    ];
    todayRevenue += online.total + offline.reduce((sum, order) => sum + order.total, 0);

    // A second counter, offline since last night, pushes yesterday evening's invoices only now.
    const owner = await login(world.server.url, "admin", "admin123");
    const garden = await ok(world.server.url, "POST", "/api/sync/register", {
      token: owner,
      body: { protocolVersion: 1, storeCode: "CH01", name: "Quầy sân vườn" },
    });
    const catalog = await ok(world.server.url, "GET", "/api/catalog", { token: owner });
    const me = await ok(world.server.url, "GET", "/api/me", { token: owner });
    const late = [0, 1].map((index) =>
      yesterdaysInvoice(garden.stationId, catalog.store.id, me.user.id, catalog.items, index),
    );
    await ok(world.server.url, "POST", "/api/sync/push", {
      token: garden.deviceToken,
      body: {
        protocolVersion: 1,
        ops: late.flatMap((invoice) => invoice.ops),
        pending: { openOrders: 1, paidOrders: 5 },
      },
    });
    yesterdayRevenue = late.reduce((sum, invoice) => sum + invoice.total, 0);

    await world.proxy.setMode("pass");
    await world.syncToTheEnd();

    await page.getByRole("link", { name: "Báo cáo" }).click();
    // Days are typed dd/mm/yyyy, whatever the browser's locale.
    const typed = (day: string) => day.split("-").reverse().join("/");
    expect(await page.getByTestId("report-from").getAttribute("placeholder")).toBe("dd/mm/yyyy");
    await page.getByTestId("report-from").fill(typed(yesterday));
    await page.getByTestId("report-to").fill(typed(today));
    await page.getByTestId("report-show").click();
    await expect
      .poll(() => page.getByTestId("report-summary").getAttribute("data-from"), { timeout: 10_000 })
      .toBe(yesterday);
    await expect
      .poll(() => amountOf(page, "[data-testid=report-revenue]"), { timeout: 10_000 })
      .toBe(todayRevenue + yesterdayRevenue);
    expect(await page.getByTestId("report-orders").textContent()).toBe("6");
    const rows = page.getByTestId("report-row");
    await expect.poll(() => rows.count()).toBe(2);
    const dayRow = (index: number) => rows.nth(index).locator("td");
    expect(await dayRow(0).nth(0).textContent()).toBe(yesterday.split("-").reverse().join("/"));
    expect(Number(await dayRow(0).nth(2).locator(".money").getAttribute("data-amount"))).toBe(
      yesterdayRevenue,
    );
    expect(await dayRow(1).nth(0).textContent()).toBe(today.split("-").reverse().join("/"));
    expect(Number(await dayRow(1).nth(2).locator(".money").getAttribute("data-amount"))).toBe(todayRevenue);
    await screenshot(page, "admin-report");

    // The CSV holds the same table: its total is the screen's total, to the đồng.
    const csv = await exportCsv();
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]).toEqual(["Ngày", "Số hóa đơn", "Doanh thu", "Tỷ trọng"]);
    const screenTotal = await amountOf(page, "[data-testid=report-total] .money");
    expect(screenTotal).toBe(todayRevenue + yesterdayRevenue);
    expect(csv.rows.at(-1)).toEqual(["Tổng cộng", "6", String(screenTotal), "100.0%"]);
    expect(csv.rows.slice(1, -1).map((row) => Number(row[2]))).toEqual([yesterdayRevenue, todayRevenue]);

    // The Excel file holds the same table with numbers as numbers (a CSV opens in one column
    // under Vietnamese regional settings).
    const sheet = await exportXlsx();
    expect(sheet[0]).toEqual(["Ngày", "Số hóa đơn", "Doanh thu", "Tỷ trọng"]);
    expect(sheet.at(-1)).toEqual(["Tổng cộng", 6, screenTotal, 1]);
    expect(sheet.slice(1, -1).map((row) => row[2])).toEqual([yesterdayRevenue, todayRevenue]);

    // By item too, where the total is the sum of the lines.
    await page.getByTestId("view-item").click();
    await page.locator("[data-testid=report-total]").waitFor();
    const itemCsv = await exportCsv();
    const itemTotal = await amountOf(page, "[data-testid=report-total] .money");
    expect(Number(itemCsv.rows.at(-1)?.[2])).toBe(itemTotal);
    expect(itemCsv.rows.length - 2).toBe(await rows.count());
    await page.getByTestId("view-day").click();
  });

  it("shows today's dashboard and each station's contact and unsynced work", async () => {
    await page.getByRole("link", { name: "Tổng quan" }).click();
    await expect
      .poll(() => amountOf(page, "[data-testid=dashboard-revenue]"), { timeout: 10_000 })
      .toBe(todayRevenue);
    expect(await page.getByTestId("dashboard-orders").textContent()).toBe("4");
    await page.getByTestId("hour-chart").waitFor();
    await page.getByTestId("top-items").waitFor();
    await screenshot(page, "admin-dashboard");

    await page.getByRole("link", { name: "Máy bán hàng" }).click();
    const counter = page.locator("[data-testid=station-row][data-code=Q1]");
    await counter.waitFor();
    expect(await counter.getAttribute("data-online")).toBe("true");
    await expect.poll(() => counter.getAttribute("data-pending"), { timeout: 10_000 }).toBe("0");
    // The garden counter reported 1 open and 5 paid unsynced, 2 of them in that very push.
    const garden = page.locator("[data-testid=station-row][data-code=Q2]");
    expect(await garden.getAttribute("data-pending")).toBe("4");
    expect(await garden.textContent()).toContain("1 đơn mở · 3 hóa đơn");
    await screenshot(page, "admin-stations");
  });

  it("adds a waiter with a PIN, who can then log in", async () => {
    await page.getByRole("link", { name: "Nhân viên" }).click();
    await page.getByTestId("user-add").click();
    await page.getByTestId("user-username").fill("phucvu2");
    await page.getByTestId("user-name").fill("Võ Thị Hạnh");
    await page.getByTestId("user-role").selectOption("waiter");
    await page.getByTestId("user-password").fill("5678");
    await page.getByTestId("user-pin").fill("2468");
    await page.getByTestId("user-save").click();
    const row = page.locator("[data-testid=user-row][data-username=phucvu2]");
    await row.waitFor();
    expect(await row.textContent()).toContain("Phục vụ");
    expect(await row.textContent()).toContain("Có PIN");
    await screenshot(page, "admin-users");
    expect(await login(world.server.url, "phucvu2", "5678")).toBeTruthy();
  });

  it("fits a phone: one column, a menu button, fingers-sized targets", async () => {
    const phone = await newPhone(browser);
    const small = await phone.newPage();
    await signIn(small, `${world.server.url}/admin/`, "quanly", "1234");
    await small.getByTestId("dashboard").waitFor();
    await small.getByTestId("hour-chart").waitFor();
    await expectTouchTargets(small);
    await screenshot(small, "admin-dashboard-phone");
    await small.getByRole("button", { name: /Danh mục/ }).click();
    await small.getByRole("link", { name: "Báo cáo" }).click();
    await small.getByTestId("report-summary").waitFor();
    // English, one tap away (and remembered on this browser).
    await small.getByRole("button", { name: "English" }).click();
    await small.getByRole("heading", { name: "Sales reports" }).waitFor();
    await small.reload();
    await small.getByRole("heading", { name: "Sales reports" }).waitFor();
    await phone.close();
  });

  async function exportXlsx(): Promise<unknown[][]> {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-\w+-[\d-]+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rows = workbook.worksheets[0]?.getSheetValues() ?? [];
    return rows.slice(1).map((row) => (row as unknown[]).slice(1));
  }

  async function exportCsv() {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-\w+-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    return parseCsv(await readFile(path, "utf8"));
  }
});
