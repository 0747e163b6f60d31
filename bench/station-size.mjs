// A station after a long life (issue 14): 100,000 paid invoices (5 lines each) stored and synced,
// and 20 open orders. Times its start (process spawned → listening), its resident memory once a
// cashier is signed in and has read the open orders, and the cashier's open-orders screen
// (`GET /api/orders?status=open`), the median of 20 reads.
// Runnable alone: `node bench/station-size.mjs` (after `npm run build`); BENCH_STORED=n the invoices.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { login, ok } from "../tests/support/http.mjs";
import { startStation } from "../tests/support/processes.mjs";
import { seedBacklog, startBenchWorld } from "./_station-support.mjs";
import { median } from "./_stats.mjs";

const STORED = Number(process.env.BENCH_STORED ?? 100_000);
const OPEN = 20;
const READS = 20;

/** A process's resident memory in MB, from /proc. */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Marks everything in a stopped station's file as held by the server: history, not a backlog. */
async function markAllSynced(dataDir) {
  const { StationDb } = await import("../apps/station/dist/index.js");
  const db = StationDb.open(dataDir);
  db.db.exec("DELETE FROM unsynced_ops; DELETE FROM pending_orders");
  db.settings.set("offlineBacklog", false);
  db.close();
}

export async function run() {
  const world = await startBenchWorld();
  let { station } = world;
  try {
    await login(station.url, "thungan", "1234", "online");
    await station.stop();
    const seedStart = performance.now();
    await seedBacklog(world.stationDir, { paid: STORED, open: OPEN, lines: 5 });
    await markAllSynced(world.stationDir);
    console.log(`  seeded ${STORED} invoices in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const spawned = performance.now();
    station = await startStation({ serverUrl: world.proxy.url, dataDir: world.stationDir });
    const startMs = performance.now() - spawned;
    const token = await login(station.url, "thungan", "1234", "online");
    const reads = [];
    for (let read = 0; read < READS; read++) {
      const started = performance.now();
      const { orders } = await ok(station.url, "GET", "/api/orders?status=open", { token });
      reads.push(performance.now() - started);
      if (orders.length !== OPEN) throw new Error(`the station shows ${orders.length} open orders`);
    }
    const rss = rssMb(station.pid);
    return {
      name: "station-size",
      results: [
        {
          metric: `station with ${STORED} invoices: start (spawn → listening)`,
          value: startMs,
          unit: "ms",
          goal: "≤ 2000",
        },
        {
          metric: `station with ${STORED} invoices: resident memory, signed in`,
          value: rss,
          unit: "MB",
          goal: "≤ 120",
        },
        {
          metric: `station with ${STORED} invoices: open-orders screen (median of ${READS})`,
          value: median(reads),
          unit: "ms",
          goal: "≤ 50",
        },
      ],
    };
  } finally {
    await world.stop(station);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { name, results } = await run();
  console.log(name);
  console.table(results);
}
