/**
 * The back office's bills, shifts and audit (issue 12, items 3 and 4) in real headless Chromium
 * against a real demo quay-server: a phone's bill with a line voided on the manager's PIN, a
 * counter's cash bill refunded in part and its shift closed 20.000 ₫ short; a manager finds the
 * bills by table and method, reads a bill's history (who, where, who approved), sees the short
 * shift stand out, and the day's voids, refunds, cash out and difference per cashier.
 */
import { randomUUID } from "node:crypto";
import { lineOf, type SoldItem } from "@quay/core";
import { PROTOCOL_VERSION } from "@quay/protocol";
import type { Locator } from "playwright-core";
import { expect, it } from "vitest";
import { login, ok } from "../support/http.mjs";
import { amountOf, localDay, signIn } from "./admin-support.js";
import { adminWithStation } from "./admin-with-station.js";
import { describeWithBrowser, screenshot } from "./browser.js";
import { stationOps } from "./station-ops.js";

interface Catalog {
  store: { id: string };
  items: SoldItem[];
  tables: { id: string; name: string }[];
}

describeWithBrowser("the back office's bills, shifts and audit", () => {
  const suite = adminWithStation("bills");
  const made = { phoneNumber: "", counterNumber: "" };

  /** The day's trade: a phone's bill, a counter's bill, its refund and its shift. */
  async function trade() {
    const { server, deviceToken, stationId, stationCode } = suite;
    const manager = await login(server.url, "quanly", "1234");
    const cashier = await login(server.url, "thungan", "1234");
    const catalog: Catalog = await ok(server.url, "GET", "/api/catalog", { token: manager });
    const { users } = await ok(server.url, "GET", "/api/users", { token: manager });
    const idOf = (username: string) =>
      users.find((user: { username: string }) => user.username === username).id;
    const item = (name: string) => {
      const found = catalog.items.find((candidate) => candidate.name === name);
      if (!found) throw new Error(`the demo menu has no ${name}`);
      return found;
    };
    const [black, milk, bacXiu] = [item("Cà phê đen đá"), item("Cà phê sữa đá"), item("Bạc xỉu")];
    // The demo's prices, which the figures below are made of.
    expect([black.price, milk.price, bacXiu.price]).toEqual([25_000, 29_000, 32_000]);

    // On a phone: two iced milk coffees and a black one at Bàn 1; the black one voided on Lan's PIN.
    const as = (path: string, body: unknown) => ok(server.url, "POST", path, { token: cashier, body });
    const phone = await as("/api/orders", { tableId: catalog.tables[0]?.id });
    await as(`/api/orders/${phone.id}/lines`, { itemId: milk.id, quantity: 2 });
    const both = await as(`/api/orders/${phone.id}/lines`, { itemId: black.id, quantity: 1 });
    await as(`/api/orders/${phone.id}/lines/${both.lines[1].id}/void`, {
      reason: "khách đổi ý",
      managerPin: "9999",
    });
    await as(`/api/orders/${phone.id}/payments`, { method: "transfer", amount: 58_000 });
    made.phoneNumber = phone.number;

    // At the counter: two bạc xỉu paid in cash, one refunded with Lan's approval; the shift closes short.
    const ops = stationOps(stationId, idOf("thungan"));
    const orderId = randomUUID();
    const shiftId = randomUUID();
    made.counterNumber = `CH01-${stationCode}-${localDay(0).replaceAll("-", "")}-0001`;
    const storeId = catalog.store.id;
    const sale = [
      ops.order(orderId, "open", { number: made.counterNumber, tableId: null, storeId }),
      ops.order(orderId, "addLine", lineOf(bacXiu, randomUUID(), 2)),
      ops.order(orderId, "addPayment", { paymentId: randomUUID(), method: "cash", amount: 100_000 }),
      ops.order(orderId, "close", { total: 64_000 }),
      ops.order(orderId, "refund", {
        refundId: randomUUID(),
        amount: 32_000,
        method: "cash",
        reason: "ly bị đổ",
        approvedBy: idOf("quanly"),
      }),
    ];
    // Expected: 500.000 + 64.000 − 32.000 − 100.000 = 432.000 ₫; counted 412.000 ₫.
    const shift = [
      ops.shift(shiftId, "shiftOpen", { openingCash: 500_000, storeId }),
      ops.shift(shiftId, "shiftCash", { amount: 100_000, direction: "out", reason: "nộp ngân hàng" }),
      ops.shift(shiftId, "shiftClose", {
        counted: { "200000": 2, "10000": 1, "2000": 1 },
        figures: {
          cashSales: 64_000,
          cashRefunds: 32_000,
          revenue: 64_000,
          orders: 1,
          byMethod: [{ method: "cash", amount: 64_000 }],
        },
      }),
    ];
    await ok(server.url, "POST", "/api/sync/push", {
      token: deviceToken,
      body: { protocolVersion: PROTOCOL_VERSION, ops: sale, shiftOps: shift },
    });
  }

  it("finds the day's bills by table and method, and tells a bill's history", async () => {
    await trade();
    const { server, page } = suite;
    await signIn(page, `${server.url}/admin/`, "quanly", "1234");
    await page.goto(`${server.url}/admin/#/bills`);
    const rows = page.getByTestId("bill-row");
    await expect.poll(() => rows.count()).toBe(2);
    const each = async (list: Locator, attribute: string) =>
      Promise.all((await list.all()).map((one) => one.getAttribute(attribute)));
    expect(await each(rows, "data-total")).toEqual(["58000", "64000"]); // newest payment first: the counter's bill was paid a minute ago

    await page.getByTestId("bills-method").selectOption("transfer");
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId("bills-method").selectOption("");
    await page.getByTestId("bills-q").fill("bàn 1");
    await page.getByTestId("bills-filter").click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-number")).toBe(made.phoneNumber);

    await rows.first().getByRole("button").click();
    const entries = page.getByTestId("history-entry");
    await expect.poll(() => entries.count()).toBe(6);
    expect(await each(entries, "data-kind")).toEqual([
      "open",
      "addLine",
      "addLine",
      "voidLine",
      "addPayment",
      "close",
    ]);
    const voided = entries.nth(3);
    expect(await voided.textContent()).toContain("Cà phê đen đá × 1");
    expect(await voided.textContent()).toContain("Lê Minh Thư · Điện thoại / web");
    expect(await voided.getByTestId("history-approver").textContent()).toBe("Duyệt: Trần Thị Lan");
    expect(await amountOf(page, "[data-testid=bill-total]")).toBe(58_000);
    // The history at the foot of the bill, the list still beside it.
    await entries.last().scrollIntoViewIfNeeded();
    await screenshot(page, "admin-bills");

    await page.getByTestId("bills-q").fill("");
    await page.getByTestId("bills-filter").click();
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(1).getByRole("button").click();
    await expect
      .poll(() => page.getByTestId("bill-detail").getAttribute("data-number"))
      .toBe(made.counterNumber);
    await expect.poll(() => entries.count()).toBe(5);
    expect(await entries.nth(4).textContent()).toContain("Lê Minh Thư · Quầy 1");
  });

  it("shows the shift closed short, its difference standing out", async () => {
    const { server, page } = suite;
    await page.goto(`${server.url}/admin/#/shifts`);
    const row = page.getByTestId("shift-row");
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute("data-difference")).toBe("-20000");
    const text = ((await row.textContent()) ?? "").replaceAll("\u00a0", " ");
    expect(text).toContain("Quầy 1");
    expect(text).toContain("Lê Minh Thư");
    expect(text).toContain("432.000 ₫");
    expect(text).toContain("Thiếu 20.000 ₫");
    expect(await row.locator(".a-alert").count()).toBe(1);
    await screenshot(page, "admin-shifts");
  });

  it("counts the day's void, refund, cash out and shift difference for the cashier who made them", async () => {
    const { server, page } = suite;
    await page.goto(`${server.url}/admin/#/audit`);
    const row = page.getByTestId("audit-row");
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute("data-name")).toBe("Lê Minh Thư");
    const cell = (name: string) => row.getByTestId(`audit-${name}`);
    expect(await cell("voids").getAttribute("data-count")).toBe("1");
    expect(await cell("voids").getAttribute("data-amount")).toBe("25000");
    expect(await cell("refunds").getAttribute("data-amount")).toBe("32000");
    expect(await cell("discounts").getAttribute("data-count")).toBe("0");
    expect(await cell("cashOut").getAttribute("data-amount")).toBe("100000");
    expect(((await cell("difference").textContent()) ?? "").replaceAll("\u00a0", " ")).toBe("Thiếu 20.000 ₫");
    await screenshot(page, "admin-audit");
  });
});
