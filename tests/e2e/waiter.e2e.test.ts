/**
 * The waiter's phone app in real headless Chromium, phone-sized, against real quay-server and
 * quay-station processes (issue 6): order for a table and see it in the back office and at the
 * counter; lose the server and keep every item typed, never shown as sent; get it back and send.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { login, ok, waitFor } from "../support/http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.mjs";
import { expectTouchTargets, newDesktop, newPhone, signIn } from "./admin-support.js";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

interface StationOrder {
  readonly id: string;
  readonly number: string;
  readonly tableId: string | null;
  readonly lines: { name: string; quantity: number; note: string | null }[];
}

describeWithBrowser("the waiter's phone app", () => {
  const serverData = tempDir("e2e-waiter-server");
  const stationData = tempDir("e2e-waiter-station");
  let server: RunningProcess;
  let station: RunningProcess;
  /** Between the phone and the server: the shop's Wi-Fi, which can drop. */
  let wifi: TcpProxy;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let stationToken = "";
  let orderNumber = "";

  const stationOpenOrders = async (): Promise<StationOrder[]> =>
    (await ok(station.url, "GET", "/api/orders?status=open", { token: stationToken })).orders;
  const serverOpenOrders = async (): Promise<StationOrder[]> => {
    const token = await login(server.url, "admin", "admin123");
    return (await ok(server.url, "GET", "/api/orders?status=open", { token })).orders;
  };
  const table = (name: string) => page.locator(`[data-testid=table-tile][data-table="${name}"]`);
  const addItem = async (search: string, name: string) => {
    await page.getByTestId("menu-search").fill(search);
    await page.locator(`[data-testid=menu-item][data-item="${name}"]`).click();
  };

  beforeAll(async () => {
    server = await startServer({ dataDir: serverData });
    wifi = await startTcpProxy({ targetPort: server.port });
    station = await startStation({ serverUrl: server.url, dataDir: stationData });
    stationToken = await login(station.url, "thungan", "1234", "online");
    browser = await launchChromium();
    phone = await newPhone(browser);
    page = await phone.newPage();
  });

  screenshotOnFailure("waiter-", () => page);

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await station?.stop();
    await server?.stop();
    await wifi?.close();
    removeDir(serverData);
    removeDir(stationData);
  });

  it("orders for a table; the back office and the counter see it at once", async () => {
    await page.goto(`${wifi.url}/m/`);
    await page.getByLabel("Tên đăng nhập").waitFor();
    await screenshot(page, "waiter-login");
    await signIn(page, `${wifi.url}/m/`, "phucvu", "1234");
    await table("Bàn 3").waitFor();
    expect(await page.getByTestId("connection-state").getAttribute("data-online")).toBe("true");
    // Installable: a manifest and a service worker for the shell.
    const manifest = await ok(wifi.url, "GET", "/m/manifest.webmanifest");
    expect(manifest).toMatchObject({ start_url: "/m/", display: "standalone" });
    await waitFor(
      () => page.evaluate("navigator.serviceWorker.getRegistration('/m/').then((r) => Boolean(r?.active))"),
      { what: "the service worker" },
    );

    await table("Bàn 3").click();
    await page.getByTestId("order-title").waitFor();
    // The search ignores accents; a tap adds one, a second tap makes two.
    await addItem("ca phe sua", "Cà phê sữa đá");
    await page.locator('[data-testid=menu-item][data-item="Cà phê sữa đá"]').click();
    await page.getByTestId("draft-note").first().click();
    await page.getByTestId("line-dialog").getByRole("button", { name: "Ít đá" }).click();
    await page.getByTestId("line-save").click();
    await addItem("tra dao", "Trà đào cam sả");
    const draft = page.getByTestId("draft-line");
    expect(await draft.count()).toBe(2);
    expect(await draft.first().getAttribute("data-quantity")).toBe("2");
    for (const index of [0, 1]) expect(await draft.nth(index).getAttribute("data-state")).toBe("draft");
    expect(await page.getByTestId("send-draft").textContent()).toBe("Gửi món (3)");
    await page.getByTestId("menu-search").fill("");
    await screenshot(page, "waiter-order");
    await expectTouchTargets(page);

    await page.getByTestId("send-draft").click();
    await expect.poll(() => page.getByTestId("sent-line").count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId("draft-line").count()).toBe(0);
    const coffee = page.locator('[data-testid=sent-line][data-item="Cà phê sữa đá"]');
    expect(await coffee.getAttribute("data-quantity")).toBe("2");
    expect(await coffee.textContent()).toContain("Ít đá");

    // The counter has the table's order with both lines (within a second or two: timed by the bench).
    const atCounter = await waitFor(
      async () =>
        (await stationOpenOrders()).find((order) => order.lines.length === 2 && order.tableId !== null) ??
        null,
      { timeoutMs: 10_000, what: "the waiter's order at the station" },
    );
    orderNumber = atCounter.number;
    expect(orderNumber).toMatch(/^CH01-W-\d{8}-\d{4}$/);
    expect(atCounter.lines.map((line) => [line.name, line.quantity, line.note])).toEqual([
      ["Cà phê sữa đá", 2, "Ít đá"],
      ["Trà đào cam sả", 1, null],
    ]);

    // The back office's dashboard shows the table being served.
    const office = await newDesktop(browser);
    const admin = await office.newPage();
    await signIn(admin, `${server.url}/admin/`, "quanly", "1234");
    await expect
      .poll(() => admin.getByTestId("dashboard-open-tables").textContent(), { timeout: 10_000 })
      .toBe("1");
    expect(await admin.getByTestId("dashboard-open-orders").textContent()).toMatch(/103\.000\s₫/);
    await office.close();

    await page.getByTestId("back").click();
    await expect.poll(() => table("Bàn 3").getAttribute("data-state")).toBe("occupied");
    expect(await table("Bàn 3").getByTestId("table-opened-by").textContent()).toBe("Phạm Quốc Huy");
    expect(await table("Bàn 3").textContent()).toMatch(/103\.000\s₫/);
    await screenshot(page, "waiter-tables");
    await expectTouchTargets(page);
  });

  it("shows an order made at the counter live on the map", async () => {
    const { tables, items } = await ok(station.url, "GET", "/api/catalog", { token: stationToken });
    const bàn5 = tables.find((candidate: { name: string }) => candidate.name === "Bàn 5");
    const order = await ok(station.url, "POST", "/api/orders", {
      token: stationToken,
      body: { tableId: bàn5.id },
    });
    await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
      token: stationToken,
      body: { itemId: items[0].id, quantity: 1 },
    });
    await expect.poll(() => table("Bàn 5").getAttribute("data-state"), { timeout: 10_000 }).toBe("occupied");
    await expect
      .poll(() => table("Bàn 5").getByTestId("table-opened-by").textContent(), { timeout: 10_000 })
      .toBe("Lê Minh Thư");
  });

  it("says at once when the server is lost, keeps the items typed and never shows them as sent", async () => {
    await table("Bàn 3").click();
    await page.getByTestId("order-title").waitFor();
    await wifi.setMode("refuse");
    await page.getByTestId("offline-banner").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("connection-state").getAttribute("data-online")).toBe("false");

    await addItem("banh flan", "Bánh flan");
    await page.getByTestId("send-draft").click();
    const flan = page.locator('[data-testid=draft-line][data-item="Bánh flan"]');
    await expect.poll(() => flan.getAttribute("data-state"), { timeout: 15_000 }).toBe("failed");
    expect(await page.getByTestId("send-failed").textContent()).toContain("Chưa gửi được 1 món");
    expect(await page.locator('[data-testid=sent-line][data-item="Bánh flan"]').count()).toBe(0);
    expect(await page.getByTestId("send-draft").textContent()).toBe("Gửi lại (1)");
    await page.getByTestId("menu-search").fill("");
    await screenshot(page, "waiter-offline");

    // A reload while the server is away: the shell comes from the phone, the item is still there.
    await page.reload();
    await flan.waitFor({ timeout: 10_000 });
    expect(await flan.getAttribute("data-state")).toBe("failed");

    await wifi.setMode("pass");
    await page.getByTestId("offline-banner").waitFor({ state: "detached", timeout: 10_000 });
    await page.getByTestId("send-draft").click();
    await page.locator('[data-testid=sent-line][data-item="Bánh flan"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("draft-line").count()).toBe(0);
    const ours = (await serverOpenOrders()).find((order) => order.number === orderNumber);
    expect(ours?.lines.filter((line) => line.name === "Bánh flan")).toHaveLength(1);
  });

  it("moves the table, and offers merging only to roles that may", async () => {
    expect(await page.getByRole("button", { name: "Gộp bàn" }).count()).toBe(0);
    await page.getByRole("button", { name: "Chuyển bàn" }).click();
    await page.getByTestId("move-dialog").getByRole("button", { name: "Bàn 8", exact: true }).click();
    await expect.poll(() => page.getByTestId("order-title").textContent(), { timeout: 10_000 }).toBe("Bàn 8");
    const { tables } = await ok(station.url, "GET", "/api/catalog", { token: stationToken });
    const bàn8 = tables.find((candidate: { name: string }) => candidate.name === "Bàn 8");
    await waitFor(
      async () =>
        (await stationOpenOrders()).find((order) => order.number === orderNumber)?.tableId === bàn8.id,
      { timeoutMs: 10_000, what: "the move at the counter" },
    );
  });

  it("tells the waiter an order was paid at the counter while the phone was away, and opens none by itself", async () => {
    await page.getByTestId("back").click();
    await table("Bàn 11").click();
    await page.getByTestId("order-title").waitFor();
    await addItem("tra dao", "Trà đào cam sả");
    await page.getByTestId("send-draft").click();
    await page.getByTestId("sent-line").waitFor({ timeout: 10_000 });
    const { tables } = await ok(station.url, "GET", "/api/catalog", { token: stationToken });
    const bàn11 = tables.find((candidate: { name: string }) => candidate.name === "Bàn 11");
    const paidHere = await waitFor(
      async () => (await stationOpenOrders()).find((order) => order.tableId === bàn11.id) ?? null,
      { timeoutMs: 10_000, what: "Bàn 11 at the counter" },
    );

    // The phone loses the Wi-Fi with an item typed; the counter takes the bill meanwhile.
    await wifi.setMode("refuse");
    await page.getByTestId("offline-banner").waitFor({ timeout: 10_000 });
    await addItem("banh flan", "Bánh flan");
    const { total } = await ok(station.url, "GET", `/api/orders/${paidHere.id}`, { token: stationToken });
    await ok(station.url, "POST", `/api/orders/${paidHere.id}/payments`, {
      token: stationToken,
      body: { method: "cash", amount: total },
    });
    await waitFor(async () => !(await serverOpenOrders()).some((order) => order.id === paidHere.id), {
      timeoutMs: 10_000,
      what: "the payment on the server",
    });

    await wifi.setMode("pass");
    await page.getByTestId("offline-banner").waitFor({ state: "detached", timeout: 10_000 });
    await page.getByTestId("send-draft").click();
    const notice = page.getByTestId("order-closed");
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain(
      `Đơn ${paidHere.number} của bàn đã được thanh toán tại quầy`,
    );
    const flan = page.locator('[data-testid=draft-line][data-item="Bánh flan"]');
    expect(await flan.getAttribute("data-state")).toBe("draft");
    expect((await serverOpenOrders()).filter((order) => order.tableId === paidHere.tableId)).toEqual([]);
    await screenshot(page, "waiter-order-closed");

    // The guests are still there and want it: the waiter sends it to the table anyway.
    await page.getByTestId("send-anyway").click();
    await page.locator('[data-testid=sent-line][data-item="Bánh flan"]').waitFor({ timeout: 10_000 });
    const reopened = (await serverOpenOrders()).filter((order) => order.tableId === paidHere.tableId);
    expect(reopened.map((order) => order.lines.map((line) => line.name))).toEqual([["Bánh flan"]]);
    expect(reopened[0]?.id).not.toBe(paidHere.id);
  });
});
