import { loginThrottleKeys } from "@quay/auth";
import { fixedClock } from "@quay/core";
import type { FastifyBaseLogger } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { AttemptGuard } from "./attempt-guard.js";

describe.each(testEngines())("the attempt guard on $name", (engine) => {
  afterAll(() => engine.dispose());

  it("logs each lock as a warning, with the user and the address", async () => {
    const storage = await (await engine.fresh()).open();
    const warnings: unknown[][] = [];
    const log = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as FastifyBaseLogger;
    const clock = fixedClock(Date.parse("2026-11-28T03:00:00.000Z"));
    const guard = new AttemptGuard(storage, clock, log);
    const keys = loginThrottleKeys("ThuNgan", "203.0.113.7");
    try {
      for (let failure = 1; failure <= 21; failure++) {
        expect(await guard.check(keys, null, async () => null)).toBeNull();
        expect(warnings).toHaveLength(failure < 20 ? 0 : failure - 19);
        clock.advance(15 * 60_000);
      }
      expect(warnings[0]).toEqual([
        {
          subject: "login:thungan",
          address: "login-from:203.0.113.7",
          locked: ["login:thungan", "login-from:203.0.113.7"],
          until: "2026-11-28T08:00:00.000Z",
        },
        "too many failed attempts: locked",
      ]);
    } finally {
      await storage.close();
    }
  });

  it("forgets a key's failures after an hour without one, and prunes its row", async () => {
    const db = await engine.fresh();
    const storage = await db.open();
    const log = { warn: () => {} } as unknown as FastifyBaseLogger;
    const clock = fixedClock(Date.parse("2026-11-28T03:00:00.000Z"));
    const guard = new AttemptGuard(storage, clock, log);
    try {
      await guard.check(loginThrottleKeys("thungan", "203.0.113.7"), null, async () => null);
      clock.advance(60 * 60_000);
      await guard.check(loginThrottleKeys("quanly", "198.51.100.1"), null, async () => null);
      const keys = await db.query<{ throttle_key: string }>("SELECT throttle_key FROM auth_attempts");
      expect(keys.map((row) => row.throttle_key).sort()).toEqual(["login-from:198.51.100.1", "login:quanly"]);
    } finally {
      await storage.close();
    }
  });
});
