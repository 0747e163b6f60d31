/** The set-up the back-office pages that stations pull share: a demo server, a station, a desktop page. */
import { PROTOCOL_VERSION } from "@quay/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { login, ok } from "../support/http.mjs";
import { type RunningProcess, removeDir, startServer, tempDir } from "../support/processes.mjs";
import { newDesktop } from "./admin-support.js";
import { launchChromium, screenshotOnFailure } from "./browser.js";

export interface AdminWithStation {
  readonly server: RunningProcess;
  readonly page: Page;
  /** The device token of a station registered at CH01 by the manager, to pull as it would. */
  readonly deviceToken: string;
  /** That station's id and code, to write ops as it would. */
  readonly stationId: string;
  readonly stationCode: string;
}

/**
 * Inside a suite: starts a demo quay-server, registers a station of CH01, and opens a desktop page
 * in Chromium before the tests, and stops them all after. Read the fields inside the tests.
 */
export function adminWithStation(name: string): AdminWithStation {
  const dataDir = tempDir(`server-${name}`);
  const suite = {} as {
    server: RunningProcess;
    page: Page;
    deviceToken: string;
    stationId: string;
    stationCode: string;
  };
  let browser: Browser | undefined;
  let desktop: BrowserContext | undefined;

  beforeAll(async () => {
    suite.server = await startServer({ dataDir });
    const manager = await login(suite.server.url, "quanly", "1234");
    const station = await ok(suite.server.url, "POST", "/api/sync/register", {
      token: manager,
      body: { protocolVersion: PROTOCOL_VERSION, storeCode: "CH01", name: "Quầy 1" },
    });
    suite.deviceToken = station.deviceToken;
    suite.stationId = station.stationId;
    suite.stationCode = station.stationCode;
    browser = await launchChromium();
    desktop = await newDesktop(browser);
    suite.page = await desktop.newPage();
  });

  screenshotOnFailure(`${name}-`, () => suite.page);

  afterAll(async () => {
    await desktop?.close();
    await browser?.close();
    await suite.server?.stop();
    removeDir(dataDir);
  });

  return suite;
}
