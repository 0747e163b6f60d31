import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterEach, describe } from "vitest";

/** Debian's `chromium` package (`.ci/run` installs it). */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * `describe` for a suite that drives Chromium. Without the browser the suite is skipped with a
 * warning, except under CI (`CI=true`), where that fails the run: a green CI ran every suite.
 */
export function describeWithBrowser(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, suite);
    return;
  }
  if (process.env.CI === "true") {
    throw new Error(`"${name}" needs ${CHROMIUM}, which is missing (CI=true: not skipping it)`);
  }
  console.warn(`"${name}" skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
  describe.skip(name, suite);
}

const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
const DOC_IMAGES = fileURLToPath(new URL("../../docs/images/", import.meta.url));

/** Headless Chromium with nothing that phones home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Saves `tests/e2e/screenshots/NAME.png` (kept as an artifact), and with `forDocs` the same
 * picture as `docs/images/NAME.png`, which the docs show.
 */
export async function screenshot(page: Page, name: string, { forDocs = false } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  if (forDocs) {
    mkdirSync(DOC_IMAGES, { recursive: true });
    copyFileSync(path, join(DOC_IMAGES, `${name}.png`));
  }
}

/**
 * Inside a suite: after a failed test, leaves its screen behind as `failed-PREFIX-TEST.tmp.png`
 * (ignored by git). `page` is read when the test ends, as the suite's page is set in beforeAll.
 */
export function screenshotOnFailure(prefix: string, page: () => Page | undefined): void {
  afterEach(async (test) => {
    const current = page();
    if (test.task.result?.state === "fail" && current)
      await screenshot(current, `failed-${prefix}${test.task.name.replace(/\W+/g, "-")}.tmp`);
  });
}
