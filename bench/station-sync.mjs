// The station's link benchmark (issue 4), on loopback with SQLite at both ends (the catch-up of
// a backlog is `catch-up.mjs`):
// - how long the station takes to notice a lost server (black-holed and refused) and its return;
// - cashier call latency offline and online, p50 and p99: orders of 8 lines (open, 8 lines… the
//   payment that closes it), so one call in ten is a payment, which commits with an fsync.
// Runnable alone: `node bench/station-sync.mjs` (after `npm run build`).
import { pathToFileURL } from "node:url";
import { login, ok, waitFor } from "../tests/support/http.mjs";
import { startBenchWorld } from "./_station-support.mjs";
import { median, percentile } from "./_stats.mjs";

const LATENCY_CALLS = 1_000;

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
  const link = await linkRun();
  const results = [
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
