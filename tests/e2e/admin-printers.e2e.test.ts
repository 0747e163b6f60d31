/**
 * The back office's printers page (issue 11) in real headless Chromium against a real demo
 * quay-server: a manager sees the demo's bar and kitchen printers, adds a receipt printer, gives
 * the kitchen another category, sets the printing settings and deletes a printer, and a station
 * of the store finds each change in the catalog of its next pull.
 */
import { expect, it } from "vitest";
import { ok } from "../support/http.mjs";
import { expectTouchTargets, signIn } from "./admin-support.js";
import { adminWithStation } from "./admin-with-station.js";
import { describeWithBrowser, screenshot } from "./browser.js";

interface PulledPrinter {
  name: string;
  address: string;
  kind: string;
  categoryIds: string[];
  width: number;
  vietnamese: string;
}

interface PulledCatalog {
  store: { ticketMaxAgeMinutes: number; printReceipts: boolean };
  categories: { id: string; name: string }[];
  printers: PulledPrinter[];
}

describeWithBrowser("the back office's printers", () => {
  const suite = adminWithStation("printers");
  let cursor = 0;

  /** What a station of the store pulls next: the catalog when it changed, else null. */
  const pullCatalog = async (): Promise<PulledCatalog | null> => {
    const answer = await ok(suite.server.url, "GET", `/api/sync/pull?cursor=${cursor}`, {
      token: suite.deviceToken,
    });
    cursor = answer.cursor;
    return answer.catalog;
  };
  const row = (name: string) => suite.page.locator(`[data-testid=printer-row][data-printer="${name}"]`);
  /** A printer's row as read: every cell but the ✎ ✕ buttons. */
  const cells = async (name: string) => (await row(name).locator("td").allTextContents()).slice(0, -1);
  const dialog = () => suite.page.getByTestId("printer-dialog");
  const save = async () => {
    await suite.page.getByTestId("printer-save").click();
    await dialog().waitFor({ state: "detached" });
  };

  it("lists the demo's bar and kitchen printers, paused until the shop turns them on", async () => {
    // Paused, they reach no station: a demo counter sends nothing to whatever is at those addresses.
    const first = await pullCatalog();
    expect(first?.printers).toEqual([]);
    expect(await pullCatalog()).toBeNull();

    await signIn(suite.page, `${suite.server.url}/admin/`, "quanly", "1234");
    await suite.page.getByTestId("dashboard").waitFor();
    await suite.page.getByRole("link", { name: "Máy in" }).click();
    await row("Bar").waitFor();
    expect(await cells("Bar")).toEqual([
      "Bar",
      "tcp://192.168.1.50:9100",
      "Phiếu chế biến",
      "Cà phê, Trà, Nước ép",
      "80 mm",
      "TCVN-3",
      "Tạm ngưng",
    ]);
    expect(await row("Bếp").locator("td").nth(3).textContent()).toBe("Bánh");
    await expectTouchTargets(suite.page);

    for (const name of ["Bar", "Bếp"]) {
      await row(name).getByTestId("printer-edit").click();
      await dialog().getByLabel("Đang dùng").check();
      await save();
      await expect.poll(() => row(name).locator("td").nth(6).textContent()).toBe("Đang dùng");
    }
    const turnedOn = await pullCatalog();
    expect(turnedOn?.printers.map((printer) => [printer.name, printer.address])).toEqual([
      ["Bar", "tcp://192.168.1.50:9100"],
      ["Bếp", "tcp://192.168.1.51:9100"],
    ]);
  });

  it("adds a receipt printer, port 9100 unless told", async () => {
    await suite.page.getByTestId("printer-add").click();
    await suite.page.getByTestId("printer-name").fill("Quầy thu ngân");
    await suite.page.getByTestId("printer-address").fill("http://192.168.1.60");
    await expect.poll(() => dialog().locator(".form-error").textContent()).toContain("tcp://");
    expect(await suite.page.getByTestId("printer-save").isDisabled()).toBe(true);
    await suite.page.getByTestId("printer-address").fill("192.168.1.60");
    await dialog().getByText("Hóa đơn", { exact: true }).click();
    expect(await suite.page.getByTestId("printer-categories").count()).toBe(0);
    await dialog().getByText("58 mm", { exact: true }).click();
    await dialog().getByText("In ảnh (máy in không có bảng mã tiếng Việt)").click();
    await screenshot(suite.page, "admin-printer-dialog");
    await save();
    await row("Quầy thu ngân").waitFor();
    expect(await cells("Quầy thu ngân")).toEqual([
      "Quầy thu ngân",
      "tcp://192.168.1.60:9100",
      "Hóa đơn",
      "—",
      "58 mm",
      "In ảnh",
      "Đang dùng",
    ]);
    const pulled = await pullCatalog();
    expect(pulled?.printers.find((printer) => printer.name === "Quầy thu ngân")).toMatchObject({
      address: "tcp://192.168.1.60:9100",
      kind: "receipt",
      categoryIds: [],
      width: 58,
      vietnamese: "raster",
    });
  });

  it("gives the kitchen another category", async () => {
    await row("Bếp").getByTestId("printer-edit").click();
    await dialog().getByLabel("Sinh tố").check();
    await save();
    await expect.poll(() => row("Bếp").locator("td").nth(3).textContent()).toBe("Sinh tố, Bánh");
    await screenshot(suite.page, "admin-printers");
    const pulled = await pullCatalog();
    const names = new Map(pulled?.categories.map((category) => [category.id, category.name]));
    const kitchen = pulled?.printers.find((printer) => printer.name === "Bếp");
    expect(kitchen?.categoryIds.map((id) => names.get(id)).sort()).toEqual(["Bánh", "Sinh tố"]);
  });

  it("sets how late a ticket may print by itself, and silent receipts", async () => {
    const settings = suite.page.getByTestId("print-settings");
    expect(await suite.page.getByTestId("ticket-max-age").inputValue()).toBe("15");
    await suite.page.getByTestId("ticket-max-age").fill("0");
    expect(await suite.page.getByTestId("print-settings-save").isDisabled()).toBe(true);
    await suite.page.getByTestId("ticket-max-age").fill("30");
    await suite.page.getByTestId("print-receipts").check();
    await suite.page.getByTestId("print-settings-save").click();
    await settings.getByRole("status").getByText("Đã lưu.").waitFor();
    const pulled = await pullCatalog();
    expect(pulled?.store).toMatchObject({ ticketMaxAgeMinutes: 30, printReceipts: true });
  });

  it("deletes a printer after asking", async () => {
    await row("Quầy thu ngân").getByTestId("printer-delete").click();
    await suite.page.getByTestId("confirm").click();
    await row("Quầy thu ngân").waitFor({ state: "detached" });
    const pulled = await pullCatalog();
    expect(pulled?.printers.map((printer) => printer.name)).toEqual(["Bar", "Bếp"]);
  });
});
