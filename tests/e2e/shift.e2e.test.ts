/**
 * The cashier's shift in real headless Chromium against real quay-server and quay-station
 * processes, the shop's internet a proxy the test cuts (issue 12, "Done means"): open a shift
 * with the opening cash, sell online and offline, void a line and refund a bill with the
 * manager's PIN, take cash out, close it with the drawer counted note by note, and check every
 * figure of the report against the orders; then the same shift on the server after the sync.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type CounterBehindInternet,
  startCounterBehindInternet,
} from "../support/counter-behind-internet.js";
import { login, ok, waitFor } from "../support/http.mjs";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

describeWithBrowser("the cashier's shift", () => {
  let counter: CounterBehindInternet;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    counter = await startCounterBehindInternet("e2e-shift");
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    page = await context.newPage();
  });
  screenshotOnFailure("shift", () => page);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await counter?.stop();
  });

  it("opens a shift, sells online and offline, refunds, closes with a count whose figures match the orders", async () => {
    const { station, server, internet } = counter;
    await page.goto(station.url);
    await page.getByLabel("Tên đăng nhập").fill("thungan");
    await page.getByLabel("Mật khẩu").fill("1234");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("shift-open").click();
    await page.getByTestId("opening-cash").fill("500000");
    await page.getByTestId("open-shift-dialog").getByRole("button", { name: "Mở ca" }).click();
    await page.getByTestId("shift-figures").waitFor();

    // Bills at this counter (through its API, as the cashier): one in cash with change online, one
    // by transfer once the internet is cut, with a second line voided on the manager's PIN.
    const token = await login(station.url, "thungan", "1234", "online");
    const { items } = await ok(station.url, "GET", "/api/catalog", { token });
    const sell = async (method: string, itemIndex: number, voidExtra: boolean) => {
      const order = await ok(station.url, "POST", "/api/orders", { token, body: {} });
      let withLines = await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
        token,
        body: { itemId: items[itemIndex].id, quantity: 2 },
      });
      if (voidExtra) {
        const extra = await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
          token,
          body: { itemId: items[2].id, quantity: 1 },
        });
        const lineId = extra.lines.find((line: { itemId: string }) => line.itemId === items[2].id).id;
        withLines = await ok(station.url, "POST", `/api/orders/${order.id}/lines/${lineId}/void`, {
          token,
          body: { reason: "khách đổi món", managerPin: "9999" },
        });
      }
      const tendered = method === "cash" ? Math.ceil(withLines.total / 100_000) * 100_000 : withLines.total;
      const paid = await ok(station.url, "POST", `/api/orders/${order.id}/payments`, {
        token,
        body: { method, amount: tendered },
      });
      expect(paid.status).toBe("paid");
      return paid;
    };
    const online = await sell("cash", 0, false);
    await internet.setMode("refuse");
    await page.getByTestId("offline-banner").waitFor({ timeout: 10_000 });
    const offline = await sell("transfer", 1, true);
    const voidedAmount = items[2].price;
    // 10.000 ₫ of the cash bill given back in cash, on the manager's PIN.
    await ok(station.url, "POST", `/api/orders/${online.id}/refunds`, {
      token,
      body: { amount: 10_000, method: "cash", reason: "khách trả lại", managerPin: "9999" },
    });
    const cashSales = online.total;
    const revenue = online.total + offline.total;

    // The day at the counter, offline: from its own file, saying what may be missing.
    await page.getByTestId("day-open").click();
    const today = page.getByTestId("day-dialog");
    const dayAmount = (testId: string) =>
      today.getByTestId(testId).locator(".money").getAttribute("data-amount");
    await expect.poll(() => dayAmount("day-refunds")).toBe("10000");
    expect(await dayAmount("day-sales")).toBe(String(revenue));
    expect(await dayAmount("day-revenue")).toBe(String(revenue - 10_000));
    expect(await dayAmount("day-method-transfer")).toBe(String(offline.total));
    expect(await today.getByTestId("day-note").textContent()).toContain("Đang offline");
    await screenshot(page, "day-figures");
    await today.getByRole("button", { name: "Đóng" }).click();

    await page.getByTestId("shift-cash").click();
    await page.getByTestId("cash-amount").fill("100000");
    await page.getByRole("button", { name: "Nộp ngân hàng" }).click();
    await page.getByTestId("cash-dialog").getByRole("button", { name: "Ghi nhận" }).click();
    await page.getByTestId("cash-dialog").waitFor({ state: "detached" });

    const expected = 500_000 + cashSales - 10_000 - 100_000;
    await page.getByTestId("shift-close").click();
    const dialog = page.getByTestId("close-shift-dialog");
    await expect
      .poll(() => dialog.getByTestId("close-expected").locator(".money").getAttribute("data-amount"))
      .toBe(String(expected));
    // Count 4 × 100.000 and one 1.000 short of the rest in 1.000 notes: a difference of −1.000.
    for (let note = 0; note < 4; note++)
      await dialog.getByRole("button", { name: "Thêm một tờ 100.000" }).click();
    await dialog.getByLabel("Số tờ 1.000").fill(String((expected - 400_000 - 1_000) / 1_000));
    await expect
      .poll(() => dialog.getByTestId("close-difference").locator(".money").getAttribute("data-amount"))
      .toBe("-1000");
    await screenshot(page, "shift-close");
    await dialog.getByRole("button", { name: "Kết ca" }).click();

    const report = page.getByTestId("shift-report");
    const amount = (testId: string) =>
      report.getByTestId(testId).locator(".money").getAttribute("data-amount");
    expect(await amount("report-opening")).toBe("500000");
    expect(await amount("report-cash-sales")).toBe(String(cashSales));
    expect(await amount("report-cash-refunds")).toBe("10000");
    expect(await amount("report-cash-out")).toBe("100000");
    expect(await amount("report-expected")).toBe(String(expected));
    expect(await amount("report-counted")).toBe(String(expected - 1_000));
    expect(await amount("report-difference")).toBe("-1000");
    expect(await amount("report-revenue")).toBe(String(revenue));
    expect(await report.getByTestId("report-orders").textContent()).toBe("2");
    expect(await amount("report-method-cash")).toBe(String(cashSales));
    expect(await amount("report-method-transfer")).toBe(String(offline.total));
    const byCategory = await report.getByTestId("report-by-category").locator(".money").all();
    const categorySum = (
      await Promise.all(byCategory.map(async (money) => Number(await money.getAttribute("data-amount"))))
    ).reduce((sum, value) => sum + value, 0);
    expect(categorySum).toBe(revenue);
    const controls = report.getByTestId("report-controls").locator("li");
    expect(await controls.count()).toBe(2);
    expect(await controls.nth(0).textContent()).toContain("Hủy món");
    expect(await controls.nth(0).textContent()).toContain("Trần Thị Lan");
    expect(await controls.nth(0).locator(".money").getAttribute("data-amount")).toBe(String(voidedAmount));
    expect(await controls.nth(1).textContent()).toContain("Hoàn tiền");
    await screenshot(page, "shift-report");

    // The internet back: the cashier syncs; the same shift on the server, with the same figures.
    await internet.setMode("pass");
    await page.getByTestId("sync-offer").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Có" }).click();
    await page.getByTestId("sync-success").waitFor({ timeout: 30_000 });
    const admin = await login(server.url, "admin", "admin123");
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const onServer = await waitFor(
      async () => {
        const { shifts } = await ok(server.url, "GET", `/api/shifts?from=${day(-1)}&to=${day(1)}`, {
          token: admin,
        });
        return shifts.length > 0 ? shifts : null;
      },
      { timeoutMs: 10_000, everyMs: 100, what: "the shift on the server" },
    );
    expect(onServer).toHaveLength(1);
    expect(onServer[0]).toMatchObject({
      cashSales,
      cashRefunds: 10_000,
      revenue,
      orders: 2,
      expectedCash: expected,
      difference: -1_000,
    });
  }, 60_000);
});
