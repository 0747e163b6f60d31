/**
 * Options and discounts on the waiter's phone (issue 13, items 1 and 2), in real headless
 * Chromium against a real quay-server: a tea chosen with size L and a topping and a quick note
 * of its category, edited to M while it waits on the phone, sent, then given a second topping
 * before the kitchen has it; then 10 % off that line, which a waiter gives only with a manager's
 * PIN. The demo's "Trà sữa trân châu" is 39.000 ₫; L adds 6.000 ₫, each topping 5.000 ₫.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { login, ok } from "../support/http.mjs";
import { type RunningProcess, removeDir, startServer, tempDir } from "../support/processes.mjs";
import { expectTouchTargets, newPhone, signIn } from "./admin-support.js";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

interface ServerOrder {
  readonly tableId: string | null;
  readonly total: number;
  readonly lines: {
    readonly note: string | null;
    readonly unitPrice: number;
    readonly options?: { readonly name: string }[];
    readonly discount?: { readonly amount: number; readonly approvedBy: string | null } | null;
  }[];
}

describeWithBrowser("options and discounts on the waiter's phone", () => {
  const serverData = tempDir("e2e-waiter-options");
  let server: RunningProcess;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;

  const dialog = () => page.getByTestId("line-dialog");
  const option = (name: RegExp) => dialog().locator(".option-group").getByRole("button", { name });
  const openOrders = async (): Promise<ServerOrder[]> => {
    const token = await login(server.url, "admin", "admin123");
    return (await ok(server.url, "GET", "/api/orders?status=open", { token })).orders;
  };

  beforeAll(async () => {
    server = await startServer({ dataDir: serverData });
    browser = await launchChromium();
    phone = await newPhone(browser);
    page = await phone.newPage();
  });

  screenshotOnFailure("waiter-options-", () => page);

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await server?.stop();
    removeDir(serverData);
  });

  it("chooses a size, a topping and a note, edits them on the phone, and sends the line", async () => {
    await signIn(page, `${server.url}/m/`, "phucvu", "1234");
    await page.locator('[data-testid=table-tile][data-table="Bàn 5"]').click();
    await page.getByTestId("menu-search").fill("tra sua");
    await page.locator('[data-testid=menu-item][data-item="Trà sữa trân châu"]').click();

    // The required size starts on its first option; L and a topping, and the tea's own quick note.
    expect(await option(/^M/).getAttribute("aria-pressed")).toBe("true");
    await option(/^L/).click();
    await option(/^Trân châu/).click();
    await dialog().getByRole("button", { name: "Đá riêng" }).click();
    await expect
      .poll(() => dialog().getByTestId("option-price").locator(".money").getAttribute("data-amount"))
      .toBe("50000");
    await screenshot(page, "waiter-options", { forDocs: true });
    await expectTouchTargets(page);
    await page.getByTestId("line-save").click();

    const draft = page.getByTestId("draft-line");
    await expect.poll(() => draft.first().textContent()).toContain("Trà sữa trân châu (L, Trân châu)");
    // Still on the phone: L becomes M.
    await draft.first().getByTestId("draft-note").click();
    expect(await option(/^L/).getAttribute("aria-pressed")).toBe("true");
    await option(/^M/).click();
    await page.getByTestId("line-save").click();
    await expect.poll(() => draft.first().textContent()).toContain("Trà sữa trân châu (M, Trân châu)");
    expect(await draft.first().locator(".money").getAttribute("data-amount")).toBe("44000");

    await page.getByTestId("send-draft").click();
    const sent = page.getByTestId("sent-line");
    await expect.poll(() => sent.count(), { timeout: 10_000 }).toBe(1);
    expect(await sent.first().textContent()).toContain("Trà sữa trân châu (M, Trân châu)");
    const [order] = await openOrders();
    expect(order?.lines).toMatchObject([
      { note: "Đá riêng", unitPrice: 44_000, options: [{ name: "M" }, { name: "Trân châu" }] },
    ]);
  }, 60_000);

  it("adds a topping to the sent line before the kitchen has it", async () => {
    await page.getByTestId("sent-edit").first().click();
    expect(await option(/^Trân châu/).getAttribute("aria-pressed")).toBe("true");
    await option(/^Thạch/).click();
    await page.getByTestId("line-save").click();

    const sent = page.getByTestId("sent-line").first();
    await expect
      .poll(() => sent.textContent(), { timeout: 10_000 })
      .toContain("Trà sữa trân châu (M, Trân châu, Thạch)");
    const [order] = await openOrders();
    expect(order?.total).toBe(49_000);
    expect(order?.lines[0]).toMatchObject({ note: "Đá riêng", unitPrice: 49_000 });
  }, 30_000);

  it("takes 10 % off a line, the waiter's limit asking for a manager's PIN", async () => {
    await page.getByTestId("discount-button").click();
    const dialog = page.getByTestId("discount-dialog");
    await dialog.getByTestId("discount-line").first().click();
    await dialog.getByTestId("discount-percent-10").click();
    await dialog.getByRole("button", { name: "Khách quen" }).click();
    // A waiter may give nothing alone (the store's default limit, 0 %).
    expect(await page.getByTestId("discount-confirm").isDisabled()).toBe(true);
    await dialog.getByTestId("manager-pin").fill("1111");
    await page.getByTestId("discount-confirm").click();
    await expect.poll(() => dialog.locator(".form-error").count()).toBeGreaterThan(0);
    await dialog.getByTestId("manager-pin").fill("9999");
    await screenshot(page, "waiter-discount", { forDocs: true });
    await page.getByTestId("discount-confirm").click();

    const discount = page.getByTestId("line-discount");
    await expect.poll(() => discount.textContent(), { timeout: 10_000 }).toContain("Giảm 10% · Khách quen");
    const [order] = await openOrders();
    expect(order?.lines[0]?.discount).toMatchObject({ amount: 4_900, approvedBy: expect.any(String) });
    expect(order?.total).toBe(44_100);
  }, 30_000);
});
