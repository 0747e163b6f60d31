/**
 * The cashier's shift in real headless Chromium against real quay-server and quay-station
 * processes: open a shift with the opening cash, sell, take cash out, close it with the drawer
 * counted note by note, and check the report's figures against the orders; then the same shift on
 * the server after the sync.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { login, ok, waitFor } from "../support/http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

describeWithBrowser("the cashier's shift", () => {
  const serverData = tempDir("e2e-shift-server");
  const stationData = tempDir("e2e-shift-station");
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
  screenshotOnFailure("shift", () => page);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await station?.stop();
    await server?.stop();
    removeDir(serverData);
    removeDir(stationData);
  });

  it("opens a shift, sells, takes cash out and closes with a count whose figures match the orders", async () => {
    await page.goto(station.url);
    await page.getByLabel("Tên đăng nhập").fill("thungan");
    await page.getByLabel("Mật khẩu").fill("1234");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("shift-open").click();
    await page.getByTestId("opening-cash").fill("500000");
    await page.getByTestId("open-shift-dialog").getByRole("button", { name: "Mở ca" }).click();
    await page.getByTestId("shift-figures").waitFor();

    // Two bills at this counter (through its API, as the cashier): one in cash with change, one by transfer.
    const token = await login(station.url, "thungan", "1234", "online");
    const { items } = await ok(station.url, "GET", "/api/catalog", { token });
    const bills: { total: number; method: string }[] = [];
    for (const [index, method] of ["cash", "transfer"].entries()) {
      const order = await ok(station.url, "POST", "/api/orders", { token, body: {} });
      const withLine = await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
        token,
        body: { itemId: items[index].id, quantity: 2 },
      });
      const tendered = method === "cash" ? Math.ceil(withLine.total / 100_000) * 100_000 : withLine.total;
      const paid = await ok(station.url, "POST", `/api/orders/${order.id}/payments`, {
        token,
        body: { method, amount: tendered },
      });
      expect(paid.status).toBe("paid");
      bills.push({ total: paid.total, method });
    }
    const cashSales = bills
      .filter((bill) => bill.method === "cash")
      .reduce((sum, bill) => sum + bill.total, 0);
    const revenue = bills.reduce((sum, bill) => sum + bill.total, 0);

    await page.getByTestId("shift-cash").click();
    await page.getByTestId("cash-amount").fill("100000");
    await page.getByRole("button", { name: "Nộp ngân hàng" }).click();
    await page.getByTestId("cash-dialog").getByRole("button", { name: "Ghi nhận" }).click();
    await page.getByTestId("cash-dialog").waitFor({ state: "detached" });

    const expected = 500_000 + cashSales - 100_000;
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
    expect(await amount("report-cash-out")).toBe("100000");
    expect(await amount("report-expected")).toBe(String(expected));
    expect(await amount("report-counted")).toBe(String(expected - 1_000));
    expect(await amount("report-difference")).toBe("-1000");
    expect(await amount("report-revenue")).toBe(String(revenue));
    expect(await report.getByTestId("report-orders").textContent()).toBe("2");
    await screenshot(page, "shift-report");

    // The same shift on the server once it synced, with the same figures.
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
      revenue,
      orders: 2,
      expectedCash: expected,
      difference: -1_000,
    });
  }, 60_000);
});
