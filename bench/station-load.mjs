// Many cashier screens on one station (a real server and a real station process): each logs in,
// keeps the event stream open as the cashier app does, and sells in a loop. Reports how long
// calls took as the client saw them against the station's own time (`Server-Timing: app`, which
// counts from the moment the station read the request): a gap means the call waited before the
// station even read it (in the accept queue, in a socket the event loop did not come back to).
// `node bench/station-load.mjs [clients] [seconds]` (BENCH_STREAMS=0: no event streams;
// BENCH_SLOWEST=1: list the slowest calls), or `npm run bench station-load` (200 screens, 15 s).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { login, ok } from "../tests/support/http.mjs";
import { removeDir, startServer, startStation, tempDir } from "../tests/support/processes.mjs";
import { percentile } from "./_stats.mjs";

/** BENCH_STREAMS=0: screens without their event stream, to tell its cost from the rest. */
const STREAMS = process.env.BENCH_STREAMS !== "0";

/** One timed call: client-side milliseconds and the station's own (`Server-Timing`). */
async function timed(samples, kind, url, init) {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  const clientMs = performance.now() - started;
  const serverMs = Number(/app;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? NaN);
  samples.push({ kind, clientMs, serverMs, status: response.status, started });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Keeps a signed-in event stream open and reads it, as a cashier screen does. */
function openStream(stationUrl, token, stop) {
  return (async () => {
    const response = await fetch(`${stationUrl}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: stop,
    });
    for await (const _chunk of response.body ?? []) {
      // read and forget
    }
  })().catch(() => undefined);
}

function summary(samples, kind) {
  const picked = samples.filter((sample) => kind === undefined || sample.kind === kind);
  const client = picked.map((sample) => sample.clientMs);
  const server = picked.map((sample) => sample.serverMs).filter(Number.isFinite);
  if (client.length === 0) return null;
  return {
    calls: client.length,
    p50: percentile(client, 50),
    p99: percentile(client, 99),
    max: Math.max(...client),
    stationP99: server.length ? percentile(server, 99) : NaN,
    stationMax: server.length ? Math.max(...server) : NaN,
  };
}

export async function run(clients = 200, seconds = 15) {
  const serverDir = tempDir("load-server");
  const stationDir = tempDir("load-station");
  const server = await startServer({ dataDir: serverDir });
  const station = await startStation({ serverUrl: server.url, dataDir: stationDir });
  const stop = new AbortController();
  // This process's own loop: if it lags, the figures below are the load generator's, not the station's.
  const ownLoop = monitorEventLoopDelay({ resolution: 10 });
  ownLoop.enable();
  try {
    const first = await login(station.url, "thungan", "1234", "online");
    const catalog = await ok(station.url, "GET", "/api/catalog", { token: first });
    const items = catalog.items.slice(0, 5);
    const samples = [];
    const headers = (token) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

    // Every screen logs in at once (the morning shift), online as the cashier app does by default.
    const attempts = await Promise.all(
      Array.from({ length: clients }, (_, index) =>
        timed(samples, "login", `${station.url}/api/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            username: "thungan",
            password: "1234",
            mode: index % 2 ? "online" : "offline",
          }),
        }).catch(() => null),
      ),
    );
    const failedLogins = attempts.filter((answer) => answer === null).length;
    if (failedLogins > 0)
      console.log(`${failedLogins} of ${clients} logins failed (they sell with the first session)`);
    const logins = attempts.map((answer) => answer ?? { token: first });
    const streams = STREAMS ? logins.map(({ token }) => openStream(station.url, token, stop.signal)) : [];

    const deadline = performance.now() + seconds * 1_000;
    let sales = 0;
    const sell = async ({ token }, index) => {
      while (performance.now() < deadline) {
        const order = await timed(samples, "open", `${station.url}/api/orders`, {
          method: "POST",
          headers: headers(token),
          body: "{}",
        });
        let current = order;
        for (let line = 0; line < 3; line++) {
          const item = items[(index + line) % items.length];
          current = await timed(samples, "line", `${station.url}/api/orders/${order.id}/lines`, {
            method: "POST",
            headers: headers(token),
            body: JSON.stringify({ itemId: item.id, quantity: 1 }),
          });
        }
        await timed(samples, "pay", `${station.url}/api/orders/${order.id}/payments`, {
          method: "POST",
          headers: headers(token),
          body: JSON.stringify({ method: "cash", amount: current.total - current.paid }),
        });
        sales += 1;
      }
    };
    const started = performance.now();
    await Promise.all(logins.map(sell));
    const elapsed = (performance.now() - started) / 1_000;

    const rows = ["login", "open", "line", "pay", undefined].map((kind) => ({
      kind: kind ?? "all selling",
      ...summary(kind === undefined ? samples.filter((sample) => sample.kind !== "login") : samples, kind),
    }));
    console.log(`${clients} screens, ${seconds} s: ${sales} sales, ${(sales / elapsed).toFixed(1)} sales/s`);
    console.table(
      rows.map((row) => ({
        kind: row.kind,
        calls: row.calls,
        "p50 ms": Math.round(row.p50),
        "p99 ms": Math.round(row.p99),
        "max ms": Math.round(row.max),
        "station p99": Number(row.stationP99?.toFixed(1)),
        "station max": Number(row.stationMax?.toFixed(1)),
      })),
    );
    if (process.env.BENCH_SLOWEST) {
      const slowest = samples
        .filter((sample) => sample.kind !== "login")
        .sort((a, b) => b.clientMs - a.clientMs)
        .slice(0, 15);
      for (const sample of slowest)
        console.log(
          `  ${sample.kind} at +${((sample.started - started) / 1000).toFixed(1)} s: ${sample.clientMs.toFixed(0)} ms (station ${sample.serverMs} ms)`,
        );
    }
    console.log(`load generator's own loop delay: max ${(ownLoop.max / 1e6).toFixed(0)} ms`);
    stop.abort();
    await Promise.all(streams);
    const selling = rows.at(-1);
    const loginRow = rows[0];
    return {
      name: "station-load",
      results: [
        { metric: `${clients} screens: sales per second`, value: sales / elapsed, unit: "sales/s" },
        { metric: "selling call p99 (client)", value: selling.p99, unit: "ms" },
        { metric: "selling call max (client)", value: selling.max, unit: "ms" },
        { metric: "selling call max (station's own)", value: selling.stationMax, unit: "ms" },
        { metric: "login max (client)", value: loginRow.max, unit: "ms" },
      ],
    };
  } finally {
    ownLoop.disable();
    stop.abort();
    await station.stop();
    await server.stop();
    removeDir(serverDir);
    removeDir(stationDir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run(Number(process.argv[2] ?? 200), Number(process.argv[3] ?? 15));
}
