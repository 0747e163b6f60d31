// The station's sync benchmark (issue 4), on loopback with SQLite at both ends:
// - a backlog of 10,000 paid invoices (5 lines each) and 20 open orders made offline, then the
//   cashier's yes → time until every open order is on the server, and until everything is synced;
// - how long the station takes to notice a lost server (black-holed and refused) and its return;
// - cashier call latency offline and online, p50 and p99: orders of 8 lines (open, 8 lines… the
//   payment that closes it), so one call in ten is a payment, which commits with an fsync.
// Runnable alone: `node bench/station-sync.mjs` (after `npm run build`); BENCH_REPS=n runs the
// backlog n times (3), BENCH_TIMELINE=1 prints the status events of each sync.
import { pathToFileURL } from "node:url";
import { login, ok, waitFor } from "../tests/support/http.mjs";
import { startStation } from "../tests/support/processes.mjs";
import { countServerOrders, followStatus, seedBacklog, startBenchWorld } from "./_station-support.mjs";
import { median, percentile } from "./_stats.mjs";

const PAID = Number(process.env.BENCH_PAID_ORDERS ?? 10_000);
const OPEN = 20;
const LINES = 5;
const REPS = Number(process.env.BENCH_REPS ?? 3);
const LATENCY_CALLS = 1_000;

export async function backlogRun() {
  const world = await startBenchWorld();
  const { server, proxy, stationDir } = world;
  let { station } = world;
  try {
    await login(station.url, "thungan", "1234", "online");
    await station.stop();
    const seedStart = performance.now();
    await seedBacklog(stationDir, { paid: PAID, open: OPEN, lines: LINES });
    const seedMs = performance.now() - seedStart;

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
    const yes = performance.now();
    await ok(station.url, "POST", "/api/sync", { token });
    const openMs = (await openAcknowledged) - yes;
    const allMs = (await synced) - yes;
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
    if (openOnServer < OPEN || paidOnServer < PAID) {
      throw new Error(`server holds ${openOnServer} open and ${paidOnServer} paid orders`);
    }
    return { seedMs, openMs, allMs };
  } finally {
    await world.stop(station);
  }
}

export async function linkRun() {
  const world = await startBenchWorld();
  const { proxy, station } = world;
  const detection = { blackhole: [], refuse: [], reset: [], back: [] };
  const latency = {
    offline: { all: [], payments: [], others: [], inside: [] },
    online: { all: [], payments: [], others: [], inside: [] },
  };
  try {
    const token = await login(station.url, "thungan", "1234", "online");
    const reachable = async (value) =>
      waitFor(async () => (await ok(station.url, "GET", "/api/status")).serverReachable === value, {
        timeoutMs: 15_000,
        everyMs: 10,
        what: `serverReachable=${value}`,
      });
    await waitFor(async () => (await ok(station.url, "GET", "/api/status")).mode === "online", {
      timeoutMs: 10_000,
    });
    for (let rep = 0; rep < 3; rep++) {
      for (const mode of ["blackhole", "refuse", "reset"]) {
        const lost = performance.now();
        await proxy.setMode(mode);
        await reachable(false);
        detection[mode].push(performance.now() - lost);
        const back = performance.now();
        await proxy.setMode("pass");
        await reachable(true);
        detection.back.push(performance.now() - back);
      }
    }
    const { items } = await ok(station.url, "GET", "/api/catalog", { token });
    // Orders of 8 lines, as at a café counter: open, add lines, pay; each call timed.
    const measure = async (bucket) => {
      const record = (elapsed, kind) => {
        bucket.all.push(elapsed);
        bucket[kind].push(elapsed);
      };
      const timed = async (path, body) => {
        const started = performance.now();
        const response = await fetch(`${station.url}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const answer = await response.json();
        const elapsed = performance.now() - started;
        if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        const inside = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
        bucket.inside.push(inside ? Number(inside[1]) : Number.NaN);
        return { answer, elapsed };
      };
      let order = null;
      for (let i = 0; i < LATENCY_CALLS; i++) {
        if (i % 10 === 0) {
          const { answer, elapsed } = await timed("/api/orders", {});
          order = answer;
          record(elapsed, "others");
        } else if (i % 10 === 9) {
          const { answer, elapsed } = await timed(`/api/orders/${order.id}/payments`, {
            method: "cash",
            amount: order.total,
          });
          if (answer.status !== "paid") throw new Error("payment did not close the order");
          record(elapsed, "payments");
        } else {
          const { answer, elapsed } = await timed(`/api/orders/${order.id}/lines`, {
            itemId: items[i % items.length].id,
            quantity: 1,
          });
          order = answer;
          record(elapsed, "others");
        }
      }
    };
    await proxy.setMode("blackhole");
    await reachable(false);
    await measure(latency.offline);
    await proxy.setMode("pass");
    await reachable(true);
    await ok(station.url, "POST", "/api/sync", { token });
    await waitFor(async () => (await ok(station.url, "GET", "/api/status")).mode === "online", {
      timeoutMs: 15_000,
    });
    await measure(latency.online);
    return { detection, latency };
  } finally {
    await world.stop(station);
  }
}

/** The cashier-call figures of one mode: all calls, inside the station, and by kind. */
function latencyRows(mode, latency) {
  const row = (metric, values, p, goal) => ({
    metric,
    value: percentile(values, p),
    unit: "ms",
    ...(goal ? { goal } : {}),
  });
  return [
    row(`cashier call ${mode} p50 (all)`, latency.all, 50),
    row(`cashier call ${mode} p99 (all)`, latency.all, 99, "≤ 5"),
    row(`  inside the station ${mode} p50`, latency.inside, 50),
    row(`  inside the station ${mode} p99`, latency.inside, 99),
    row(`  open order / add line ${mode} p99`, latency.others, 99, "≤ 5"),
    row(`  payment (fsync) ${mode} p50`, latency.payments, 50),
    row(`  payment (fsync) ${mode} p99`, latency.payments, 99, "≤ 5"),
  ];
}

export async function run() {
  const runs = [];
  for (let rep = 0; rep < REPS; rep++) {
    const result = await backlogRun();
    console.log(
      `  backlog run ${rep + 1}: open orders on server ${result.openMs.toFixed(0)} ms, all synced ${result.allMs.toFixed(0)} ms (seeded in ${(result.seedMs / 1000).toFixed(1)} s)`,
    );
    runs.push(result);
  }
  const link = await linkRun();
  const results = [
    {
      metric: `yes → ${OPEN} open orders on server (median of ${REPS})`,
      value: median(runs.map((r) => r.openMs)),
      unit: "ms",
      goal: "≤ 300",
    },
    {
      metric: `yes → ${PAID} paid + ${OPEN} open all synced (median of ${REPS})`,
      value: median(runs.map((r) => r.allMs)),
      unit: "ms",
      goal: "≤ 1000",
    },
    {
      metric: "server lost noticed: black hole (median)",
      value: median(link.detection.blackhole),
      unit: "ms",
      goal: "≤ 3000",
    },
    {
      metric: "server lost noticed: refused (median)",
      value: median(link.detection.refuse),
      unit: "ms",
      goal: "≤ 3000",
    },
    {
      metric: "server lost noticed: reset (median)",
      value: median(link.detection.reset),
      unit: "ms",
      goal: "≤ 3000",
    },
    {
      metric: "server return noticed (median)",
      value: median(link.detection.back),
      unit: "ms",
      goal: "≤ 2000",
    },
    ...latencyRows("offline", link.latency.offline),
    ...latencyRows("online", link.latency.online),
  ];
  return { name: "station-sync", results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { name, results } = await run();
  console.log(name);
  console.table(results);
}
