import { COMMON_ERRORS } from "@quay/service-kit";
import { fuzzRequests, fuzzScale, fuzzSeed, fuzzService } from "@quay/service-kit/fuzz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_ERRORS } from "../server-errors.js";
import { testEngines } from "../test-support/engines.test-support.js";
import { ServerFuzzWorld } from "./fuzz-world.test-support.js";
import { pushBodies } from "./push-batches.test-support.js";

/** Calls per engine: SQLite carries most of the run, PostgreSQL (slower per call) a share of it. */
const PLAN = {
  sqlite: { epochs: 8, callsPerEpoch: 160 },
  postgres: { epochs: 4, callsPerEpoch: 180 },
} as const;

/**
 * Every route the server declares, called with random and hostile input under every kind of
 * credential (`@quay/service-kit/fuzz`), and the sync push with real, replayed and forged
 * batches: never a 5xx, every refusal in the contract's shape, and nothing stored changes on a
 * refused call. `FUZZ_SEED` replays a run; `FUZZ_SCALE` makes it longer.
 */
describe.each(testEngines())("the server's routes, fuzzed on $name", (engine) => {
  const seed = fuzzSeed();
  let world: ServerFuzzWorld;
  beforeAll(async () => {
    world = await ServerFuzzWorld.create(engine, seed);
  }, 120_000);
  afterAll(async () => {
    world?.dispose();
    await engine.dispose();
  });

  it("keeps the contract on every call", async () => {
    const { epochs, callsPerEpoch } = PLAN[engine.name];
    const data = world.data;
    const report = await fuzzService({
      name: `server on ${engine.name}`,
      seed,
      epochs,
      callsPerEpoch: Math.round(callsPerEpoch * fuzzScale()),
      async start(epoch) {
        const { app, storage, digest } = await world.start(seed + 1_000 + epoch);
        return {
          inject: (options) => app.inject(options),
          digest: () => digest.read(),
          registry: { ...COMMON_ERRORS, ...SERVER_ERRORS },
          async close() {
            await app.close();
            await storage.close();
            await digest.close();
          },
        };
      },
      requests: fuzzRequests({
        routes: world.routes,
        ids: data.ids,
        values: data.values,
        tokens: data.tokens,
        deadTokens: data.deadTokens,
        bodies: { "POST /api/sync/push": pushBodies(data) },
        preferredTokens: {
          "POST /api/sync/push": ["station", "stationA"],
          "GET /api/sync/pull": ["station", "stationA"],
          "GET /api/sync/events": ["station"],
        },
        weights: {
          "POST /api/sync/push": 24,
          "POST /api/orders/:id/lines": 8,
          "POST /api/orders/:id/payments": 8,
        },
      }),
    });
    const calls = report.calls;
    expect(report.problems, `FUZZ_SEED=${seed}\n${report.problems.join("\n\n")}`).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(epochs * callsPerEpoch);
    // Every declared route was called, so a new route is fuzzed from the day it is declared.
    expect(world.routes.filter((route) => !report.statuses.has(`${route.method} ${route.url}`))).toEqual([]);
  }, 300_000);
});
