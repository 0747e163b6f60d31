// The server's push benchmark (issues 3 and 14): 50 stations push 200 paid invoices each (5 lines)
// at once, over loopback, to a real `quay-server`, all into one store and spread over 10 — on
// SQLite, and on PostgreSQL when BENCH_DATABASE_URL names a server to create a throw-away
// database on. Reports invoices/s and the p99 latency of one push, the median of BENCH_REPS runs
// (default 3), and checks afterwards that the server holds every invoice exactly once. Then, on
// the loaded server, one more sale is pushed and the sales report is read every 5 ms until it
// counts it: the time from the push to the report.
// Runnable alone: `node bench/server-push.mjs` (after `npm run build`).
import { getRandomValues } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import { lineOf, uuidV7Generator } from "../packages/core/dist/index.js";
import { ok } from "../tests/support/http.mjs";
import { SERVER_BIN, startProcess } from "../tests/support/processes.mjs";
import { throwawayDatabase } from "./_database.mjs";
import { median, percentile } from "./_stats.mjs";

const STATIONS = Number(process.env.BENCH_STATIONS ?? 50);
/** The stations are spread over this many stores of the demo tenant (1: all in CH01). */
const STORE_COUNTS = (process.env.BENCH_STORES ?? "1,10").split(",").map(Number);
/** What the issue asks of each engine's ingest (invoices/s). */
const THROUGHPUT_GOAL = { sqlite: 10_000, postgres: 5_000 };
const INVOICES = Number(process.env.BENCH_INVOICES ?? 200);
const LINES = 5;
/** Invoices per push: a station catching up sends its backlog in batches like these. */
const BATCH = Number(process.env.BENCH_BATCH_INVOICES ?? 50);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const PROTOCOL_VERSION = 1;

// One keep-alive connection per station, as real stations have.
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** Sends a request (a JSON body when given); resolves to the status and the answer's text. */
function send(method, url, token, body) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}` };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = Buffer.byteLength(body);
    }
    const request = http.request(url, { method, agent, headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          ok: response.statusCode === 200,
          status: response.statusCode,
          text: Buffer.concat(chunks).toString(),
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * The push bodies of one station's invoices `first` to `first + count − 1`, serialised before the
 * clock starts.
 */
function stationBatches(
  { storeId, stationId, userId, code, items, newId, day },
  first = 0,
  count = INVOICES,
) {
  const bodies = [];
  let seq = first * (LINES + 3);
  let invoices = [];
  const flush = () => {
    bodies.push({
      invoices: invoices.length,
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, ops: invoices.flat() }),
    });
    invoices = [];
  };
  for (let index = first; index < first + count; index++) {
    const orderId = newId();
    const at = new Date(day + index * 1_000).toISOString();
    const op = (kind, data) => ({
      id: newId(),
      orderId,
      deviceId: stationId,
      deviceSeq: ++seq,
      at,
      userId,
      kind,
      data,
    });
    const ops = [
      op("open", {
        number: `${code}-${new Date(day).toISOString().slice(0, 10).replaceAll("-", "")}-${String(index + 1).padStart(4, "0")}`,
        tableId: null,
        storeId,
      }),
    ];
    let total = 0;
    for (let line = 0; line < LINES; line++) {
      const item = items[(index + line) % items.length];
      const quantity = 1 + (line % 3);
      total += item.price * quantity;
      ops.push(op("addLine", lineOf(item, newId(), quantity)));
    }
    ops.push(op("addPayment", { paymentId: newId(), method: "cash", amount: total }));
    ops.push(op("close", { total }));
    invoices.push(ops);
    if (invoices.length === BATCH) flush();
  }
  if (invoices.length > 0) flush();
  return bodies;
}

async function oneRun(engine, storeCount) {
  const database = await throwawayDatabase(engine, "bench-server-push");
  const server = await startProcess(
    SERVER_BIN,
    ["--host", "127.0.0.1", "--port", "0", "--demo", "--data", database.dataDir],
    {
      name: "quay-server",
      env: {
        ...database.env,
        ...(process.env.BENCH_SERVER_NODE_OPTIONS
          ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
          : {}),
      },
    },
  );
  try {
    const newId = uuidV7Generator({ now: () => Date.now() }, (length) =>
      getRandomValues(new Uint8Array(length)),
    );
    const session = await ok(server.url, "POST", "/api/login", {
      body: { username: "admin", password: "admin123" },
    });
    const admin = session.token;
    const catalog = await ok(server.url, "GET", "/api/catalog", { token: admin });
    const items = catalog.items.filter((item) => item.active);
    // Two days back: the server takes ops from at most 7 days before the station registered.
    const day = Math.floor(Date.now() / 86_400_000 - 2) * 86_400_000 + 3_600_000;
    const stores = [catalog.store];
    for (let index = 2; index <= storeCount; index++) {
      const code = `CH${String(index).padStart(2, "0")}`;
      const body = { code, name: `Chi nhánh ${index}`, timeZone: "Asia/Ho_Chi_Minh" };
      stores.push(await ok(server.url, "POST", "/api/stores", { token: admin, body }));
    }
    const stations = [];
    for (let index = 0; index < STATIONS; index++) {
      const store = stores[index % stores.length];
      const station = await ok(server.url, "POST", "/api/sync/register", {
        token: admin,
        body: { protocolVersion: PROTOCOL_VERSION, name: `Bench ${index + 1}`, storeCode: store.code },
      });
      const identity = {
        storeId: store.id,
        stationId: station.stationId,
        userId: session.user.id,
        code: `${store.code}-${station.stationCode}`,
        items,
        newId,
        day,
      };
      stations.push({ token: station.deviceToken, identity, batches: stationBatches(identity) });
    }

    // Stations are connected before they push (they pull and listen first): open every
    // station's keep-alive connection now, so the clock measures pushes, not TCP accepts.
    await Promise.all(
      stations.map(({ token }) => send("GET", `${server.url}/api/sync/pull?cursor=0&limit=1`, token)),
    );

    const latencies = [];
    const started = performance.now();
    await Promise.all(
      stations.map(async ({ token, batches }) => {
        for (const { body } of batches) {
          const before = performance.now();
          const response = await send("POST", `${server.url}/api/sync/push`, token, body);
          const answer = JSON.parse(response.text);
          latencies.push(performance.now() - before);
          if (!response.ok) throw new Error(`push answered ${response.status}: ${JSON.stringify(answer)}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // The invoices' day in the store's time zone (UTC+7: 01:00 UTC is 08:00 there).
    const date = new Date(day).toISOString().slice(0, 10);
    const salesReport = `${server.url}/api/reports/sales?from=${date}&to=${date}`;
    const reportStart = performance.now();
    const report = JSON.parse((await send("GET", salesReport, admin)).text);
    const reportMs = performance.now() - reportStart;
    const expected = STATIONS * INVOICES;
    if (report.orders !== expected)
      throw new Error(`the server holds ${report.orders} invoices, not ${expected}`);

    // One more sale, from the first station (its next invoice number), pushed and looked for.
    const [{ body }] = stationBatches(stations[0].identity, INVOICES, 1);
    const pushed = performance.now();
    const answer = await send("POST", `${server.url}/api/sync/push`, stations[0].token, body);
    if (!answer.ok) throw new Error(`the last push answered ${answer.status}`);
    let counted = 0;
    while (counted <= expected) {
      counted = JSON.parse((await send("GET", salesReport, admin)).text).orders;
      if (counted <= expected) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return {
      invoicesPerSecond: expected / seconds,
      p99: percentile(latencies, 99),
      p50: percentile(latencies, 50),
      pushes: latencies.length,
      reportMs,
      inReportMs: performance.now() - pushed,
    };
  } finally {
    const exit = await server.stop();
    if (exit.code !== 0) console.error(`quay-server exited with ${exit.code ?? exit.signal}`);
    await database.drop();
  }
}

export async function run() {
  const engines = ["sqlite", ...(process.env.BENCH_DATABASE_URL ? ["postgres"] : [])];
  const results = [];
  for (const engine of engines) {
    for (const stores of STORE_COUNTS) {
      const runs = [];
      for (let rep = 0; rep < REPS; rep++) {
        const result = await oneRun(engine, stores);
        console.log(
          `  ${engine}, ${stores} store(s), run ${rep + 1}/${REPS}: ${result.invoicesPerSecond.toFixed(0)} invoices/s, push p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms (${result.pushes} pushes), report ${result.reportMs.toFixed(0)} ms, a sale in the report ${result.inReportMs.toFixed(0)} ms after its push`,
        );
        runs.push(result);
      }
      const spread = stores === 1 ? "one store" : `${stores} stores`;
      const what = `${STATIONS} stations (${spread}) × ${INVOICES} paid invoices, ${BATCH} per push, ${engine}`;
      results.push(
        {
          metric: `${what}: throughput`,
          value: median(runs.map((r) => r.invoicesPerSecond)),
          unit: "invoices/s",
          goal: `≥ ${THROUGHPUT_GOAL[engine]}`,
        },
        {
          metric: `${what}: push latency p99`,
          value: median(runs.map((r) => r.p99)),
          unit: "ms",
          goal: "≤ 500",
        },
        {
          metric: `${engine}, ${spread}: sales report over ${STATIONS * INVOICES} invoices`,
          value: median(runs.map((r) => r.reportMs)),
          unit: "ms",
        },
        {
          metric: `${engine}, ${spread}: a pushed sale in the sales report (push sent → counted)`,
          value: median(runs.map((r) => r.inReportMs)),
          unit: "ms",
          goal: "≤ 1000",
        },
      );
    }
  }
  if (!process.env.BENCH_DATABASE_URL) console.log("  (set BENCH_DATABASE_URL to run on PostgreSQL too)");
  return { name: "server push", results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { results } = await run();
  console.table(
    results.map(({ metric, value, unit }) => ({ metric, value: Number(value.toFixed(1)), unit })),
  );
}
