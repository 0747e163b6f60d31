import { randomFillSync } from "node:crypto";
import { type Clock, uuidV7Generator } from "@quay/core";
import { afterAll } from "vitest";
import { buildServer } from "../apps/server/src/server.js";
import { OP_ROW_COLUMNS, type OpRow, opOfRow } from "../apps/server/src/storage/scripts/order-log.js";
import { type TestEngine, testEngines } from "../apps/server/src/test-support/engines.test-support.js";
import { PASSWORD, seedWorld } from "../apps/server/src/test-support/world.test-support.js";
import {
  describeSyncEngine,
  type HeldOp,
  type SyncBackend,
} from "../apps/station/src/sync/sync-engine-suite.test-support.js";
import { startTcpProxy } from "./support/tcp-proxy.mjs";

const systemClock: Clock = { now: () => Date.now() };

/**
 * The real server in this process, on a fresh database of `engine`, seeded with the test world;
 * the station reaches it through a TCP proxy that can reset every connection. Unlike the fake
 * server it validates every push and answers only what it holds.
 */
async function startRealBackend(engine: TestEngine): Promise<SyncBackend> {
  const db = await engine.fresh();
  const storage = await db.open();
  const newId = uuidV7Generator(systemClock, (length) => randomFillSync(new Uint8Array(length)));
  const app = await buildServer({ storage, clock: systemClock, newId, logLevel: "silent", webDist: null });
  const world = await seedWorld(storage, newId, new Date().toISOString());
  const pushes: { ops: number; orders: number }[] = [];
  const arrival = new Map<string, number>();
  // Runs once a push is parsed and validated, before it is stored.
  app.addHook("preHandler", async (request) => {
    if (request.routeOptions.url !== "/api/sync/push") return;
    const { ops } = request.body as { ops: { orderId: string }[] };
    pushes.push({ ops: ops.length, orders: new Set(ops.map((op) => op.orderId)).size });
    for (const op of ops) if (!arrival.has(op.orderId)) arrival.set(op.orderId, arrival.size + 1);
  });
  const address = new URL(await app.listen({ host: "127.0.0.1", port: 0 }));
  const proxy = await startTcpProxy({ targetPort: Number(address.port) });
  const call = async (method: "POST", url: string, body: object, token?: string) => {
    const response = await app.inject({
      method,
      url,
      payload: body,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json() as Record<string, unknown>;
  };
  const { a1 } = world.stores;
  const item = a1.items[0];
  if (!item) throw new Error("the test world's store has no items");
  return {
    url: proxy.url,
    cashier: { username: world.users.cashierA.username, password: PASSWORD },
    itemId: item.id,
    pushes,
    setLink: (link) => proxy.setMode(link === "up" ? "pass" : link === "down" ? "reset" : "blackhole"),
    async orderOps(orderId) {
      if (!/^[0-9a-f-]{36}$/.test(orderId)) throw new Error(`not an order id: ${orderId}`);
      const rows = await db.query<OpRow>(
        `SELECT ${OP_ROW_COLUMNS} FROM ops WHERE order_id = '${orderId}' ORDER BY seq`,
      );
      return rows.map((row) => opOfRow(row) as HeldOp);
    },
    arrivalOf: (orderId) => arrival.get(orderId),
    async phoneAddsLine(orderId, itemId) {
      const { username } = world.users.waiterA;
      const { token } = await call("POST", "/api/login", { username, password: PASSWORD });
      await call("POST", `/api/orders/${orderId}/lines`, { itemId, quantity: 1 }, String(token));
    },
    async close() {
      await proxy.close();
      await app.close();
      await storage.close();
    },
  };
}

const engines = testEngines();
afterAll(async () => {
  for (const engine of engines) await engine.dispose();
});
for (const engine of engines) {
  describeSyncEngine(`the real server on ${engine.name}`, { start: () => startRealBackend(engine) });
}
