// The catch-up benchmark (issues 4 and 14), on loopback with SQLite at both ends: a backlog of
// paid invoices (5 lines each) and 20 open orders made offline, then the cashier's yes → time
// until every open order is on the server, and until everything is synced and the station is
// back online; beside it the floor, the same ops inserted into a SQLite file by one process, and
// the ratio of the two, measured in the same run. One more run times a cashier selling at the
// counter while its backlog syncs.
// Runnable alone: `node bench/catch-up.mjs` (after `npm run build`); BENCH_SIZES=2000,10000 the
// backlogs, BENCH_REPS=n the runs of each (3), BENCH_TIMELINE=1 prints the status events of each sync.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { login, ok, waitFor } from "../tests/support/http.mjs";
import { startStation, tempDir } from "../tests/support/processes.mjs";
import { countServerOrders, followStatus, seedBacklog, startBenchWorld } from "./_station-support.mjs";
import { median, percentile } from "./_stats.mjs";

const SIZES = (process.env.BENCH_SIZES ?? "2000,10000").split(",").map(Number);
const OPEN = 20;
const LINES = 5;
const REPS = Number(process.env.BENCH_REPS ?? 3);
/** What the issue asks of each backlog: all synced within (ms). */
const GOAL_MS = { 2000: 250, 10000: 1000 };
const FLOOR_RATIO_GOAL = 3;

/**
 * The floor: the backlog's ops, as the station stores them, inserted by one process into a fresh
 * SQLite file (WAL, synchronous FULL, one transaction): what no sync can beat.
 */
function floorMs(stationDir) {
  const station = new Database(join(stationDir, "station.sqlite"), { readonly: true });
  const ops = station
    .prepare("SELECT id, order_id AS orderId, body FROM ops JOIN unsynced_ops USING (seq) ORDER BY seq")
    .all();
  station.close();
  const dir = tempDir("bench-floor");
  try {
    const started = performance.now();
    const floor = new Database(join(dir, "floor.sqlite"));
    floor.pragma("journal_mode = WAL");
    floor.pragma("synchronous = FULL");
    floor.exec(
      "CREATE TABLE ops (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, order_id TEXT NOT NULL, body TEXT NOT NULL) STRICT",
    );
    const insert = floor.prepare("INSERT INTO ops (id, order_id, body) VALUES (?, ?, ?)");
    floor.transaction(() => {
      for (const op of ops) insert.run(op.id, op.orderId, op.body);
    })();
    floor.close();
    return performance.now() - started;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sells at the counter (open, three lines, cash) until `stopped()`; every call's time. */
async function sellUntil(station, token, stopped) {
  const { items } = await ok(station.url, "GET", "/api/catalog", { token });
  const calls = [];
  const call = async (path, body) => {
    const started = performance.now();
    const answer = await ok(station.url, "POST", path, { token, body });
    calls.push(performance.now() - started);
    return answer;
  };
  for (let sale = 0; !stopped(); sale++) {
    let order = await call("/api/orders", {});
    for (let line = 0; line < 3; line++) {
      order = await call(`/api/orders/${order.id}/lines`, {
        itemId: items[(sale + line) % items.length].id,
        quantity: 1,
      });
    }
    await call(`/api/orders/${order.id}/payments`, { method: "cash", amount: order.total });
  }
  return calls;
}

/** One backlog of `paid` invoices synced from yes; with `selling`, a cashier sells meanwhile. */
export async function backlogRun(paid, { selling = false } = {}) {
  const world = await startBenchWorld();
  const { server, proxy, stationDir } = world;
  let { station } = world;
  try {
    await login(station.url, "thungan", "1234", "online");
    await station.stop();
    const seedStart = performance.now();
    await seedBacklog(stationDir, { paid, open: OPEN, lines: LINES });
    const seedMs = performance.now() - seedStart;
    const floor = floorMs(stationDir);

    station = await startStation({ serverUrl: proxy.url, dataDir: stationDir });
    const token = await login(station.url, "thungan", "1234", "offline");
    const status = followStatus(station.url, token);
    await waitFor(async () => (await ok(station.url, "GET", "/api/status")).sync.state === "offered", {
      timeoutMs: 20_000,
      what: "the sync offer",
    });
    const openAcknowledged = status.until((s) => s.sync.phase === "paid" || s.mode === "online");
    const synced = status.until(
      (s) => s.mode === "online" && s.pending.paidOrders === 0 && s.pending.openOrders === 0,
    );
    let online = false;
    void status
      .until((s) => s.mode === "online")
      .then(() => {
        online = true;
      });
    const yes = performance.now();
    await ok(station.url, "POST", "/api/sync", { token });
    // The cashier sells until the backlog is through (later sales sync as they are made).
    const sales = selling ? sellUntil(station, token, () => online) : Promise.resolve([]);
    const openMs = (await openAcknowledged) - yes;
    const allMs = (await synced) - yes;
    const calls = await sales;
    await status.close();
    if (process.env.BENCH_TIMELINE) {
      for (const { at, status: s } of status.events) {
        console.log(
          `    ${(at - yes).toFixed(0).padStart(6)} ms ${s.mode} ${s.sync.state} ${s.sync.phase} ${s.sync.done}/${s.sync.total} pending ${s.pending.openOrders}+${s.pending.paidOrders}`,
        );
      }
    }

    const admin = await login(server.url, "admin", "admin123");
    const openOnServer = await countServerOrders(server.url, admin, "open");
    const paidOnServer = await countServerOrders(server.url, admin, "paid");
    if (openOnServer < OPEN || paidOnServer < paid) {
      throw new Error(`server holds ${openOnServer} open and ${paidOnServer} paid orders`);
    }
    return { seedMs, floorMs: floor, openMs, allMs, calls };
  } finally {
    await world.stop(station);
  }
}

export async function run() {
  const results = [];
  for (const paid of SIZES) {
    const runs = [];
    for (let rep = 0; rep < REPS; rep++) {
      const result = await backlogRun(paid);
      console.log(
        `  ${paid} invoices, run ${rep + 1}: open orders on server ${result.openMs.toFixed(0)} ms, all synced ${result.allMs.toFixed(0)} ms, floor ${result.floorMs.toFixed(0)} ms (seeded in ${(result.seedMs / 1000).toFixed(1)} s)`,
      );
      runs.push(result);
    }
    const ratios = runs.map((r) => r.allMs / r.floorMs);
    results.push(
      {
        metric: `${paid} paid + ${OPEN} open: yes → open orders on server (median of ${REPS})`,
        value: median(runs.map((r) => r.openMs)),
        unit: "ms",
        goal: "≤ 100",
      },
      {
        metric: `${paid} paid + ${OPEN} open: yes → all synced, back online (median of ${REPS})`,
        value: median(runs.map((r) => r.allMs)),
        unit: "ms",
        ...(GOAL_MS[paid] ? { goal: `≤ ${GOAL_MS[paid]}` } : {}),
      },
      {
        metric: `${paid} paid: floor, the same ops into SQLite by one process (median)`,
        value: median(runs.map((r) => r.floorMs)),
        unit: "ms",
      },
      {
        metric: `${paid} paid: all synced ÷ floor, same run (median)`,
        value: median(ratios),
        unit: "×",
        goal: `≤ ${FLOOR_RATIO_GOAL}`,
      },
    );
  }
  const biggest = Math.max(...SIZES);
  const { calls } = await backlogRun(biggest, { selling: true });
  results.push(
    {
      metric: `cashier call while ${biggest} invoices sync: p50 (${calls.length} calls)`,
      value: percentile(calls, 50),
      unit: "ms",
    },
    {
      metric: `cashier call while ${biggest} invoices sync: p99`,
      value: percentile(calls, 99),
      unit: "ms",
      goal: "≤ 5",
    },
  );
  return { name: "catch-up", results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { name, results } = await run();
  console.log(name);
  console.table(results);
}
