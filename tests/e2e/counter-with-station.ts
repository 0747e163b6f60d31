/** The set-up the counter's browser tests share: a demo server, a station of it, a counter-sized page. */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "../support/processes.mjs";
import { launchChromium, screenshotOnFailure } from "./browser.js";

export interface CounterWithStation {
  readonly server: RunningProcess;
  readonly station: RunningProcess;
  /** A 1280 × 800 page in Vietnamese, the size of a counter's screen. */
  readonly page: Page;
}

/**
 * Inside a suite: starts a demo quay-server and a quay-station pulling from it, and opens a page in
 * Chromium before the tests, and stops them all after. Read the fields inside the tests.
 */
export function counterWithStation(name: string): CounterWithStation {
  const serverData = tempDir(`e2e-${name}-server`);
  const stationData = tempDir(`e2e-${name}-station`);
  const suite = {} as { server: RunningProcess; station: RunningProcess; page: Page };
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    suite.server = await startServer({ dataDir: serverData });
    suite.station = await startStation({ serverUrl: suite.server.url, dataDir: stationData });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    suite.page = await context.newPage();
  });

  screenshotOnFailure(name, () => suite.page);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await suite.station?.stop();
    await suite.server?.stop();
    removeDir(serverData);
    removeDir(stationData);
  });

  return suite;
}

/** Signs in at the counter as the demo cashier, online. */
export async function signInAsCashier(page: Page, stationUrl: string): Promise<void> {
  await page.goto(stationUrl);
  await page.getByLabel("Tên đăng nhập").fill("thungan");
  await page.getByLabel("Mật khẩu").fill("1234");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}
