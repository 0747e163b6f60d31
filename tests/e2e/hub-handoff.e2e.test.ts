/**
 * A phone on the cloud waiter app carries on through the shop's hub when the internet fails
 * (issue 10, item 3), in real headless Chromium against real quay-server and quay-station
 * processes. The "LAN" is loopback: the station is told its shop address is 127.0.0.1.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type CounterBehindInternet,
  startCounterBehindInternet,
} from "../support/counter-behind-internet.js";
import { login, ok, waitFor } from "../support/http.mjs";
import { newDesktop, newPhone, signIn } from "./admin-support.js";
import { describeWithBrowser, launchChromium, screenshot, screenshotOnFailure } from "./browser.js";

describeWithBrowser("the waiter app handed over to the shop's hub", () => {
  /** The internet is between the cloud and both the phone and the station. */
  let shop: CounterBehindInternet;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let hubUrl = "";

  beforeAll(async () => {
    shop = await startCounterBehindInternet("e2e-handoff", { lanAddress: "127.0.0.1" });
    hubUrl = `http://127.0.0.1:${shop.station.port}`;
    // The first online login registers the station, which then tells the cloud where it is.
    await login(hubUrl, "thungan", "1234", "online");
    const waiter = await login(shop.server.url, "phucvu", "1234");
    const { stores } = await ok(shop.server.url, "GET", "/api/me", { token: waiter });
    await waitFor(
      async () => {
        const network = await ok(shop.server.url, "GET", `/api/stores/${stores[0].id}/shop-network`, {
          token: waiter,
        });
        return network.hubs.some((hub: { urls: string[] }) => hub.urls.includes(hubUrl));
      },
      { timeoutMs: 10_000, what: "the hub's address at the cloud" },
    );
    browser = await launchChromium();
    phone = await newPhone(browser);
    page = await phone.newPage();
  });

  screenshotOnFailure("handoff-", () => page);

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await shop?.stop();
  });

  it("loses the cloud, and one tap lands signed in on the hub's waiter app", async () => {
    await signIn(page, `${shop.internet.url}/m/`, "phucvu", "1234");
    await page.locator("[data-testid=table-tile]").first().waitFor();
    // While online the app keeps the store's hubs and a pass.
    await waitFor(
      () =>
        page.evaluate(
          `(localStorage.getItem("quay.waiter.hubHandoff") ?? "").includes(${JSON.stringify(hubUrl)})`,
        ),
      { what: "the hub handoff kept on the phone" },
    );
    expect(await page.getByTestId("use-shop-network").count()).toBe(0);

    await shop.internet.setMode("refuse");
    const tap = page.getByTestId("use-shop-network");
    await tap.waitFor({ timeout: 15_000 });
    expect(await tap.textContent()).toBe("Dùng mạng của quán");
    await screenshot(page, "waiter-handoff-offer");
    await tap.click();

    await page.waitForURL(`${hubUrl}/m/**`);
    await page.locator(".w-header-title").getByText("Phạm Quốc Huy").waitFor({ timeout: 10_000 });
    // The pass left the address bar at once: no reload, history entry or shared link carries it.
    expect(new URL(page.url()).hash).toBe("");
    const session = JSON.parse(
      (await page.evaluate(`localStorage.getItem("quay.waiter.session")`)) as string,
    );
    expect(session.user.username).toBe("phucvu");
    const asked = await ok(hubUrl, "GET", "/api/session", { token: session.token });
    expect(asked.user.username).toBe("phucvu");
    await shop.internet.setMode("pass");
  });

  it("shows the cashier the QR code of the waiter app on this station", async () => {
    const desk = await newDesktop(browser);
    const cashier = await desk.newPage();
    await cashier.goto(hubUrl);
    await cashier.getByLabel("Tên đăng nhập").fill("thungan");
    await cashier.getByLabel("Mật khẩu").fill("1234");
    await cashier.getByRole("button", { name: "Đăng nhập" }).click();
    await cashier.getByTestId("open-connections").click();
    const dialog = cashier.getByTestId("connections-dialog");
    await dialog.locator("svg.qr-code").waitFor();
    expect(await dialog.locator("svg.qr-code").getAttribute("data-payload")).toBe(`${hubUrl}/m/`);
    expect(await dialog.getByTestId("waiter-url").textContent()).toBe(`${hubUrl}/m/`);
    await screenshot(cashier, "cashier-connections");
    await desk.close();
  });
});
