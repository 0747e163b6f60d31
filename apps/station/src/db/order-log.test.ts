import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { foldOrder, type Op } from "@quay/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { slicesByOrder } from "../sync/work-slices.js";
import { openDatabase, type StationDatabase } from "./open-database.js";
import { OrderLog } from "./order-log.js";

const DEVICE = "0190c000-0000-7000-8000-000000000001";
const USER = "0190c000-0000-7000-8000-000000000002";
const ITEM = "0190c000-0000-7000-8000-000000000003";

describe("the station's outbox of closed orders", () => {
  let dir: string;
  let db: StationDatabase;
  let log: OrderLog;
  let next = 0;
  const newId = () => `0190c000-0000-7000-8000-${String(++next).padStart(12, "0")}`;

  /** A paid order of three ops, closed at `minute`; returns its id and ops. */
  const paidOrder = (minute: number) => {
    const orderId = newId();
    const at = `2026-11-28T02:${String(minute).padStart(2, "0")}:00.000Z`;
    const op = (kind: Op["kind"], data: unknown): Op =>
      ({ id: newId(), orderId, deviceId: DEVICE, deviceSeq: next, at, userId: USER, kind, data }) as Op;
    const ops = [
      op("open", { number: `CH01-Q1-20261128-${minute}`, tableId: null, storeId: newId() }),
      op("addLine", {
        lineId: newId(),
        itemId: ITEM,
        name: "Cà phê",
        unitPrice: 20_000,
        vatRate: 8,
        quantity: 1,
        note: null,
      }),
      op("addPayment", { paymentId: newId(), method: "cash", amount: 20_000 }),
      op("close", { total: 20_000 }),
    ];
    log.appendLocal(ops, foldOrder(orderId, ops));
    return { orderId, ops };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "quay-order-log-test-"));
    db = openDatabase(dir);
    log = new OrderLog(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the closed orders oldest first, a batch after another, each with its unsynced ops in order", () => {
    // Made out of order: the batches follow the time they were closed.
    const orders = [paidOrder(3), paidOrder(1), paidOrder(4), paidOrder(2), paidOrder(5)];
    const byTime = [orders[1], orders[3], orders[0], orders[2], orders[4]];
    const batches: string[][] = [];
    let batch = log.closedOutgoing(2);
    while (batch.ops.length > 0) {
      batches.push([...new Set(batch.ops.map((op) => op.orderId))]);
      const ids = batch.ops.map((op) => op.id);
      const expected = byTime
        .filter((order) => batches.at(-1)?.includes(order?.orderId ?? ""))
        .flatMap((order) => order?.ops.map((op) => op.id) ?? []);
      expect(ids).toEqual(expected);
      if (!batch.last) break;
      batch = log.closedOutgoing(2, batch.last);
    }
    expect(batches).toEqual([
      [byTime[0]?.orderId, byTime[1]?.orderId],
      [byTime[2]?.orderId, byTime[3]?.orderId],
      [byTime[4]?.orderId],
    ]);
  });

  it("marks only the held ops synced, and keeps an order pending while any op is not held", () => {
    const first = paidOrder(1);
    const second = paidOrder(2);
    const batch = log.closedOutgoing(10);
    expect(batch.ops).toHaveLength(8);
    const notHeld = second.ops[2]?.id;
    const held = new Set(batch.ops.map((op) => op.id).filter((id) => id !== notHeld));
    expect(new Set(log.markSynced(batch.ops, held))).toEqual(new Set([first.orderId, second.orderId]));
    expect(log.pendingCounts()).toEqual({ openOrders: 0, paidOrders: 1 });
    expect(log.closedOutgoing(10).ops.map((op) => op.id)).toEqual([notHeld]);
  });

  it("leaves unsynced an op made after the batch was read", () => {
    const order = paidOrder(1);
    const batch = log.closedOutgoing(10);
    const late: Op = { ...(order.ops[3] as Op), id: newId(), deviceSeq: 99 };
    log.appendLocal([late], foldOrder(order.orderId, [...order.ops, late]));
    log.markSynced(batch.ops, new Set(batch.ops.map((op) => op.id)));
    expect(log.pendingCounts()).toEqual({ openOrders: 0, paidOrders: 1 });
    expect(log.closedOutgoing(10).ops.map((op) => op.id)).toEqual([late.id]);
  });

  it("takes out of the outbox an op pulled back from elsewhere, and never puts a pulled one in", () => {
    const mine = paidOrder(1);
    const theirs = paidOrder(2);
    log.markSynced(log.unsyncedOf(theirs.orderId), new Set(theirs.ops.map((op) => op.id)));
    // The hub holds two of this counter's ops, and the pull brings them back with another device's.
    const foreign: Op = { ...(theirs.ops[0] as Op), id: newId(), orderId: newId(), deviceId: newId() };
    log.applyRemote([mine.ops[0] as Op, mine.ops[1] as Op, foreign], true);
    expect(log.unsyncedOf(foreign.orderId)).toEqual([]);
    expect(log.unsyncedOf(mine.orderId).map((op) => op.id)).toEqual([mine.ops[2]?.id, mine.ops[3]?.id]);
    expect(log.unsyncedOf(theirs.orderId)).toEqual([]);
    expect(log.pendingCounts()).toEqual({ openOrders: 0, paidOrders: 1 });
    log.applyRemote([mine.ops[2] as Op, mine.ops[3] as Op]);
    expect(log.pendingCounts()).toEqual({ openOrders: 0, paidOrders: 0 });
    expect(log.closedOutgoing(10).ops).toEqual([]);
  });

  it("marks a push synced slice by slice, a transaction each, as it would all at once", () => {
    const orders = [paidOrder(1), paidOrder(2), paidOrder(3), paidOrder(4)];
    const batch = log.closedOutgoing(10);
    // Ops spread among orders, as the open orders' are (by seq): no slice may cut an order.
    const nth = (op: { orderId: string; id: string }) =>
      batch.ops.filter((other) => other.orderId === op.orderId).findIndex((other) => other.id === op.id);
    const spread = [...batch.ops].sort((x, y) => nth(x) - nth(y));
    const notHeld = new Set([orders[1]?.ops[0]?.id, orders[3]?.ops[3]?.id]);
    const held = new Set(batch.ops.map((op) => op.id).filter((id) => !notHeld.has(id)));
    for (const slice of slicesByOrder(spread, 3)) db.transaction(() => log.markSynced(slice, held))();
    expect(log.pendingCounts()).toEqual({ openOrders: 0, paidOrders: 2 });
    expect(new Set(log.closedOutgoing(10).ops.map((op) => op.id))).toEqual(notHeld);
  });
});
