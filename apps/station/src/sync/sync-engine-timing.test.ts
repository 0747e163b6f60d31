import { getRandomValues } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Actor, uuidV7Generator } from "@quay/core";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StationDb } from "../db/station-db.js";
import { OrderService } from "../selling/order-service.js";
import { ConnectivityMonitor, DEFAULT_MONITOR_OPTIONS } from "./connectivity-monitor.js";
import { FAKE_CATALOG, ITEM_ID } from "./fake-server.test-support.js";
import { FakeTimers } from "./fake-timers.test-support.js";
import type { PullResponse, PushResponse } from "./server-client.js";
import { type SyncClient, SyncEngine } from "./sync-engine.js";
import { DEFAULT_SYNC_OPTIONS } from "./sync-options.js";

const EPOCH = Date.parse("2026-11-28T03:00:00.000Z");
const CASHIER: Actor = { userId: "0190a000-0000-7000-8000-0000000000a2", role: "cashier" };

/**
 * A provisioned station's engine on fake timers, against a server stub that answers at once:
 * when the engine pushes and pulls is measured on the fake clock, not the wall clock.
 */
function stationOnFakeTimers() {
  const timers = new FakeTimers();
  const clock = { now: () => EPOCH + timers.now() };
  const dataDir = mkdtempSync(join(tmpdir(), "quay-engine-timing-"));
  const db = StationDb.open(dataDir);
  db.transaction(() => {
    db.settings.set("stationId", "0190a000-0000-7000-8000-0000000000f1");
    db.settings.set("stationCode", "Q1");
    db.settings.set("deviceToken", "device-token");
    db.settings.set("store", FAKE_CATALOG.store);
    db.settings.set("catalog", FAKE_CATALOG);
  });
  const server = { up: true, pushedAt: [] as { at: number; ops: number }[], pulledAt: [] as number[] };
  const client: SyncClient = {
    // Nothing listens there: the event stream fails at once and retries on the fake timers.
    baseUrl: "http://127.0.0.1:9",
    async push(_token, body, _signal, onSent = () => {}): Promise<PushResponse> {
      onSent();
      const { ops } = JSON.parse(Buffer.from(body).toString()) as { ops: { id: string }[] };
      server.pushedAt.push({ at: timers.now(), ops: ops.length });
      return { held: ops.map((op) => op.id), cursor: 1 };
    },
    async pull(): Promise<PullResponse> {
      server.pulledAt.push(timers.now());
      return {
        cursor: 1,
        more: false,
        ops: [],
        catalog: null,
        users: null,
        bankTransfers: [],
        serverTime: new Date(EPOCH).toISOString(),
      };
    },
  };
  const monitor = new ConnectivityMonitor(
    async () => (server.up ? "ok" : "error"),
    DEFAULT_MONITOR_OPTIONS,
    timers,
  );
  let engine: SyncEngine | undefined;
  const orders = new OrderService({
    db,
    clock,
    newId: uuidV7Generator(clock, (length) => getRandomValues(new Uint8Array(length))),
    onOrderChanged: () => engine?.notifyLocalChange(),
  });
  engine = new SyncEngine({
    db,
    client,
    monitor,
    clock,
    timers,
    logger: pino({ level: "silent" }),
    onOrdersChanged: () => {},
    onStatusChanged: () => {},
  });
  const sync = engine;
  return {
    timers,
    store: db,
    server,
    engine: sync,
    /** A sale of one line, paid when asked. */
    sell(pay: boolean) {
      const order = orders.addLine(CASHIER, orders.create(CASHIER, null).id, {
        itemId: ITEM_ID,
        quantity: 1,
      });
      if (pay) orders.pay(CASHIER, order.id, "cash", order.total);
    },
    async close() {
      await sync.stop();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe("sync engine timing (fake timers)", () => {
  let station: ReturnType<typeof stationOnFakeTimers>;
  beforeEach(async () => {
    station = stationOnFakeTimers();
    station.engine.start();
    await station.timers.advance(0);
  });
  afterEach(() => station.close());

  it("goes online at once when the server answers, with a pull", () => {
    expect(station.engine.status()).toMatchObject({ mode: "online", serverReachable: true });
    expect(station.server.pulledAt).toEqual([0]);
  });

  it("pushes a local change `pushDelayMs` after it, and a burst of changes in one push", async () => {
    const { timers, server } = station;
    await timers.advance(250);
    station.sell(true); // open, addLine, addPayment + close: three commits
    await timers.advance(DEFAULT_SYNC_OPTIONS.pushDelayMs - 1);
    expect(server.pushedAt).toEqual([]);
    await timers.advance(1);
    expect(server.pushedAt).toEqual([{ at: 250 + DEFAULT_SYNC_OPTIONS.pushDelayMs, ops: 4 }]);
    expect(station.engine.status().pending).toEqual({ openOrders: 0, paidOrders: 0 });
  });

  it("pulls every `pullEveryMs` while online, though the server says nothing", async () => {
    await station.timers.advance(12_500);
    // Ticks come each second; a pull is due once more than 5 s passed since the last one.
    expect(station.server.pulledAt).toEqual([0, 6_000, 12_000]);
  });

  it("turns offline within a probe of losing the server, and offers the sync within one of its return", async () => {
    const { timers, server, engine } = station;
    await timers.advance(1_000);
    server.up = false;
    const lostAt = await timers.until(() => engine.status().mode === "offline", 3_000);
    expect(lostAt - 1_000).toBeLessThanOrEqual(DEFAULT_MONITOR_OPTIONS.intervalMs);
    station.sell(true);
    await timers.advance(5_000);
    expect(server.pushedAt).toEqual([]);
    server.up = true;
    const backAt = timers.now();
    const offeredAt = await timers.until(() => engine.status().sync.state === "offered", 2_000);
    expect(offeredAt - backAt).toBeLessThanOrEqual(DEFAULT_MONITOR_OPTIONS.intervalMs);
    await timers.advance(30_000);
    expect(server.pushedAt).toEqual([]); // not without the cashier's yes
    engine.requestSync();
    await timers.until(() => engine.status().mode === "online", 1_000);
    expect(server.pushedAt.map((push) => push.ops)).toEqual([4]);
  });
});
