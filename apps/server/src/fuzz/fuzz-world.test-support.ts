import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixedClock, type SoldItem, uuidV7Generator } from "@quay/core";
import { PROTOCOL_VERSION } from "@quay/protocol";
import { type DeclaredRoute, declaredRoutes, type HttpService } from "@quay/service-kit";
import type { DatabaseDigest } from "@quay/service-kit/fuzz";
import { seedDemo } from "../demo/seed-demo.js";
import { buildServer } from "../server.js";
import { SQLITE_FILE_NAME } from "../storage/open-storage.js";
import type { ServerStorage } from "../storage/server-storage.js";
import type { TestDatabase, TestEngine } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { TEST_START } from "../test-support/test-server.test-support.js";
import { PASSWORD, seedWorld, type World, type WorldStore } from "../test-support/world.test-support.js";
import { openDigest } from "./database-digest.test-support.js";

/** Random bytes from a seed (xorshift32): the same ids for the same seed, run after run. */
export function seededBytes(seed: number): (length: number) => Uint8Array {
  let state = seed >>> 0 || 0x9e3779b9;
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let index = 0; index < length; index++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[index] = state & 0xff;
    }
    return bytes;
  };
}

/** A call as the set-up makes it: must succeed. */
async function must<T>(
  app: HttpService,
  method: string,
  url: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const response = await app.inject({
    method: method as "GET",
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
  if (response.statusCode >= 300)
    throw new Error(`set-up ${method} ${url}: ${response.statusCode} ${response.body}`);
  return (response.body ? response.json() : undefined) as T;
}

interface OrderAnswer {
  id: string;
  total: number;
  lines: { id: string }[];
  payments: { id: string }[];
}

/** What the fuzzer knows about the seeded server: its credentials, ids and a push to replay. */
export interface ServerFuzzData {
  readonly tokens: { name: string; token: string; weight?: number }[];
  readonly deadTokens: string[];
  /** The demo store's ids, by kind. */
  readonly ids: Record<string, string[]>;
  /** The test world's ids (another tenant's, and other stores of one), by kind. */
  readonly foreignIds: Record<string, string[]>;
  readonly values: Record<string, unknown[]>;
  /** The demo store's station, which pushed `heldBatch` while the world was set up. */
  readonly station: { id: string; storeId: string; userId: string; token: string };
  readonly heldBatch: object[];
  /** Orders of the demo store, by state. */
  readonly orders: { open: string; paid: string; void: string; empty: string; otherStore: string };
  readonly demoItems: { id: string; name: string; price: number; vatRate: number }[];
  readonly demoTableIds: string[];
  readonly world: World;
}

/**
 * A server seeded with the demo store (docs/api.md, "Demo data") and the two tenants of the
 * test world, staff of every role logged in, stations registered (one revoked), orders in every
 * state and a push held. Each epoch starts a server on a copy of exactly this data.
 */
export class ServerFuzzWorld {
  private constructor(
    private readonly db: TestDatabase,
    private readonly restore: () => Promise<void>,
    private readonly webDist: string,
    readonly data: ServerFuzzData,
    /** Every route the server declares, as it declared them. */
    readonly routes: readonly DeclaredRoute[],
  ) {}

  static async create(engine: TestEngine, seed: number): Promise<ServerFuzzWorld> {
    const db = await engine.fresh();
    const storage = await db.open();
    const clock = fixedClock(TEST_START);
    const newId = uuidV7Generator(clock, seededBytes(seed));
    await seedDemo(storage, newId, new Date(TEST_START));
    const world = await seedWorld(storage, newId, new Date(TEST_START).toISOString());
    const webDist = fakeWebDist();
    const app = await buildServer({ storage, clock, newId, logLevel: "silent", webDist });
    let data: ServerFuzzData;
    const routes = [...declaredRoutes(app)];
    try {
      data = await seedActivity(app, world);
    } finally {
      await app.close();
      await storage.close();
    }
    const restore = db.engine === "sqlite" ? await sqliteSnapshot(db) : await postgresSnapshot(db);
    return new ServerFuzzWorld(db, restore, webDist, data, routes);
  }

  /** A server on the seeded data as it was after `create`, with ids of its own (`idSeed`). */
  async start(idSeed: number): Promise<{ app: HttpService; storage: ServerStorage; digest: DatabaseDigest }> {
    await this.restore();
    const storage = await this.db.open();
    const clock = fixedClock(TEST_START);
    const app = await buildServer({
      storage,
      clock,
      newId: uuidV7Generator(clock, seededBytes(idSeed)),
      logLevel: "silent",
      webDist: this.webDist,
    });
    await app.ready();
    const digest = await openDigest(this.db);
    return { app, storage, digest };
  }

  dispose(): void {
    rmSync(this.webDist, { recursive: true, force: true });
  }
}

/** A web build of three files, so the static routes have something to serve and to guard. */
function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "quay-fuzz-web-"));
  for (const folder of ["m", "admin", "assets"]) mkdirSync(join(dir, folder));
  writeFileSync(join(dir, "m", "index.html"), "<!doctype html><title>m</title>");
  writeFileSync(join(dir, "admin", "index.html"), "<!doctype html><title>admin</title>");
  writeFileSync(join(dir, "assets", "app.js"), "export {};");
  return dir;
}

/** Logs every role in, registers stations, makes orders in every state and pushes a batch. */
async function seedActivity(app: HttpService, world: World): Promise<ServerFuzzData> {
  const login = async (username: string, password: string) =>
    (await must<{ token: string }>(app, "POST", "/api/login", null, { username, password })).token;
  const tokens: ServerFuzzData["tokens"] = [
    { name: "owner", token: await login("admin", "admin123"), weight: 3 },
    { name: "manager", token: await login("quanly", "1234"), weight: 3 },
    { name: "cashier", token: await login("thungan", "1234"), weight: 3 },
    { name: "waiter", token: await login("phucvu", "1234"), weight: 3 },
    { name: "ownerA", token: await login("ownera", PASSWORD) },
    { name: "managerA", token: await login("managera", PASSWORD) },
    { name: "managerA2", token: await login("managera2", PASSWORD) },
    { name: "cashierB", token: await login("cashierb", PASSWORD) },
  ];
  const token = (name: string) => tokens.find((entry) => entry.name === name)?.token ?? "";
  const loggedOut = await login("waitera", PASSWORD);
  await must(app, "POST", "/api/logout", loggedOut);

  const catalog = await must<{
    store: { id: string; code: string };
    items: (SoldItem & { categoryId: string })[];
    categories: { id: string }[];
    areas: { id: string }[];
    tables: { id: string }[];
  }>(app, "GET", "/api/catalog", token("owner"));
  const demo = catalog.store;

  const register = async (as: string, storeCode: string, name: string) =>
    must<{ stationId: string; deviceToken: string }>(app, "POST", "/api/sync/register", token(as), {
      protocolVersion: PROTOCOL_VERSION,
      storeCode,
      name,
    });
  const station = await register("cashier", "CH01", "Quầy chính");
  const stationA = await register("managerA", "CH01", "Quầy A1");
  const revoked = await register("manager", "CH01", "Quầy cũ");
  await must(app, "DELETE", `/api/stations/${revoked.stationId}`, token("owner"));
  tokens.push(
    { name: "station", token: station.deviceToken },
    { name: "stationA", token: stationA.deviceToken },
  );

  const [first, second] = catalog.items;
  const [table] = catalog.tables;
  if (!first || !second || !table) throw new Error("the demo menu and floor are empty");
  const openOrder = async (as: string, body: object) =>
    must<OrderAnswer>(app, "POST", "/api/orders", token(as), body);
  const addLine = async (as: string, id: string, itemId: string, quantity: number) =>
    must<OrderAnswer>(app, "POST", `/api/orders/${id}/lines`, token(as), { itemId, quantity });

  let open = await openOrder("waiter", { tableId: table.id });
  open = await addLine("waiter", open.id, first.id, 2);
  open = await addLine("waiter", open.id, second.id, 1);
  let paid = await openOrder("cashier", {});
  paid = await addLine("cashier", paid.id, first.id, 3);
  paid = await must<OrderAnswer>(app, "POST", `/api/orders/${paid.id}/payments`, token("cashier"), {
    method: "cash",
    amount: paid.total + 5_000,
  });
  let voided = await openOrder("owner", {});
  voided = await addLine("owner", voided.id, second.id, 1);
  voided = await must<OrderAnswer>(app, "POST", `/api/orders/${voided.id}/void`, token("owner"), {
    reason: "khách về",
  });
  const empty = await openOrder("cashier", {});
  const a1 = world.stores.a1;
  let otherStore = await openOrder("ownerA", { storeId: a1.id });
  otherStore = await addLine("ownerA", otherStore.id, a1.items[0]?.id ?? "", 1);

  // A batch the demo station pushed: replaying it must change nothing.
  const users = await must<{ users: { id: string; username: string }[] }>(
    app,
    "GET",
    "/api/users",
    token("owner"),
  );
  const userId = (username: string) => users.users.find((user) => user.username === username)?.id ?? "";
  const cashierId = userId("thungan");
  const storeShape: Pick<WorldStore, "id" | "code" | "items" | "tableIds" | "ownerId"> = {
    id: demo.id,
    code: demo.code,
    ownerId: userId("admin"),
    items: catalog.items.slice(0, 3),
    tableIds: catalog.tables.map((entry) => entry.id),
  };
  const factory = new OpFactory(storeShape, station.stationId, cashierId);
  const pushedPaid = factory.invoice({
    at: new Date(TEST_START - 3_600_000).toISOString(),
    paid: true,
    lines: 2,
  });
  const pushedOpen = factory.invoice({ at: new Date(TEST_START - 60_000).toISOString(), lines: 1 });
  const heldBatch = [...pushedPaid.ops, ...pushedOpen.ops];
  await must(app, "POST", "/api/sync/push", station.deviceToken, {
    protocolVersion: PROTOCOL_VERSION,
    ops: heldBatch,
  });

  const worldStores = Object.values(world.stores);
  return {
    tokens,
    deadTokens: [loggedOut, revoked.deviceToken],
    ids: {
      store: [demo.id],
      item: catalog.items.slice(0, 6).map((item) => item.id),
      category: catalog.categories.map((entry) => entry.id),
      area: catalog.areas.map((entry) => entry.id),
      table: catalog.tables.slice(0, 4).map((entry) => entry.id),
      user: users.users.map((user) => user.id),
      station: [station.stationId, revoked.stationId],
      order: [open.id, open.id, paid.id, voided.id, empty.id, pushedPaid.orderId, pushedOpen.orderId],
      line: [open, paid, voided].flatMap((order) => order.lines.map((line) => line.id)),
      payment: paid.payments.map((payment) => payment.id),
      op: heldBatch.map((op) => op.id),
    },
    foreignIds: {
      store: worldStores.map((store) => store.id),
      item: worldStores.flatMap((store) => store.items.map((item) => item.id)),
      category: worldStores.flatMap((store) => store.categoryIds),
      area: worldStores.map((store) => store.areaId),
      table: worldStores.flatMap((store) => store.tableIds),
      user: Object.values(world.users).map((user) => user.id),
      station: [stationA.stationId],
      order: [otherStore.id],
      line: otherStore.lines.map((line) => line.id),
    },
    values: {
      username: ["admin", "quanly", "thungan", "phucvu", "ownera", "ADMIN", "waitera"],
      password: ["admin123", "1234", PASSWORD, "wrong-password"],
      managerPin: ["1234", "9999", "5555", "0000"],
      pin: ["1234", "9999", null],
      storeCode: ["CH01", "CH02", "ch01", " CH01 ", "ZZ99"],
      method: ["cash", "card", "transfer"],
      code: ["CH01", "CH02", "CH77"],
      protocolVersion: [PROTOCOL_VERSION, PROTOCOL_VERSION + 1, 0],
      timeZone: ["Asia/Ho_Chi_Minh", "UTC", "Mars/Olympus"],
      role: ["cashier", "waiter", "manager", "owner"],
      amount: [100_000, 29_000, 500_000, 1_000],
      quantity: [1, 2, 9_999],
      reason: ["khách đổi món", " "],
    },
    station: { id: station.stationId, storeId: demo.id, userId: cashierId, token: station.deviceToken },
    heldBatch,
    orders: { open: open.id, paid: paid.id, void: voided.id, empty: empty.id, otherStore: otherStore.id },
    demoItems: catalog.items.slice(0, 6),
    demoTableIds: catalog.tables.slice(0, 4).map((entry) => entry.id),
    world,
  };
}

/** Keeps a copy of the SQLite file; restoring puts it back (the server is closed meanwhile). */
async function sqliteSnapshot(db: TestDatabase): Promise<() => Promise<void>> {
  const dir = db.processEnv.args[1] ?? "";
  const file = join(dir, SQLITE_FILE_NAME);
  const copy = `${file}.fuzz-template`;
  copyFileSync(file, copy);
  return async () => {
    for (const suffix of ["-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    copyFileSync(copy, file);
  };
}

/** Keeps every table's rows and the sequence; restoring writes them back in one transaction. */
async function postgresSnapshot(db: TestDatabase): Promise<() => Promise<void>> {
  const tables = (
    await db.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    )
  ).map((row) => row.tablename);
  const rows = new Map<string, string>();
  for (const table of tables) {
    const [result] = await db.query<{ rows: string }>(
      `SELECT coalesce(json_agg(t), '[]')::text AS rows FROM ${table} t`,
    );
    rows.set(table, result?.rows ?? "[]");
  }
  const [sequence] = await db.query<{ last_value: string; is_called: boolean }>(
    "SELECT last_value, is_called FROM server_seq",
  );
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const script = [
    "BEGIN",
    // Rows go back table by table: foreign keys are checked by triggers, off for this transaction.
    "SET LOCAL session_replication_role = replica",
    `TRUNCATE ${tables.join(", ")}`,
    ...tables.map(
      (table) =>
        `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, ${quote(rows.get(table) ?? "[]")})`,
    ),
    `SELECT setval('server_seq', ${sequence?.last_value ?? 1}, ${sequence?.is_called ?? false})`,
    "COMMIT",
  ].join(";\n");
  return async () => {
    await db.query(script);
  };
}
