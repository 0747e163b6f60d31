/**
 * "Hết món" (issue 13, item 5) with real quay-server and two quay-station processes and headless
 * Chromium: a cashier marks an item sold out on a menu tile at counter 1; the tile greys and adds
 * nothing, the station refuses the item, counter 2 and a waiter's phone see it within a second or
 * two, and the back office shows it and puts it back on sale.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, login, ok } from "../support/http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { expectTouchTargets, newDesktop, newPhone, signIn } from "./admin-support.js";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

const ITEM = "Bạc xỉu";

describeWithBrowser("hết món at the counter", () => {
  const serverData = tempDir("e2e-soldout-server");
  const stationData = [tempDir("e2e-soldout-q1"), tempDir("e2e-soldout-q2")];
  let server: RunningProcess;
  let counters: RunningProcess[] = [];
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages = {} as { q1: Page; q2: Page; phone: Page; office: Page };
  let current: Page | undefined;

  const tileAt = (page: Page) => page.locator(`[data-testid=menu-item][data-item="${ITEM}"]`);
  const soldOutAt = async (page: Page) => (await tileAt(page).getAttribute("data-sold-out")) === "true";
  const openCashier = async (page: Page, url: string) => {
    await signIn(page, url, "thungan", "1234");
    await page.getByTestId("table-tile").first().click();
    await page.getByTestId("menu-search").fill("bac xiu");
    await tileAt(page).waitFor();
  };

  beforeAll(async () => {
    server = await startServer({ dataDir: serverData });
    counters = await Promise.all(
      stationData.map((dataDir) => startStation({ serverUrl: server.url, dataDir })),
    );
    // Each counter's first online login binds it to the store (two stations of CH01).
    for (const counter of counters) await login(counter.url, "thungan", "1234", "online");
    browser = await launchChromium();
    for (const key of ["q1", "q2", "office"] as const) {
      const context = await newDesktop(browser);
      contexts.push(context);
      pages[key] = await context.newPage();
    }
    const phone = await newPhone(browser);
    contexts.push(phone);
    pages.phone = await phone.newPage();
  }, 60_000);
  screenshotOnFailure("sold-out-", () => current);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    for (const counter of counters) await counter.stop();
    await server?.stop();
    removeDir(serverData);
    for (const dir of stationData) removeDir(dir);
  });

  it("a toggle on a tile at counter 1 greys it there and at counter 2, and the item is refused", async () => {
    const [q1, q2] = counters as [RunningProcess, RunningProcess];
    current = pages.q1;
    await openCashier(pages.q1, q1.url);
    await openCashier(pages.q2, q2.url);
    expect(await soldOutAt(pages.q1)).toBe(false);

    // "Báo hết món": the tiles become switches; a tap on one marks it sold out.
    await pages.q1.getByTestId("sold-out-mode").click();
    const started = Date.now();
    await tileAt(pages.q1).click();
    await expect.poll(() => soldOutAt(pages.q1), { timeout: 2_000, interval: 25 }).toBe(true);
    // Counter 2 hears it through the cloud: its tile greys without a reload, within about a second.
    await expect.poll(() => soldOutAt(pages.q2), { timeout: 5_000, interval: 25 }).toBe(true);
    const seenAfterMs = Date.now() - started;
    expect(seenAfterMs).toBeLessThan(1_000); // measured: about 0.25 s

    expect(await tileAt(pages.q2).isDisabled()).toBe(true);
    // The whole menu, the sold-out tile among the others, while marking.
    await pages.q1.getByTestId("menu-search").fill("");
    expect(await pages.q1.getByTestId("sold-out-mode").textContent()).toBe("Xong");
    await screenshot(pages.q1, "cashier-sold-out-marking");
    await expectTouchTargets(pages.q1);
    await pages.q1.getByTestId("sold-out-mode").click();
    expect(await tileAt(pages.q1).isDisabled()).toBe(true);
    expect(await tileAt(pages.q1).textContent()).toContain("Hết");
    await screenshot(pages.q1, "cashier-sold-out");

    // A tap on the greyed tile adds nothing; the station itself refuses the item.
    await tileAt(pages.q1).click({ force: true });
    expect(await pages.q1.getByTestId("order-line").count()).toBe(0);
    const token = await login(q1.url, "thungan", "1234");
    const { items } = await ok(q1.url, "GET", "/api/catalog", { token });
    const item = items.find((candidate: { name: string }) => candidate.name === ITEM);
    expect(item).toMatchObject({ soldOut: true });
    const order = await ok(q1.url, "POST", "/api/orders", { token, body: {} });
    const refused = await call(q1.url, "POST", `/api/orders/${order.id}/lines`, {
      token,
      body: { itemId: item.id, quantity: 1 },
    });
    expect([refused.status, refused.body.error.code]).toEqual([409, "ITEM_SOLD_OUT"]);
  }, 60_000);

  it("a waiter's phone shows it greyed and cannot add it", async () => {
    current = pages.phone;
    await signIn(pages.phone, `${server.url}/m/`, "phucvu", "1234");
    await pages.phone.locator('[data-testid=table-tile][data-table="Bàn 2"]').click();
    await pages.phone.getByTestId("menu-search").fill("bac xiu");
    await expect.poll(() => soldOutAt(pages.phone), { timeout: 5_000 }).toBe(true);
    expect(await tileAt(pages.phone).isDisabled()).toBe(true);
    expect(await tileAt(pages.phone).textContent()).toContain("Hết");
    await screenshot(pages.phone, "waiter-sold-out");
  }, 30_000);

  it("the back office shows it sold out, and its switch puts it back on sale at the counters", async () => {
    current = pages.office;
    await signIn(pages.office, `${server.url}/admin/`, "quanly", "1234");
    await pages.office.getByTestId("dashboard").waitFor();
    await pages.office.getByRole("link", { name: "Thực đơn" }).click();
    const row = pages.office.locator(`[data-testid=catalog-item][data-item="${ITEM}"]`);
    const soldOutSwitch = row.getByTestId("item-sold-out");
    await expect.poll(() => soldOutSwitch.isChecked(), { timeout: 5_000 }).toBe(true);
    expect(await row.textContent()).toContain("Hết món");
    await screenshot(pages.office, "admin-sold-out");
    await soldOutSwitch.click();
    await expect.poll(() => soldOutSwitch.isChecked(), { timeout: 5_000 }).toBe(false);

    // Both counters and the phone have it on sale again; counter 1 adds it.
    for (const page of [pages.q1, pages.q2, pages.phone]) {
      current = page;
      await expect.poll(() => soldOutAt(page), { timeout: 5_000 }).toBe(false);
    }
    current = pages.q1;
    await tileAt(pages.q1).click();
    await expect.poll(() => pages.q1.getByTestId("order-line").count(), { timeout: 5_000 }).toBe(1);

    // The item editor's switch marks it sold out again.
    await row.getByTestId("item-edit").click();
    await pages.office.getByTestId("item-dialog-sold-out").check();
    await pages.office.getByTestId("item-save").click();
    await pages.office.getByTestId("item-dialog").waitFor({ state: "detached" });
    await expect.poll(() => soldOutSwitch.isChecked(), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => soldOutAt(pages.q1), { timeout: 5_000 }).toBe(true);
  }, 60_000);
});
