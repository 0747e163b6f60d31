import { describe, expect, it } from "vitest";
import {
  initialSyncStatus,
  type StatusFacts,
  type SyncStatusEvent,
  type SyncStatusState,
  stationStatus,
  syncStatusReducer,
} from "./sync-status.js";

const run = (events: readonly SyncStatusEvent[], from: SyncStatusState = initialSyncStatus) =>
  events.reduce(syncStatusReducer, from);

const online = run([{ type: "finished" }]);
const offered = run([{ type: "lost" }, { type: "offered" }], online);
const running = run([{ type: "consent" }, { type: "started" }], offered);

const facts: StatusFacts = {
  serverReachable: true,
  pending: { openOrders: 1, paidOrders: 2 },
  refusedOrders: [],
  lastSyncAt: null,
};
const refusedOrder = {
  orderId: "0190a000-0000-7000-8000-0000000000c1",
  number: "CH01-Q1-20261128-0001",
  code: "VALIDATION_FAILED",
  message: "amount out of range",
  at: "2026-11-28T03:00:00.000Z",
};

describe("sync status reducer", () => {
  it("starts offline and idle, and goes online when a round finishes", () => {
    expect(initialSyncStatus).toEqual({
      mode: "offline",
      sync: { state: "idle", phase: null, done: 0, total: 0, error: null },
      deviceRejected: false,
    });
    expect(online.mode).toBe("online");
  });

  it("offers the sync, runs it on the cashier's yes, reports progress, and ends online and idle", () => {
    expect(offered).toMatchObject({ mode: "offline", sync: { state: "offered", phase: null } });
    expect(run([{ type: "consent" }], offered).sync.state).toBe("running");
    const paid = run(
      [
        { type: "progress", phase: "open", done: 0, total: 2 },
        { type: "progress", phase: "open", done: 2, total: 2 },
        { type: "progress", phase: "paid", done: 3, total: 5 },
      ],
      running,
    );
    expect(paid.sync).toEqual({ state: "running", phase: "paid", done: 3, total: 5, error: null });
    expect(run([{ type: "finished" }], paid)).toEqual(online);
  });

  it("turns offline when the server is lost: a running sync fails, an offer is withdrawn", () => {
    expect(run([{ type: "lost" }], online)).toEqual({ ...online, mode: "offline" });
    const cut = run([{ type: "progress", phase: "paid", done: 1, total: 4 }, { type: "lost" }], running);
    expect(cut).toMatchObject({
      mode: "offline",
      sync: { state: "failed", error: "SERVER_UNREACHABLE", phase: "paid", done: 1, total: 4 },
    });
    expect(run([{ type: "lost" }], offered).sync.state).toBe("idle");
  });

  it("shows a failure only when it broke a running sync, and clears it when the sync starts again", () => {
    expect(run([{ type: "failed", code: "SYNC_FAILED" }], online)).toBe(online);
    const failed = run([{ type: "failed", code: "PROTOCOL_STATION_TOO_OLD" }], running);
    expect(failed.sync).toMatchObject({ state: "failed", error: "PROTOCOL_STATION_TOO_OLD" });
    expect(run([{ type: "offered" }], failed).sync).toMatchObject({
      state: "offered",
      error: "PROTOCOL_STATION_TOO_OLD",
    });
    expect(run([{ type: "started" }], failed).sync).toMatchObject({ state: "running", error: null });
  });

  it("keeps a rejected device failed and offline until it registers again", () => {
    const rejected = run([{ type: "deviceRejected" }], online);
    expect(rejected).toMatchObject({
      mode: "offline",
      deviceRejected: true,
      sync: { state: "failed", error: "DEVICE_REJECTED" },
    });
    expect(run([{ type: "registered" }], rejected).deviceRejected).toBe(false);
  });

  it("answers the same state for events that change nothing", () => {
    const unchanged: [SyncStatusState, SyncStatusEvent][] = [
      [online, { type: "reachable" }],
      [online, { type: "consent" }],
      [online, { type: "registered" }],
      [offered, { type: "offered" }],
      [run([{ type: "lost" }], online), { type: "lost" }],
    ];
    for (const [state, event] of unchanged) expect(syncStatusReducer(state, event)).toBe(state);
  });
});

describe("station status", () => {
  it("derives the status from the engine's state and the facts of the moment", () => {
    expect(stationStatus(online, facts)).toEqual({
      mode: "online",
      serverReachable: true,
      pending: { openOrders: 1, paidOrders: 2 },
      sync: { state: "idle", phase: null, done: 0, total: 0, error: null },
      refusedOrders: [],
      lastSyncAt: null,
    });
  });

  it("shows the oldest order the server refused as the failure between syncs, not during one", () => {
    const withRefused = { ...facts, refusedOrders: [refusedOrder] };
    expect(stationStatus(online, withRefused).sync).toEqual({
      state: "failed",
      phase: null,
      done: 0,
      total: 0,
      error: "VALIDATION_FAILED",
      orderId: refusedOrder.orderId,
    });
    expect(stationStatus(running, withRefused).sync).toMatchObject({ state: "running", error: null });
    expect(stationStatus(running, withRefused).refusedOrders).toEqual([refusedOrder]);
  });
});
