/**
 * The back office's options editor (issue 13, item 1) in real headless Chromium against a real
 * demo quay-server: the manager adds a required size (S −5.000 ₫, M, L +5.000 ₫) and toppings of
 * which two may be chosen, gives both to "Cà phê sữa đá", adds two quick notes to "Cà phê", is
 * told in words why a group an item holds cannot be deleted, and the catalog then holds it all
 * (the server's and the one a station pulls).
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { login, ok } from "../support/http.mjs";
import { signIn } from "./admin-support.js";
import { adminWithStation } from "./admin-with-station.js";
import { describeWithBrowser, screenshot } from "./browser.js";

interface GroupBody {
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
  options: { id: string; name: string; price: number; active: boolean }[];
}
interface CatalogBody {
  optionGroups: GroupBody[];
  items: { name: string; optionGroupIds: string[] }[];
  categories: { name: string; noteChips?: string[] }[];
}

/** Adds an option group in its dialog: its options as `[name, đồng]`, a negative price taken off. */
async function addGroup(
  page: Page,
  group: { name: string; required: boolean; maxChoices: number; options: [string, number][] },
): Promise<void> {
  await page.getByTestId("option-group-add").click();
  const dialog = page.getByTestId("option-group-dialog");
  await dialog.getByTestId("option-group-name").fill(group.name);
  if (group.required) await dialog.getByTestId("option-group-required").check();
  await dialog.getByTestId("option-group-max").selectOption(String(group.maxChoices));
  for (const [index, [name, price]] of group.options.entries()) {
    if (index > 0) await dialog.getByTestId("option-add").click();
    const row = dialog.getByTestId("option-row").nth(index);
    await row.getByTestId("option-name").fill(name);
    if (price < 0) await row.getByTestId("option-price-sign").click();
    await row.getByTestId("option-price").fill(String(Math.abs(price)));
  }
  await dialog.getByTestId("option-group-save").click();
  await dialog.waitFor({ state: "detached" });
}

describeWithBrowser("the back office's option groups and quick notes", () => {
  const suite = adminWithStation("option-groups");

  it("adds a size and toppings, gives them to an item, adds a category's notes", async () => {
    const { server, page, deviceToken } = suite;
    await signIn(page, `${server.url}/admin/`, "quanly", "1234");
    await page.goto(`${server.url}/admin/#/catalog`);
    await page.getByTestId("option-groups").waitFor();

    await addGroup(page, {
      name: "Cỡ ly",
      required: true,
      maxChoices: 1,
      options: [
        ["S", -5_000],
        ["M", 0],
        ["L", 5_000],
      ],
    });
    await addGroup(page, {
      name: "Topping cà phê",
      required: false,
      maxChoices: 2,
      options: [
        ["Thêm shot", 10_000],
        ["Kem muối", 8_000],
        ["Trân châu", 5_000],
      ],
    });
    const groupRow = (name: string) => page.locator(`[data-testid=option-group][data-group="${name}"]`);
    expect(await groupRow("Cỡ ly").getByTestId("option-group-rule").textContent()).toBe("chọn 1, bắt buộc");
    expect(await groupRow("Topping cà phê").getByTestId("option-group-rule").textContent()).toBe("tối đa 2");
    const sizes = await groupRow("Cỡ ly").locator("li").allTextContents();
    expect(sizes.map((text) => text.replace(/\s+/g, " "))).toEqual(["S −5.000 ₫", "M 0 ₫", "L +5.000 ₫"]);

    // Both groups for the iced milk coffee, the size asked first.
    await page
      .locator('[data-testid=catalog-item][data-item="Cà phê sữa đá"]')
      .getByTestId("item-edit")
      .click();
    const choices = page.getByTestId("item-option-groups");
    await choices.getByLabel(/^Cỡ ly/).check();
    await choices.getByLabel(/^Topping cà phê/).check();
    await page.getByTestId("item-save").click();
    await page.getByTestId("item-dialog").waitFor({ state: "detached" });

    // Two quick notes for the coffee category: one added with the button, one with Enter.
    await page.getByRole("button", { name: "Sửa Cà phê", exact: true }).click();
    const chipInput = page.getByTestId("note-chip-input");
    await chipInput.fill("Ít đá");
    await page.getByTestId("note-chip-add").click();
    await chipInput.fill("Nhiều sữa");
    await chipInput.press("Enter");
    expect(await page.getByTestId("note-chip").locator("span").allTextContents()).toEqual([
      "Ít đá",
      "Nhiều sữa",
    ]);
    await page.getByTestId("name-save").click();
    await page.getByTestId("name-dialog").waitFor({ state: "detached" });

    // A group an item holds stays; the manager is told what to do first.
    await groupRow("Cỡ ly").getByTestId("option-group-delete").click();
    const confirm = page.getByTestId("confirm-dialog");
    expect(await confirm.textContent()).toContain("Đang dùng cho: Cà phê sữa đá.");
    await confirm.getByTestId("confirm").click();
    await expect
      .poll(() => confirm.getByRole("alert").textContent())
      .toContain("Nhóm tùy chọn đang gắn với món nên chưa xóa được.");
    await confirm.getByRole("button", { name: "Hủy" }).click();

    await page.getByTestId("option-groups").scrollIntoViewIfNeeded();
    await screenshot(page, "admin-option-groups", { forDocs: true });

    const manager = await login(server.url, "quanly", "1234");
    const catalog: CatalogBody = await ok(server.url, "GET", "/api/catalog", { token: manager });
    const group = (name: string) => catalog.optionGroups.find((candidate) => candidate.name === name);
    const prices = (name: string) => group(name)?.options.map((option) => [option.name, option.price]);
    expect(group("Cỡ ly")).toMatchObject({ minChoices: 1, maxChoices: 1 });
    expect(prices("Cỡ ly")).toEqual([
      ["S", -5_000],
      ["M", 0],
      ["L", 5_000],
    ]);
    expect(group("Topping cà phê")).toMatchObject({ minChoices: 0, maxChoices: 2 });
    expect(prices("Topping cà phê")).toEqual([
      ["Thêm shot", 10_000],
      ["Kem muối", 8_000],
      ["Trân châu", 5_000],
    ]);
    const expectedGroups = [group("Cỡ ly")?.id, group("Topping cà phê")?.id];
    expect(catalog.items.find((item) => item.name === "Cà phê sữa đá")?.optionGroupIds).toEqual(
      expectedGroups,
    );
    expect(catalog.categories.find((category) => category.name === "Cà phê")?.noteChips).toEqual([
      "Ít đá",
      "Nhiều sữa",
    ]);

    // The counters get the same at their next pull.
    const pulled = await ok(server.url, "GET", "/api/sync/pull?cursor=0", { token: deviceToken });
    expect(
      pulled.catalog.items.find((item: { name: string }) => item.name === "Cà phê sữa đá"),
    ).toMatchObject({
      optionGroupIds: expectedGroups,
    });
  }, 60_000);
});
