/**
 * The back office's store settings page (issue 13, item 4) in real headless Chromium against a
 * real demo quay-server: a manager sees the demo store's settings, is stopped on a tax code and a
 * footer line that do not fit, changes the receipt's lines and the VietQR account, and a station
 * of the store finds every change in the catalog of its next pull.
 */
import { expect, it } from "vitest";
import { ok } from "../support/http.mjs";
import { expectTouchTargets, signIn } from "./admin-support.js";
import { adminWithStation } from "./admin-with-station.js";
import { describeWithBrowser, screenshot } from "./browser.js";

describeWithBrowser("the back office's store settings", () => {
  const suite = adminWithStation("store");

  it("changes what the receipts print and where transfers go, and the counters pull it", async () => {
    const { server, page, deviceToken } = suite;
    await signIn(page, `${server.url}/admin/`, "quanly", "1234");
    await page.goto(`${server.url}/admin/#/store`);
    const field = (name: string) => page.getByTestId(`store-${name}`);
    await expect.poll(() => field("name").inputValue()).toBe("Quán Cà Phê Demo");
    expect(await field("taxCode").inputValue()).toBe("0312345678");
    expect(await field("bankBin").inputValue()).toBe("970436");
    await expectTouchTargets(page);

    await field("taxCode").fill("03123");
    await field("receiptFooter").fill(`Cảm ơn quý khách!\n${"x".repeat(49)}`);
    expect(await page.locator(".form-error").count()).toBe(2);
    expect(await page.getByTestId("store-save").isDisabled()).toBe(true);

    await field("taxCode").fill("0312345678-001");
    await field("receiptFooter").fill("Cảm ơn quý khách!\nMở cửa 7:00 – 22:00");
    await field("wifi").fill("Wi-Fi: CaPheDemo / mật khẩu: 12345678");
    await field("bankBin").fill("970407");
    await field("bankAccount").fill("19031234567890");
    await field("bankAccountName").fill("Quan Ca Phe Demo");
    await page.getByTestId("store-save").click();
    await page.getByRole("status").waitFor();
    await screenshot(page, "admin-store");

    const { catalog } = await ok(server.url, "GET", "/api/sync/pull?cursor=0", { token: deviceToken });
    expect(catalog.store).toMatchObject({
      taxCode: "0312345678-001",
      receiptFooter: "Cảm ơn quý khách!\nMở cửa 7:00 – 22:00",
      wifi: "Wi-Fi: CaPheDemo / mật khẩu: 12345678",
      bank: { bin: "970407", account: "19031234567890", accountName: "QUAN CA PHE DEMO" },
    });
  });
});
