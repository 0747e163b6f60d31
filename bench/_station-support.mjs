// What the station benchmarks share: a server, a proxy and a station; a backlog written straight into a station's file, the
// station's status stream followed with timestamps, and the server's order count.
import { getRandomValues } from "node:crypto";
import { ok } from "../tests/support/http.mjs";
import { removeDir, startServer, startStation, tempDir } from "../tests/support/processes.mjs";
import { startTcpProxy } from "../tests/support/tcp-proxy.mjs";

/**
 * A server, a TCP proxy in front of it (the internet, to cut) and a station behind the proxy,
 * each with its own temp data folder; `stop(station)` ends them all (the station given, which a
 * bench may have restarted) and removes the folders.
 */
export async function startBenchWorld() {
  const serverDir = tempDir("bench-server");
  const stationDir = tempDir("bench-station");
  const server = await startServer({ dataDir: serverDir });
  const proxy = await startTcpProxy({ targetPort: server.port });
  const station = await startStation({ serverUrl: proxy.url, dataDir: stationDir });
  return {
    server,
    proxy,
    station,
    stationDir,
    async stop(current = station) {
      await current.stop();
      await server.stop();
      await proxy.close();
      removeDir(serverDir);
      removeDir(stationDir);
    },
  };
}

/** How many orders of `status` the server holds, following its pages to the last. */
export async function countServerOrders(serverUrl, token, status) {
  let count = 0;
  let after = null;
  do {
    const cursor = after === null ? "" : `&after=${encodeURIComponent(after)}`;
    const page = await ok(serverUrl, "GET", `/api/orders?status=${status}&limit=10000${cursor}`, { token });
    count += page.orders.length;
    after = page.next;
  } while (after !== null);
  return count;
}

/** Writes the backlog straight into a stopped station's SQLite file, through its own order service. */
export async function seedBacklog(dataDir, { paid, open, lines }) {
  const { StationDb, OrderService } = await import("../apps/station/dist/index.js");
  const { uuidV7Generator } = await import("../packages/core/dist/index.js");
  const db = StationDb.open(dataDir);
  db.db.pragma("synchronous = OFF"); // seeding only: the bench measures the sync, not this
  const clock = { now: () => Date.now() };
  const orders = new OrderService({
    db,
    clock,
    newId: uuidV7Generator(clock, (length) => getRandomValues(new Uint8Array(length))),
    onOrderChanged: () => {},
  });
  const actor = { userId: db.credentials.findByUsername("thungan").userId, role: "cashier" };
  const items = db.catalog().items.filter((item) => item.active);
  const sell = (index, pay) => {
    let order = orders.create(actor, null);
    for (let line = 0; line < lines; line++) {
      order = orders.addLine(actor, order.id, {
        itemId: items[(index + line) % items.length].id,
        quantity: 1 + (line % 3),
      });
    }
    if (pay) orders.pay(actor, order.id, "cash", order.total);
  };
  for (let start = 0; start < paid; start += 500) {
    db.db.transaction(() => {
      for (let index = start; index < Math.min(paid, start + 500); index++) sell(index, true);
    })();
  }
  for (let index = 0; index < open; index++) sell(index, false);
  db.settings.set("offlineBacklog", true); // as the station marks sales it made offline
  db.close();
}

/** Follows the station's status events (a signed-in screen's stream), timestamping each. */
export function followStatus(stationUrl, token) {
  const controller = new AbortController();
  const events = [];
  const listeners = new Set();
  const done = (async () => {
    const response = await fetch(`${stationUrl}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
        if (!block.startsWith("event: status")) continue;
        const status = JSON.parse(block.slice(block.indexOf("data: ") + 6));
        const event = { at: performance.now(), status };
        events.push(event);
        for (const listener of listeners) listener(event);
      }
    }
  })().catch(() => {});
  return {
    events,
    /** Resolves with the time of the first status (from now on) that satisfies `predicate`. */
    until(predicate, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("status wait timed out")), timeoutMs);
        const listener = (event) => {
          if (!predicate(event.status)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(event.at);
        };
        listeners.add(listener);
      });
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}
