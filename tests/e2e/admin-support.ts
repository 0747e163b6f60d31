/** What the waiter-app and back-office browser tests share. */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

/** A phone: 390 × 844 CSS pixels, touch, as a mid-range Android or an iPhone 13/14. */
export function newPhone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
}

/** A desktop browser in the back office. */
export function newDesktop(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
  });
}

/** Every visible button is at least 44 px high and wide: a finger, not a mouse. */
export async function expectTouchTargets(page: Page): Promise<void> {
  const buttons = page.locator("button:visible");
  const small: string[] = [];
  for (let index = 0; index < (await buttons.count()); index += 1) {
    const box = await buttons.nth(index).boundingBox();
    if (box !== null && (box.height < 44 || box.width < 44)) {
      small.push(`${(await buttons.nth(index).textContent()) ?? "?"} ${box.width}×${box.height}`);
    }
  }
  expect(small).toEqual([]);
}

/** Signs in on the sign-in form both apps share (Vietnamese labels). */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** The whole đồng a `Money` element shows (its `data-amount`). */
export async function amountOf(page: Page, selector: string): Promise<number> {
  return Number(await page.locator(selector).first().getAttribute("data-amount"));
}

/** A local day (YYYY-MM-DD) in Ho Chi Minh City, `daysAgo` before today. */
export function localDay(daysAgo = 0, now = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Ho_Chi_Minh",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now - daysAgo * 86_400_000);
}

/** Reads a CSV the back office exported: its BOM, and its rows split into cells (no quoted commas here). */
export function parseCsv(text: string): { bom: boolean; rows: string[][] } {
  const bom = text.startsWith("\uFEFF");
  const rows = (bom ? text.slice(1) : text)
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => line.split(","));
  return { bom, rows };
}
