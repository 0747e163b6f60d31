import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { managerPinThrottleKeys } from "@quay/auth";
import { fixedClock } from "@quay/core";
import { afterEach, describe, expect, it } from "vitest";
import { AttemptLog } from "../db/attempt-log.js";
import { openDatabase } from "../db/open-database.js";
import type { Logger } from "../logger.js";
import { AttemptGuard } from "./attempt-guard.js";

describe("the station's attempt guard", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("logs each lock as a warning, with the user and the address, and prunes forgotten keys", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quay-station-guard-"));
    dirs.push(dir);
    const db = openDatabase(dir);
    const warnings: unknown[][] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
    const clock = fixedClock(Date.parse("2026-11-28T03:00:00.000Z"));
    const guard = new AttemptGuard(new AttemptLog(db), clock, logger);
    const keys = managerPinThrottleKeys("store-1", "cashier-1", "127.0.0.1");
    try {
      for (let failure = 1; failure <= 20; failure++) {
        expect(await guard.check(keys, async () => null)).toBeNull();
        if (failure < 20) clock.advance(60_000);
      }
      expect(warnings).toEqual([
        [
          {
            subject: "manager-pin:store-1:cashier-1",
            address: "manager-pin-from:127.0.0.1",
            locked: ["manager-pin:store-1:cashier-1", "manager-pin-from:127.0.0.1"],
            until: "2026-11-28T03:34:00.000Z",
          },
          "too many failed attempts: locked",
        ],
      ]);
      clock.advance(60 * 60_000);
      await guard.check(managerPinThrottleKeys("store-1", "cashier-2", "127.0.0.2"), async () => null);
      const keysLeft = db
        .prepare("SELECT throttle_key FROM auth_attempts ORDER BY throttle_key")
        .pluck()
        .all();
      expect(keysLeft).toEqual(["manager-pin-from:127.0.0.2", "manager-pin:store-1:cashier-2"]);
    } finally {
      db.close();
    }
  });
});
