import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { MIGRATIONS } from "./migrations.js";
import { DATABASE_FILE, openDatabase } from "./open-database.js";
import { OrderLog } from "./order-log.js";

/** The last version whose outbox was a flag on each op and each order. */
const FLAGGED_OUTBOX = 12;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A station's file as version 12 left it: ops flagged `synced`, orders flagged `dirty`. */
function flaggedStation(): string {
  const dir = mkdtempSync(join(tmpdir(), "quay-outbox-migration-"));
  dirs.push(dir);
  const db = new Database(join(dir, DATABASE_FILE));
  for (const sql of MIGRATIONS.slice(0, FLAGGED_OUTBOX)) db.exec(sql);
  db.pragma(`user_version = ${FLAGGED_OUTBOX}`);
  const order = db.prepare(
    "INSERT INTO orders (id, status, closed_at, dirty, refusal, body) VALUES (?, ?, ?, ?, ?, '{}')",
  );
  order.run("open-pending", "open", null, 1, null);
  order.run("paid-pending", "paid", "2026-12-01T03:00:00.000Z", 1, null);
  order.run("paid-synced", "paid", "2026-12-01T02:00:00.000Z", 0, null);
  order.run("paid-refused", "paid", "2026-12-01T01:00:00.000Z", 1, '{"code":"OP_CONFLICT"}');
  const op = db.prepare(
    `INSERT INTO ops (id, order_id, device_id, device_seq, kind, at, body, synced)
     VALUES (?, ?, 'counter', ?, 'addLine', '2026-12-01T00:00:00.000Z', ?, ?)`,
  );
  const ops: [string, string, number][] = [
    ["a1", "open-pending", 0],
    ["b1", "paid-pending", 1],
    ["b2", "paid-pending", 0],
    ["c1", "paid-synced", 1],
    ["d1", "paid-refused", 0],
  ];
  ops.forEach(([id, orderId, synced], index) => {
    op.run(id, orderId, index + 1, JSON.stringify({ id }), synced);
  });
  db.close();
  return dir;
}

it("moves a flagged outbox into its own tables, the refused orders held back as before", () => {
  const db = openDatabase(flaggedStation());
  try {
    const unsynced = db
      .prepare("SELECT ops.id FROM unsynced_ops JOIN ops USING (seq) ORDER BY seq")
      .pluck()
      .all();
    expect(unsynced).toEqual(["a1", "b2", "d1"]);
    const pending = db.prepare("SELECT order_id, status FROM pending_orders ORDER BY order_id").all();
    expect(pending).toEqual([
      { order_id: "open-pending", status: "open" },
      { order_id: "paid-pending", status: "paid" },
    ]);
    const log = new OrderLog(db);
    expect(log.pendingCounts()).toEqual({ openOrders: 1, paidOrders: 1 });
    expect(log.openOutgoing().map((op) => op.id)).toEqual(["a1"]);
    expect(log.closedOutgoing(10).ops.map((op) => op.id)).toEqual(["b2"]);
    expect(log.unsyncedOf("paid-refused").map((op) => op.id)).toEqual(["d1"]);
  } finally {
    db.close();
  }
});
