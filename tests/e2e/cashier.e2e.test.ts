/**
 * The cashier app in real headless Chromium, against real quay-server and quay-station processes
 * (issue 5, "Done means"): sell online; lose the server and keep selling; get it back and sync.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, login, ok, waitFor } from "../support/http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.mjs";
import { expectTouchTargets } from "./admin-support.js";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

interface ServerOrder {
  readonly number: string;
  readonly status: string;
  readonly total: number;
}

/** Paid orders made offline through the API on top of the two sold in the browser. */
const BACKLOG = 120;

/** Records every text the sync progress label shows (run in the page). */
const RECORD_SYNC_LABELS = `(() => {
  window.__syncLabels = [];
  new MutationObserver(() => {
    const text = document.querySelector("[data-testid=sync-progress-label]")?.textContent;
    if (text && window.__syncLabels.at(-1) !== text) window.__syncLabels.push(text);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

describeWithBrowser("the cashier app, online and offline", () => {
  const serverData = tempDir("e2e-server");
  const stationData = tempDir("e2e-station");
  let server: RunningProcess;
  let station: RunningProcess;
  /** Between the station and the server, so a restarted server (on a new port) is reached again. */
  let link: TcpProxy;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const receiptNumbers: string[] = [];
  let openTableNumber = "";

  const serverOrders = async (status: "open" | "paid"): Promise<ServerOrder[]> => {
    const { token } = await ok(server.url, "POST", "/api/login", {
      body: { username: "admin", password: "admin123" },
    });
    const body = await ok(server.url, "GET", `/api/orders?status=${status}`, { token });
    return body.orders as ServerOrder[];
  };

  const addByClick = (name: string) => page.locator(`[data-testid=menu-item][data-item="${name}"]`).click();
  /** The names of the first menu tiles shown. */
  const firstItems = async (count: number) => {
    const tiles = page.getByTestId("menu-item");
    await tiles.first().waitFor();
    const shown = Math.min(count, await tiles.count());
    const names: string[] = [];
    for (let index = 0; index < shown; index += 1)
      names.push((await tiles.nth(index).getAttribute("data-item")) ?? "");
    return names;
  };
  const receiptNumber = async () => (await page.getByTestId("receipt-number").first().textContent()) ?? "";

  beforeAll(async () => {
    server = await startServer({ dataDir: serverData });
    link = await startTcpProxy({ targetPort: server.port });
    station = await startStation({ serverUrl: link.url, dataDir: stationData });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    page = await context.newPage();
  });

  screenshotOnFailure("", () => page);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await station?.stop();
    await server?.stop();
    await link?.close();
    removeDir(serverData);
    removeDir(stationData);
  });

  it("logs in online, sells at a table and takes a split payment", async () => {
    await page.goto(station.url);
    await page.getByLabel("Tên đăng nhập").waitFor();
    await screenshot(page, "login");
    await page.getByLabel("Tên đăng nhập").fill("thungan");
    await page.getByLabel("Mật khẩu").fill("1234");
    expect(await page.getByLabel("Online").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("table-tile").first().waitFor();
    await expect
      .poll(() => page.getByTestId("connection-mode").textContent(), { timeout: 10_000 })
      .toBe("Online");

    const tables = page.getByTestId("table-tile");
    await tables.nth(0).click();
    // The search ignores diacritics: "ca phe sua" finds "Cà phê sữa …"; Enter adds the first hit.
    await page.getByTestId("menu-search").fill("ca phe sua");
    const hits = await firstItems(10);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.normalize("NFC")).toMatch(/^Cà phê sữa/);
    await page.getByTestId("menu-search").press("Enter");
    await page.getByRole("button", { name: "Ít đá" }).click();
    await addByClick(hits[0] ?? "");
    await page.getByTestId("menu-search").fill("");
    const [, second] = await firstItems(2);
    await addByClick(second ?? "");
    await page.getByRole("button", { name: `Thêm một ${second}` }).click();
    await expect.poll(() => page.getByTestId("order-line").count(), { timeout: 10_000 }).toBe(3);
    await expect
      .poll(() =>
        page.locator(`[data-testid=order-line][data-item="${second}"]`).getAttribute("data-quantity"),
      )
      .toBe("2");
    await expect
      .poll(() => page.locator(".line-note").first().textContent(), { timeout: 10_000 })
      .toBe("Ít đá");
    await screenshot(page, "order");
    await expectTouchTargets(page);

    // Another table takes its order and stays open; the map shows both, with totals and time.
    await page.keyboard.press("Escape");
    await page.locator('[data-testid=table-tile][data-table="Bàn 5"]').click();
    await page.getByTestId("menu-search").fill("tra dao");
    await page.getByTestId("menu-search").press("Enter");
    await page.getByTestId("menu-search").fill("banh flan");
    await page.getByTestId("menu-search").press("Enter");
    await page.getByTestId("menu-search").fill("bia");
    await page.getByTestId("menu-search").press("Enter");
    await expect.poll(() => page.getByTestId("order-line").count(), { timeout: 10_000 }).toBe(3);
    // The beer was a mistake: voiding it takes a reason and, for a cashier, a manager's PIN.
    await page.getByRole("button", { name: /^Hủy món Bia/ }).click();
    await page.getByRole("button", { name: "Nhập nhầm" }).click();
    await page.getByTestId("manager-pin").fill("0000");
    await page.getByRole("button", { name: "Xác nhận hủy" }).click();
    await page.getByText("Mã PIN quản lý không đúng.").waitFor();
    await page.getByTestId("manager-pin").fill("1234");
    await page.getByRole("button", { name: "Xác nhận hủy" }).click();
    await expect.poll(() => page.getByTestId("order-line").count(), { timeout: 10_000 }).toBe(2);
    await page.getByTestId("void-dialog").waitFor({ state: "detached" });
    // And the guests move to Bàn 6.
    await page.keyboard.press("F6");
    await page.getByTestId("move-dialog").getByRole("button", { name: "Bàn 6", exact: true }).click();
    await expect.poll(() => page.getByTestId("order-title").textContent(), { timeout: 10_000 }).toBe("Bàn 6");
    await page.getByTestId("move-dialog").waitFor({ state: "detached" });
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.locator("[data-testid=table-tile][data-state=occupied]").count(), { timeout: 10_000 })
      .toBe(2);
    await screenshot(page, "table-map");
    await expectTouchTargets(page);

    await tables.nth(0).click();
    await page.getByTestId("order-line").first().waitFor();
    await page.keyboard.press("F9");
    await page.getByTestId("payment-dialog").waitFor();
    await page.getByTestId("method-transfer").click();
    await page.getByTestId("vietqr").waitFor();
    // The VietQR carries the exact amount due (EMVCo tag 54) and is unconfirmed until the cashier says so.
    const payload = (await page.locator(".qr-code").getAttribute("data-payload")) ?? "";
    expect(payload).toContain("54061080005802VN");
    expect(await page.getByTestId("transfer-unconfirmed").textContent()).toBe("Chưa xác nhận");
    await screenshot(page, "payment-vietqr");

    // Split: 20.000 ₫ by card, chosen from the keyboard (Alt+3 leaves the focus on the card's
    // amount, so Enter confirms), the rest in cash with a 200.000 ₫ note.
    await page.keyboard.press("Alt+3");
    await expect.poll(() => page.evaluate("document.activeElement?.dataset.testid")).toBe("card-amount");
    await page.getByTestId("card-amount").fill("20000");
    await page.keyboard.press("Enter");
    await page.locator(".payments-so-far li").first().waitFor();
    await page.getByTestId("method-cash").click();
    await page.getByTestId("quick-200000").click();
    await page.getByTestId("confirm-cash").click();
    await page.getByTestId("receipt-dialog").waitFor();
    const receipt = (await page.getByTestId("receipt-dialog").textContent()) ?? "";
    for (const text of [
      "HÓA ĐƠN BÁN HÀNG",
      "Thẻ",
      "Tiền mặt",
      "Tiền thối lại",
      "Cảm ơn quý khách",
      "MST: 0312345678",
      "Wi-Fi: QuanCaPheDemo",
    ]) {
      expect(receipt).toContain(text);
    }
    receiptNumbers.push(await receiptNumber());
    await screenshot(page, "receipt");
    // On paper only the receipt prints, at 80 mm.
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "receipt-print");
    await page.emulateMedia({ media: "screen" });
    await page.getByTestId("receipt-done").click();
    await page.getByTestId("table-tile").first().waitFor();

    // Online, the paid order reaches the server within a second or so.
    await waitFor(
      async () => (await serverOrders("paid")).some((order) => order.number === receiptNumbers[0]),
      {
        what: "the online sale on the server",
      },
    );
  });

  it("shows the offline banner by itself once the server stops", async () => {
    await server.stop();
    // Within 3 s (bench/station-sync.mjs times the station's side): not asserted on a shared machine.
    await page.getByTestId("offline-banner").waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.getByTestId("connection-mode").textContent(), { timeout: 10_000 })
      .toBe("Offline");
    await screenshot(page, "offline-banner");
  });

  it("sells two orders offline and leaves one table open", async () => {
    // A take-away order, paid in cash (the exact amount), from the keyboard alone.
    await page.keyboard.press("F2");
    await page.keyboard.press("F3");
    await page.keyboard.type("cpsd");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByTestId("order-line").first().getAttribute("data-item"), { timeout: 10_000 })
      .toBe("Cà phê sữa đá");
    await page.keyboard.press("F9");
    await page.getByTestId("payment-dialog").waitFor();
    await page.keyboard.press("Enter");
    await page.getByTestId("receipt-dialog").waitFor();
    receiptNumbers.push(await receiptNumber());
    await page.keyboard.press("Enter");
    await page.getByTestId("receipt-dialog").waitFor({ state: "detached" });

    // A table, left open with its provisional bill printed.
    await page.locator("[data-testid=table-tile][data-state=free]").first().click();
    await page.getByTestId("menu-search").fill("bac xiu");
    await page.getByTestId("menu-search").press("Enter");
    await page.getByTestId("order-line").first().waitFor();
    openTableNumber =
      ((await page.getByTestId("order-title").locator("xpath=..").textContent()) ?? "").match(
        /[A-Z0-9]+-[A-Z0-9]+-\d{8}-\d+/,
      )?.[0] ?? "";
    await page.keyboard.press("F7");
    await page.getByTestId("provisional-dialog").waitFor();
    expect(await page.getByTestId("provisional-dialog").textContent()).toContain("PHIẾU TẠM TÍNH");
    await screenshot(page, "provisional-bill");
    await page.getByTestId("receipt-done").click();
    await page.keyboard.press("Escape");
    await page.locator("[data-testid=table-tile][data-state=occupied]").first().waitFor();
    await expect
      .poll(() => page.getByTestId("pending-count").getAttribute("data-count"), { timeout: 10_000 })
      .toBe("2");
    expect(openTableNumber).not.toBe("");
  });

  it("offers the sync when the server is back, shows its progress, and ends in success", async () => {
    // A busy evening offline: more paid invoices, made through the station's API, wait to sync.
    const token = await login(station.url, "thungan", "1234", "offline");
    const { items } = await ok(station.url, "GET", "/api/catalog", { token });
    for (let index = 0; index < BACKLOG; index += 1) {
      const order = await ok(station.url, "POST", "/api/orders", { token, body: {} });
      const item = items[index % items.length];
      const withLine = await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
        token,
        body: { itemId: item.id, quantity: 1 + (index % 3) },
      });
      await ok(station.url, "POST", `/api/orders/${order.id}/payments`, {
        token,
        body: { method: index % 2 === 0 ? "cash" : "transfer", amount: withLine.total },
      });
    }
    await expect
      .poll(() => page.getByTestId("pending-count").getAttribute("data-count"), { timeout: 10_000 })
      .toBe(String(2 + BACKLOG));
    await page.evaluate(RECORD_SYNC_LABELS);

    server = await startServer({ dataDir: serverData });
    link.retarget(server.port);
    await page.getByTestId("sync-offer").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("sync-offer").textContent()).toContain(
      "Đã kết nối được internet. Đồng bộ dữ liệu ngay?",
    );
    await screenshot(page, "sync-offer");
    await page.getByRole("button", { name: "Có" }).click();
    // The invoices may go by faster than a poll sees their bar: the labels recorded below prove
    // it was shown; the screenshot is taken when the bar is caught on screen.
    const progress = page.getByText(/^Đang đồng bộ hóa đơn \d+\/\d+$/);
    const success = page.getByTestId("sync-success");
    await progress.or(success).first().waitFor({ timeout: 15_000 });
    if (await progress.isVisible()) await screenshot(page, "sync-progress");
    await success.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("sync-success").textContent()).toContain("Đồng bộ dữ liệu thành công");
    await screenshot(page, "sync-success");

    // Open orders went first, then the paid invoices, all of them counted.
    const labels = (await page.evaluate("window.__syncLabels")) as string[];
    const firstPaid = labels.findIndex((label) => label.startsWith("Đang đồng bộ hóa đơn"));
    expect(labels.findIndex((label) => label.startsWith("Đang đồng bộ đơn đang mở"))).toBeLessThan(firstPaid);
    expect(labels.at(-1)).toMatch(new RegExp(`^Đang đồng bộ hóa đơn \\d+/${1 + BACKLOG}$`));

    await page.getByRole("button", { name: "Đóng" }).click();
    await expect
      .poll(() => page.getByTestId("connection-mode").textContent(), { timeout: 10_000 })
      .toBe("Online");
    await expect
      .poll(() => page.getByTestId("pending-count").getAttribute("data-count"), { timeout: 10_000 })
      .toBe("0");
  });

  it("has put every order on the server", async () => {
    const paid = (await serverOrders("paid")).map((order) => order.number);
    for (const number of receiptNumbers) expect(paid).toContain(number);
    expect(new Set(paid).size).toBe(paid.length);
    expect(paid).toHaveLength(receiptNumbers.length + BACKLOG);
    const open = (await serverOrders("open")).map((order) => order.number);
    expect(open).toContain(openTableNumber);
  });

  it("offers offline selling when the server is down at login, and logs in offline", async () => {
    // A table is still open: signing out asks first, and loses nothing either way.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    const asked = page.getByTestId("logout-dialog");
    expect(await asked.textContent()).toMatch(/Còn \d+ bàn đang mở chưa thanh toán\./);
    await page.getByRole("button", { name: "Vẫn đăng xuất" }).click();
    await page.getByLabel("Tên đăng nhập").waitFor();
    await link.setMode("refuse");
    await waitFor(async () => (await ok(station.url, "GET", "/api/status")).serverReachable === false, {
      what: "the station to notice the server is gone",
    });
    await page.getByLabel("Tên đăng nhập").fill("thungan");
    await page.getByLabel("Mật khẩu").fill("1234");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const problem = page.getByRole("alert");
    await problem.waitFor();
    expect(await problem.textContent()).toContain(
      "Không kết nối được máy chủ. Chuyển sang bán hàng Offline?",
    );
    await screenshot(page, "login-server-down");
    await page.getByRole("button", { name: "Bán hàng Offline" }).click();
    await page.getByTestId("table-tile").first().waitFor();
    await page.getByTestId("offline-banner").waitFor();
    await link.setMode("pass");
  });

  it("tells a station that never synced to log in online once", async () => {
    const freshData = tempDir("e2e-fresh-station");
    const fresh = await startStation({ serverUrl: "http://127.0.0.1:9", dataDir: freshData });
    try {
      const answer = await call(fresh.url, "POST", "/api/login", {
        body: { username: "thungan", password: "1234", mode: "offline" },
      });
      expect(answer.status).toBe(409);
      const freshPage = await context.newPage();
      await freshPage.goto(fresh.url);
      await freshPage.getByLabel("Tên đăng nhập").fill("thungan");
      await freshPage.getByLabel("Mật khẩu").fill("1234");
      await freshPage.getByLabel("Offline").check({ force: true });
      await freshPage.getByRole("button", { name: "Đăng nhập" }).click();
      const problem = freshPage.getByRole("alert");
      await problem.waitFor();
      expect(await problem.textContent()).toContain("đăng nhập Online một lần");
      await freshPage.close();
    } finally {
      await fresh.stop();
      removeDir(freshData);
    }
  });
});
