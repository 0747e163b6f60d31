import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashSecret } from "@quay/auth";
import { COMMON_ERRORS, declaredRoutes } from "@quay/service-kit";
import { fuzzRequests, fuzzScale, fuzzSeed, fuzzService, sqliteDigest } from "@quay/service-kit/fuzz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../db/open-database.js";
import { STATION_ERRORS } from "../errors.js";
import { startTestStation } from "../station.test-support.js";
import {
  FAKE_CATALOG,
  type FakeServer,
  ITEM_ID,
  ITEM2_ID,
  startFakeServer,
  TABLE_ID,
} from "../sync/fake-server.test-support.js";

const EPOCHS = 6;
const CALLS_PER_EPOCH = 110;

/** Ids the station has never heard of: another store's and another tenant's, as a client might send. */
const FOREIGN_IDS = ["0190b000-0000-7000-8000-000000000001", "0190b000-0000-7000-8000-000000000002"];

interface Seeded {
  readonly dataDir: string;
  readonly webRoot: string;
  readonly tokens: { name: string; token: string }[];
  readonly deadTokens: string[];
  readonly ids: Record<string, string[]>;
}

type Call = (
  token: string,
  method: string,
  url: string,
  body?: object,
) => Promise<{ id: string; lines: { id: string }[]; payments: { id: string }[]; total: number }>;

/**
 * The station bound to the fake server's demo store, with staff of every role signed in (the
 * manager and the waiter offline, from credentials cached here) and orders in every state, one
 * of them refused by the server. Each epoch runs a station on a copy of this data, with the sync
 * engine stopped so that only the calls change it.
 */
async function seedStation(server: FakeServer): Promise<Seeded> {
  const webRoot = mkdtempSync(join(tmpdir(), "quay-fuzz-cashier-"));
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Quầy</title>");
  writeFileSync(join(webRoot, "assets", "app.js"), "export {};");
  const station = await startTestStation(server.url, { startSync: false, webRoot });
  const call: Call = async (token, method, url, body) => {
    const response = await station.app.inject({
      method: method as "GET",
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body ? { payload: body } : {}),
    });
    if (response.statusCode >= 300)
      throw new Error(`set-up ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const cashier = await station.login("thungan", "1234");
  const owner = await station.login("admin", "admin123");
  const cached = station.db.credentials.list();
  const [managerHash, waiterHash, pinHash] = await Promise.all([
    hashSecret("1234"),
    hashSecret("1234"),
    hashSecret("5555"),
  ]);
  station.db.credentials.replaceAll([
    // The fake server's own waiter gives way to this one, whose password the fuzzer knows.
    ...cached.filter((entry) => entry.username !== "phucvu"),
    {
      userId: "0190a000-0000-7000-8000-0000000000a3",
      username: "quanly",
      name: "Quản lý",
      role: "manager",
      passwordHash: managerHash,
      pinHash,
      active: true,
    },
    {
      userId: "0190a000-0000-7000-8000-0000000000a4",
      username: "phucvu",
      name: "Phục vụ",
      role: "waiter",
      passwordHash: waiterHash,
      pinHash: null,
      active: true,
    },
  ]);
  const manager = await station.login("quanly", "1234", "offline");
  const waiter = await station.login("phucvu", "1234", "offline");
  const gone = await station.login("thungan", "1234", "offline");
  await station.app.inject({
    method: "POST",
    url: "/api/logout",
    headers: { authorization: `Bearer ${gone}` },
  });

  let open = await call(waiter, "POST", "/api/orders", { tableId: TABLE_ID });
  open = await call(waiter, "POST", `/api/orders/${open.id}/lines`, { itemId: ITEM_ID, quantity: 2 });
  open = await call(waiter, "POST", `/api/orders/${open.id}/lines`, { itemId: ITEM2_ID, quantity: 1 });
  let paid = await call(cashier, "POST", "/api/orders", {});
  paid = await call(cashier, "POST", `/api/orders/${paid.id}/lines`, { itemId: ITEM_ID, quantity: 3 });
  paid = await call(cashier, "POST", `/api/orders/${paid.id}/payments`, {
    method: "cash",
    amount: paid.total,
  });
  let voided = await call(owner, "POST", "/api/orders", {});
  voided = await call(owner, "POST", `/api/orders/${voided.id}/lines`, { itemId: ITEM2_ID, quantity: 1 });
  voided = await call(owner, "POST", `/api/orders/${voided.id}/void`, { reason: "khách về" });
  const empty = await call(cashier, "POST", "/api/orders", {});
  let refused = await call(cashier, "POST", "/api/orders", {});
  refused = await call(cashier, "POST", `/api/orders/${refused.id}/lines`, { itemId: ITEM_ID, quantity: 1 });
  station.db.refused.refuse(refused.id, {
    code: "FORBIDDEN",
    message: null,
    at: new Date().toISOString(),
  });
  await station.close(true);

  const orders = [open, paid, voided, empty, refused];
  return {
    dataDir: station.dataDir,
    webRoot,
    tokens: [
      { name: "owner", token: owner },
      { name: "manager", token: manager },
      { name: "cashier", token: cashier },
      { name: "waiter", token: waiter },
    ],
    deadTokens: [gone],
    ids: {
      store: [FAKE_CATALOG.store.id],
      item: [ITEM_ID, ITEM2_ID],
      category: FAKE_CATALOG.categories.map((category) => category.id),
      table: [TABLE_ID],
      order: [open.id, open.id, ...orders.map((order) => order.id)],
      line: orders.flatMap((order) => order.lines.map((line) => line.id)),
      payment: paid.payments.map((payment) => payment.id),
    },
  };
}

/**
 * Tables a refused call may change: `auth_attempts`, the throttle's count of wrong passwords and
 * PINs (docs/security.md, "Throttling"), which a refused login or PIN must write (that is its
 * job) and a right one clears.
 */
const DIGEST_SKIPPED_TABLES: ReadonlySet<string> = new Set(["auth_attempts"]);

/**
 * Every route the station declares, called with random and hostile input under every kind of
 * credential (`@quay/service-kit/fuzz`): never a 5xx, every refusal in the contract's shape,
 * nothing in the station's file changed by a refused call. `FUZZ_SEED` replays a run.
 */
describe("the station's routes, fuzzed", () => {
  const seed = fuzzSeed();
  let server: FakeServer;
  let seeded: Seeded;
  beforeAll(async () => {
    server = await startFakeServer();
    seeded = await seedStation(server);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(seeded?.dataDir ?? "", { recursive: true, force: true });
    rmSync(seeded?.webRoot ?? "", { recursive: true, force: true });
  });

  it("keeps the contract on every call", async () => {
    const routesOf = async () => {
      const probe = await startTestStation(server.url, { startSync: false, webRoot: seeded.webRoot });
      const routes = [...declaredRoutes(probe.app)];
      await probe.close();
      return routes;
    };
    const routes = await routesOf();
    const report = await fuzzService({
      name: "station",
      seed,
      epochs: EPOCHS,
      callsPerEpoch: Math.round(CALLS_PER_EPOCH * fuzzScale()),
      async start() {
        const dataDir = mkdtempSync(join(tmpdir(), "quay-fuzz-station-"));
        copyFileSync(join(seeded.dataDir, DATABASE_FILE), join(dataDir, DATABASE_FILE));
        const running = await startTestStation(server.url, {
          startSync: false,
          dataDir,
          webRoot: seeded.webRoot,
        });
        const digest = sqliteDigest(join(dataDir, DATABASE_FILE), { tables: DIGEST_SKIPPED_TABLES });
        return {
          inject: (options) => running.app.inject(options),
          digest: digest.read,
          registry: { ...COMMON_ERRORS, ...STATION_ERRORS },
          async close() {
            await digest.close();
            await running.close();
          },
        };
      },
      requests: fuzzRequests({
        routes,
        ids: seeded.ids,
        foreignIds: {
          store: FOREIGN_IDS,
          item: FOREIGN_IDS,
          table: FOREIGN_IDS,
          order: FOREIGN_IDS,
          line: FOREIGN_IDS,
        },
        values: {
          username: ["thungan", "admin", "quanly", "phucvu", "THUNGAN", "nobody"],
          password: ["1234", "admin123", "wrong"],
          managerPin: ["9999", "5555", "0000"],
          mode: ["offline", "online"],
          amount: [100_000, 29_000, 500_000, 1_000],
          quantity: [1, 2, 9_999],
          reason: ["khách đổi món", " "],
          method: ["cash", "card", "transfer"],
        },
        tokens: seeded.tokens,
        deadTokens: seeded.deadTokens,
        weights: {
          "POST /api/orders/:id/lines": 8,
          "POST /api/orders/:id/payments": 8,
          "POST /api/login": 2,
        },
      }),
      // The cashier's "sync now" is refused with 409 while the server cannot be reached (docs/api.md).
      statusExceptions: ["POST /api/sync SERVER_UNREACHABLE 409"],
    });
    expect(report.problems, `FUZZ_SEED=${seed}\n${report.problems.join("\n\n")}`).toEqual([]);
    expect(report.calls).toBeGreaterThanOrEqual(EPOCHS * CALLS_PER_EPOCH);
    expect(routes.filter((route) => !report.statuses.has(`${route.method} ${route.url}`))).toEqual([]);
  }, 300_000);
});
