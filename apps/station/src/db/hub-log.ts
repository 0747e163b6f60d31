import type { Op } from "@quay/core";
import type { StationDatabase } from "./open-database.js";
import type { OutgoingOp } from "./order-log.js";

/** An op of the log as a hub serves it: its local sequence number and its JSON as stored. */
export interface SequencedOp {
  readonly seq: number;
  readonly body: string;
}

/**
 * The op log seen as a hub's and a spoke's (docs/sync-protocol.md, "The hub tier").
 *
 * As a hub, the log's `seq` is the cursor spokes pull by, and its head is the last number the
 * `ops` AUTOINCREMENT handed out (SQLite's `sqlite_sequence`). A change of the catalog or the
 * users takes a number of that same sequence (`advanceHead`), with no op, so one cursor covers
 * ops, catalog and users, as the cloud's does.
 *
 * As a spoke, `at_hub` marks what the hub holds of the ops made here.
 */
export class HubLog {
  private readonly selectHead;
  private readonly seedHead;
  private readonly bumpHead;
  private readonly selectAfter;
  private readonly selectOwed;
  private readonly markHeld;
  private readonly selectOwedCount;
  private readonly forgetOrder;
  private readonly adopt;
  private readonly insertRelayed;
  private readonly insertUnsynced;
  private readonly selectBodies;
  private readonly selectNumbers;

  constructor(db: StationDatabase) {
    this.selectHead = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'ops'");
    // Editing sqlite_sequence is how SQLite documents reserving AUTOINCREMENT numbers.
    this.seedHead = db.prepare(
      "INSERT INTO sqlite_sequence(name, seq) SELECT 'ops', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'ops')",
    );
    this.bumpHead = db.prepare<[], { seq: number }>(
      "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'ops' RETURNING seq",
    );
    this.selectAfter = db.prepare<[number, string, number], SequencedOp>(
      "SELECT seq, body FROM ops WHERE seq > ? AND device_id <> ? ORDER BY seq LIMIT ?",
    );
    // Open orders first: the tables still being served matter most to the other counters.
    this.selectOwed = db.prepare<[number], OutgoingOp>(
      `SELECT ops.order_id AS orderId, ops.seq AS seq, ops.id AS id, ops.body AS body
       FROM ops LEFT JOIN orders ON orders.id = ops.order_id
       WHERE ops.at_hub = 0
       ORDER BY coalesce(orders.status, 'open') <> 'open', ops.seq LIMIT ?`,
    );
    this.markHeld = db.prepare<[string]>("UPDATE ops SET at_hub = 1 WHERE id = ? AND at_hub = 0");
    this.selectOwedCount = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM ops WHERE at_hub = 0");
    this.forgetOrder = db.prepare<[string]>("UPDATE ops SET at_hub = NULL WHERE order_id = ? AND at_hub = 0");
    this.adopt = db.prepare<[string]>(
      `UPDATE ops SET at_hub = 0 WHERE at_hub IS NULL AND device_id = ?
       AND EXISTS (SELECT 1 FROM unsynced_ops WHERE unsynced_ops.seq = ops.seq)`,
    );
    // Ops with the same id are the same op: keep this insert idempotent. A spoke's op enters the
    // hub's log unsynced, so the hub relays it to the cloud (its order enters the outbox as the
    // caller refolds it).
    this.insertRelayed = db.prepare<[string, string, string, number, string, string, string]>(
      `INSERT INTO ops(id, order_id, device_id, device_seq, kind, at, body)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    );
    this.insertUnsynced = db.prepare<[number | bigint]>("INSERT INTO unsynced_ops(seq) VALUES (?)");
    this.selectBodies = db.prepare<[string], { id: string; body: string }>(
      "SELECT id, body FROM ops WHERE id IN (SELECT value FROM json_each(?))",
    );
    this.selectNumbers = db.prepare<[string], { id: string; number: string }>(
      "SELECT id, number FROM orders WHERE number IN (SELECT value FROM json_each(?))",
    );
  }

  /** The last sequence number taken (by an op, or by a catalog or users change); 0 when none. */
  head(): number {
    return this.selectHead.get()?.seq ?? 0;
  }

  /** Takes the next sequence number without an op (the catalog or the users changed); inside a transaction. */
  advanceHead(): number {
    this.seedHead.run();
    return this.bumpHead.get()?.seq ?? 0;
  }

  /** Ops after `cursor` not made by `exceptDevice`, in log order, at most `limit`. */
  opsAfter(cursor: number, exceptDevice: string, limit: number): SequencedOp[] {
    return this.selectAfter.all(cursor, exceptDevice, limit);
  }

  /** As a spoke: ops made here the hub does not hold yet, open orders first, at most `limit`. */
  owedToHub(limit: number): OutgoingOp[] {
    return this.selectOwed.all(limit);
  }

  owedCount(): number {
    return this.selectOwedCount.get()?.n ?? 0;
  }

  /** As a spoke: the hub's `held` answer; only ops that were owed change. */
  markAtHub(ids: readonly string[]): void {
    for (const id of ids) this.markHeld.run(id);
  }

  /** As a spoke: the hub refused an order for good; it goes to the cloud only, as without a hub. */
  stopOwing(orderId: string): void {
    this.forgetOrder.run(orderId);
  }

  /** As a spoke, on starting with a hub: what this station made and the cloud lacks goes to the hub too. */
  oweUnsyncedOf(deviceId: string): void {
    this.adopt.run(deviceId);
  }

  /** As a hub: stores a spoke's op unless held already; true when it is new. */
  storeRelayed(op: Op): boolean {
    const stored = this.insertRelayed.run(
      op.id,
      op.orderId,
      op.deviceId,
      op.deviceSeq,
      op.kind,
      op.at,
      JSON.stringify(op),
    );
    if (stored.changes === 0) return false;
    this.insertUnsynced.run(stored.lastInsertRowid);
    return true;
  }

  /** The stored JSON of the ops among `ids` the log holds. */
  storedBodies(ids: readonly string[]): Map<string, string> {
    return new Map(this.selectBodies.all(JSON.stringify(ids)).map((row) => [row.id, row.body]));
  }

  /** Which order holds each of these invoice numbers, for those held. */
  ordersNumbered(numbers: readonly string[]): Map<string, string> {
    return new Map(this.selectNumbers.all(JSON.stringify(numbers)).map((row) => [row.number, row.id]));
  }
}
