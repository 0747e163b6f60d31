/**
 * Split and merge at the counter in real headless Chromium against real quay-server and
 * quay-station processes (issue 13, item 3): "Gộp bàn" brings another table's order onto this
 * one, a move to a busy table asks and merges, "Tách hóa đơn" moves 3 of 5 cà phê to a bill of
 * its own paid on its own, and "Chia đều" pays the rest in three parts, each with its own slip;
 * the cloud takes every op once.
 */
import { expect, it } from "vitest";
import { login, ok } from "../support/http.mjs";
import { expectTouchTargets } from "./admin-support.js";
import { describeWithBrowser, docScreenshot } from "./browser.js";
import { counterWithStation, signInAsCashier } from "./counter-with-station.js";

describeWithBrowser("split and merge at the counter", () => {
  const counter = counterWithStation("split-merge");

  it("merges two tables, splits by item and pays both, then pays the rest in equal parts", async () => {
    const { page, station, server } = counter;
    // Three tables with orders, through the counter's API as the cashier.
    const token = await login(station.url, "thungan", "1234", "online");
    const { items, tables } = await ok(station.url, "GET", "/api/catalog", { token });
    const tableNamed = (name: string) => tables.find((table: { name: string }) => table.name === name);
    const open = async (tableName: string, lines: [number, number][]) => {
      const order = await ok(station.url, "POST", "/api/orders", {
        token,
        body: { tableId: tableNamed(tableName).id },
      });
      for (const [index, quantity] of lines)
        await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
          token,
          body: { itemId: items[index].id, quantity },
        });
      return order;
    };
    const coffee = items[0].name as string;
    await open("Bàn 1", [[0, 5]]);
    const second = await open("Bàn 2", [[1, 1]]);
    const third = await open("Bàn 3", [[2, 1]]);

    await signInAsCashier(page, station.url);
    await page.locator('[data-testid=table-tile][data-table="Bàn 1"]').click();
    await expect.poll(() => page.getByTestId("order-line").count(), { timeout: 10_000 }).toBe(1);

    // "Gộp bàn": Bàn 2's order comes onto Bàn 1's, and Bàn 2's is voided.
    await page.getByTestId("merge-button").click();
    const mergeDialog = page.getByTestId("merge-dialog");
    await mergeDialog.getByRole("button", { name: /Bàn 2/ }).waitFor();
    await docScreenshot(page, "merge-tables");
    await expectTouchTargets(page);
    await mergeDialog.getByRole("button", { name: /Bàn 2/ }).click();
    await mergeDialog.waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("order-line").count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId("order-title").textContent()).toBe("Bàn 1");
    expect((await ok(station.url, "GET", `/api/orders/${second.id}`, { token })).status).toBe("void");

    // Moving Bàn 3 to Bàn 1, which has an order, asks first, then merges into it.
    await page.keyboard.press("Escape");
    await page.locator('[data-testid=table-tile][data-table="Bàn 3"]').click();
    await page.getByTestId("order-line").first().waitFor();
    await page.keyboard.press("F6");
    await page.getByTestId("move-dialog").getByRole("button", { name: "Bàn 1", exact: true }).click();
    expect(await page.getByTestId("merge-ask").textContent()).toBe("Bàn 1 đang có đơn. Gộp vào đơn đó?");
    await page.getByTestId("merge-ask-confirm").click();
    await expect.poll(() => page.getByTestId("order-title").textContent(), { timeout: 10_000 }).toBe("Bàn 1");
    await expect.poll(() => page.getByTestId("order-line").count(), { timeout: 10_000 }).toBe(3);
    expect((await ok(station.url, "GET", `/api/orders/${third.id}`, { token })).status).toBe("void");

    // "Tách hóa đơn": 3 of the 5 cà phê onto a take-away bill, paid on its own.
    await page.getByTestId("split-button").click();
    const splitDialog = page.getByTestId("split-dialog");
    for (let i = 0; i < 3; i++) await splitDialog.getByRole("button", { name: `Thêm một ${coffee}` }).click();
    await splitDialog.getByRole("button", { name: "Không bàn (mang về)" }).click();
    expect(await splitDialog.locator(`[data-name="${coffee}"] [data-testid=split-count]`).textContent()).toBe(
      "3/5",
    );
    await docScreenshot(page, "split-bill");
    await expectTouchTargets(page);
    await splitDialog.getByTestId("split-confirm").click();
    await splitDialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.getByTestId("order-title").textContent(), { timeout: 10_000 })
      .toMatch(/^Mang về/);
    await expect
      .poll(() => page.locator("[data-testid=order-line]").first().getAttribute("data-quantity"))
      .toBe("3");
    await page.keyboard.press("F9");
    await page.getByTestId("payment-dialog").waitFor();
    await page.getByTestId("method-cash").click();
    await page.getByTestId("quick-exact").click();
    await page.getByTestId("confirm-cash").click();
    await page.getByTestId("receipt-dialog").waitFor();
    await page.getByTestId("receipt-done").click();

    // Bàn 1 kept 2 cà phê and the merged lines: "Chia đều" in three parts, each paid on its own.
    await page.locator('[data-testid=table-tile][data-table="Bàn 1"]').click();
    await expect.poll(() => page.getByTestId("order-line").count(), { timeout: 10_000 }).toBe(3);
    await expect
      .poll(() =>
        page.locator(`[data-testid=order-line][data-item="${coffee}"]`).getAttribute("data-quantity"),
      )
      .toBe("2");
    await page.getByTestId("equal-parts-button").click();
    const parts = page.getByTestId("equal-parts-dialog");
    await parts.getByRole("button", { name: "Thêm một phần" }).click();
    expect(await parts.getByTestId("parts-count").textContent()).toBe("3");
    await parts.getByTestId("part").nth(0).getByTestId("pay-part-cash").click();
    await expect.poll(() => parts.getByTestId("part").nth(0).getAttribute("data-paid")).toBe("true");
    // Part 2's own slip says "Phần 2/3".
    await parts.getByTestId("part").nth(1).getByTestId("print-part").click();
    await page.getByTestId("receipt-dialog").waitFor();
    expect(await page.getByTestId("receipt-dialog").textContent()).toContain("Phần 2/3");
    await page.getByTestId("receipt-done").click();
    await parts.getByTestId("part").nth(1).getByTestId("pay-part-transfer").click();
    await expect.poll(() => parts.getByTestId("part").nth(1).getAttribute("data-paid")).toBe("true");
    await docScreenshot(page, "equal-parts");
    await expectTouchTargets(page);
    await parts.getByTestId("part").nth(2).getByTestId("pay-part-card").click();
    await expect.poll(() => parts.getByTestId("part").nth(2).getAttribute("data-paid")).toBe("true");

    const orders = await ok(station.url, "GET", "/api/orders?status=paid", { token });
    const bill = orders.orders.find(
      (order: { tableId: string | null }) => order.tableId === tableNamed("Bàn 1").id,
    );
    expect(bill.status).toBe("paid");
    expect(bill.paid).toBe(bill.total);
    expect(bill.payments.map((payment: { part: { index: number } }) => payment.part.index)).toEqual([
      1, 2, 3,
    ]);
    const shares = bill.payments.map((payment: { amount: number }) => payment.amount);
    expect(shares[0]).toBe(shares[1]);
    expect(shares[2]).toBe(bill.total - shares[0] - shares[1]);

    // The cloud holds the split and the parts: every op once, the split backed.
    const admin = await login(server.url, "admin", "admin123");
    await expect
      .poll(
        async () => {
          const held = await ok(server.url, "GET", `/api/orders/${bill.id}`, { token: admin }).catch(
            () => null,
          );
          return held?.status ?? null;
        },
        { timeout: 20_000 },
      )
      .toBe("paid");
  }, 90_000);
});
