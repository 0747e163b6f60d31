// The report benchmark (issue 6): a store with 100,000 paid invoices over a year (1–4 lines each,
// cash, transfer and card, three stations and the phones, four cashiers), seeded straight through
// the server's own storage scripts (ops appended, orders folded by the core and projected, as a
// push would) into a temp database; then a real `quay-server` answers the back office's report
// calls over HTTP: the sales report for the whole year, for a month and for a day, and today's
// dashboard. Reports the median of BENCH_REPS timed calls (default 7, after 2 warm-ups) — on
// SQLite, and on PostgreSQL when BENCH_DATABASE_URL names a server to create a throw-away database
// on (VACUUM ANALYZE after the seed, as autovacuum would have done on a live store).
// Runnable alone: `node bench/reports.mjs` (after `npm run build`).
import { getRandomValues } from "node:crypto";
import { pathToFileURL } from "node:url";
import { openStorage, seedDemo } from "../apps/server/dist/index.js";
import { appendOps } from "../apps/server/dist/storage/scripts/order-log.js";
import { saveOrderProjections } from "../apps/server/dist/storage/scripts/order-projection.js";
import { foldOrder, uuidV7Generator } from "../packages/core/dist/index.js";
import { ok } from "../tests/support/http.mjs";
import { SERVER_BIN, startProcess } from "../tests/support/processes.mjs";
import { random } from "../tests/support/random.mjs";
import { throwawayDatabase } from "./_database.mjs";
import { median } from "./_stats.mjs";

const INVOICES = Number(process.env.BENCH_REPORT_INVOICES ?? 100_000);
const DAYS = 365;
const REPS = Number(process.env.BENCH_REPS ?? 7);
const WARMUPS = 2;
const SEED_BATCH = 2_000;
const GOAL_MS = 300;
const TIME_ZONE = "Asia/Ho_Chi_Minh";
const DAY_MS = 86_400_000;
/** Ho Chi Minh City is UTC+7 all year. */
const OFFSET_MS = 7 * 3_600_000;

/** Reads what the seed needs from the demo store: its id, tenant, menu and users. */
function* demoStore() {
  const [store] = yield { kind: "all", sql: "SELECT id, tenant_id, code FROM stores", params: [] };
  const items = yield {
    kind: "all",
    sql: "SELECT id, name, price, vat_rate FROM items WHERE store_id = ? ORDER BY id",
    params: [store.id],
  };
  const users = yield { kind: "all", sql: "SELECT id FROM users ORDER BY id", params: [] };
  return { store, items, users: users.map((row) => row.id) };
}

/** Three registered stations (the phones check out on the server as `web-…` devices). */
function* addStations(store, newId, now) {
  const ids = [newId(), newId(), newId()];
  for (const [index, id] of ids.entries()) {
    yield {
      kind: "run",
      sql: `INSERT INTO stations (id, tenant_id, store_id, code, name, active, created_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      params: [id, store.tenant_id, store.id, `Q${index + 1}`, `Quầy ${index + 1}`, now, now],
    };
  }
  return [...ids, `web-${newId()}`];
}

/** One paid invoice's ops, made the way a station makes them. */
function invoiceOps({ index, at, store, items, devices, users, newId, next }) {
  const orderId = newId();
  const device = devices[Math.floor(next() * devices.length)];
  const userId = users[Math.floor(next() * users.length)];
  let seq = 0;
  const op = (kind, data, when = at) => ({
    id: newId(),
    orderId,
    deviceId: device,
    deviceSeq: ++seq,
    at: when,
    userId,
    kind,
    data,
  });
  const day = at.slice(0, 10).replaceAll("-", "");
  const ops = [op("open", { number: `${store.code}-B-${day}-${index}`, tableId: null, storeId: store.id })];
  let total = 0;
  const lines = 1 + Math.floor(next() * 4);
  for (let line = 0; line < lines; line++) {
    const item = items[Math.floor(next() * items.length)];
    const quantity = 1 + Math.floor(next() * 3);
    total += item.price * quantity;
    ops.push(
      op("addLine", {
        lineId: newId(),
        itemId: item.id,
        name: item.name,
        unitPrice: item.price,
        vatRate: item.vat_rate,
        quantity,
        note: null,
      }),
    );
  }
  const method = ["cash", "cash", "transfer", "card"][Math.floor(next() * 4)];
  const paidAt = new Date(Date.parse(at) + 20 * 60_000).toISOString();
  ops.push(op("addPayment", { paymentId: newId(), method, amount: total }, paidAt));
  ops.push(op("close", { total }, paidAt));
  return { orderId, ops };
}

/** Seeds the store with INVOICES paid invoices spread over the DAYS local days up to today. */
async function seed(storage, newId) {
  const found = await storage.read(demoStore());
  const now = new Date().toISOString();
  const devices = await storage.write(addStations(found.store, newId, now));
  const scope = { tenantId: found.store.tenant_id, storeId: found.store.id };
  const next = random(42);
  const todayStart = Math.floor((Date.now() + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
  const firstDay = todayStart - (DAYS - 1) * DAY_MS;
  for (let start = 0; start < INVOICES; start += SEED_BATCH) {
    const ops = [];
    const orders = [];
    for (let index = start; index < Math.min(INVOICES, start + SEED_BATCH); index++) {
      // Spread evenly over the days, opened between 07:00 and 21:59 local time.
      const day = firstDay + Math.floor((index / INVOICES) * DAYS) * DAY_MS;
      const at = new Date(day + (7 + Math.floor(next() * 15)) * 3_600_000 + Math.floor(next() * 3_600_000));
      const invoice = invoiceOps({
        index,
        at: at.toISOString(),
        store: found.store,
        items: found.items,
        devices,
        users: found.users,
        newId,
        next,
      });
      ops.push(...invoice.ops);
      orders.push(foldOrder(invoice.orderId, invoice.ops));
    }
    await storage.write(
      (function* () {
        yield* appendOps(scope, ops);
        yield* saveOrderProjections({ ...scope, timeZone: TIME_ZONE, receivedAt: now }, orders, new Set());
      })(),
    );
  }
  return found.store.id;
}

async function timeCall(url, token) {
  const started = performance.now();
  await ok(url, "GET", "", { token });
  return performance.now() - started;
}

async function benchEngine(engine) {
  const database = await throwawayDatabase(engine, "bench-reports");
  try {
    const newId = uuidV7Generator({ now: () => Date.now() }, (length) =>
      getRandomValues(new Uint8Array(length)),
    );
    const seedStarted = performance.now();
    const storage = await openStorage({ databaseUrl: database.env.DATABASE_URL, dataDir: database.dataDir });
    await seedDemo(storage, newId, new Date());
    await seed(storage, newId);
    await storage.close();
    if (database.env.DATABASE_URL) {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await client.connect();
      await client.query("VACUUM ANALYZE");
      await client.end();
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`  ${engine}: seeded ${INVOICES} paid invoices in ${seedSeconds.toFixed(1)} s`);

    const server = await startProcess(
      SERVER_BIN,
      ["--host", "127.0.0.1", "--port", "0", "--data", database.dataDir],
      { name: "quay-server", env: database.env },
    );
    try {
      const { token } = await ok(server.url, "POST", "/api/login", {
        body: { username: "admin", password: "admin123" },
      });
      const today = new Date(Date.now() + OFFSET_MS).toISOString().slice(0, 10);
      const daysAgo = (days) => new Date(Date.now() + OFFSET_MS - days * DAY_MS).toISOString().slice(0, 10);
      const calls = [
        ["sales report, 365 days", `/api/reports/sales?from=${daysAgo(DAYS - 1)}&to=${today}`],
        ["sales report, 30 days", `/api/reports/sales?from=${daysAgo(29)}&to=${today}`],
        ["sales report, 1 day", `/api/reports/sales?from=${today}&to=${today}`],
        ["dashboard", "/api/reports/dashboard"],
      ];
      const whole = await ok(server.url, "GET", calls[0][1], { token });
      if (whole.orders !== INVOICES) throw new Error(`the year's report counts ${whole.orders} orders`);
      const results = [];
      for (const [metric, path] of calls) {
        for (let warm = 0; warm < WARMUPS; warm++) await timeCall(`${server.url}${path}`, token);
        const times = [];
        for (let rep = 0; rep < REPS; rep++) times.push(await timeCall(`${server.url}${path}`, token));
        const value = median(times);
        console.log(`  ${engine}: ${metric}: median ${value.toFixed(1)} ms of ${REPS}`);
        results.push({ metric: `${engine}: ${metric} (median)`, value, unit: "ms", goal: `< ${GOAL_MS}` });
      }
      return results;
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

export async function run() {
  const engines = ["sqlite", ...(process.env.BENCH_DATABASE_URL ? ["postgres"] : [])];
  const results = [];
  for (const engine of engines) results.push(...(await benchEngine(engine)));
  return { name: `reports, ${INVOICES} paid invoices`, results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { name, results } = await run();
  console.log(`\n${name}`);
  console.table(results);
}
