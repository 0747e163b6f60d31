// Ops committed at the counter → bytes at the bar's printer: a real station process, a fake
// printer on a loopback port (a `net` server taking each connection as one job).
import { createServer } from "node:net";
import { login, ok } from "../tests/support/http.mjs";
import { removeDir, startServer, startStation, tempDir } from "../tests/support/processes.mjs";
import { median, percentile } from "./_stats.mjs";

const TICKETS = 100;

/** A printer that answers every job and tells `onJob` when the last byte of one arrived. */
async function startPrinter(onJob) {
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    socket.on("data", () => undefined);
    socket.on("end", () => {
      onJob(performance.now());
      socket.end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function run() {
  const serverDir = tempDir("bench-print-server");
  const stationDir = tempDir("bench-print-station");
  let arrived = () => undefined;
  const printer = await startPrinter((at) => arrived(at));
  const server = await startServer({ dataDir: serverDir });
  const provisioning = await startStation({ serverUrl: server.url, dataDir: stationDir });
  await login(provisioning.url, "thungan", "1234", "online");
  await provisioning.stop();
  const { StationDb } = await import("../apps/station/dist/index.js");
  const db = StationDb.open(stationDir);
  const catalog = db.catalog();
  db.replaceCatalog({
    ...catalog,
    printers: [
      {
        id: "0190a000-0000-7000-8000-0000000000d1",
        name: "Bar",
        address: `tcp://127.0.0.1:${printer.port}`,
        kind: "kitchen",
        categoryIds: catalog.categories.map((category) => category.id),
        width: 80,
        vietnamese: "tcvn3",
        active: true,
      },
    ],
  });
  db.close();
  const station = await startStation({ serverUrl: server.url, dataDir: stationDir });
  const token = await login(station.url, "thungan", "1234", "online");
  const item = (await ok(station.url, "GET", "/api/catalog", { token })).items[0];
  const latencies = [];
  try {
    for (let index = 0; index < TICKETS; index++) {
      const order = await ok(station.url, "POST", "/api/orders", { token, body: {} });
      const job = new Promise((resolve) => {
        arrived = resolve;
      });
      // From before the call: the commit happens inside it, so this bounds the latency from above.
      const started = performance.now();
      await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
        token,
        body: { itemId: item.id, quantity: 1 },
      });
      latencies.push((await job) - started);
    }
  } finally {
    await station.stop();
    await server.stop();
    await printer.close();
    removeDir(serverDir);
    removeDir(stationDir);
  }
  return {
    name: "printing",
    results: [
      {
        metric: "line committed → ticket at the printer, p50",
        value: median(latencies),
        unit: "ms",
        goal: "< 1000",
      },
      {
        metric: "line committed → ticket at the printer, p99",
        value: percentile(latencies, 99),
        unit: "ms",
        goal: "< 1000",
      },
    ],
  };
}
